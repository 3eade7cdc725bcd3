import { describe, expect, it } from 'vitest';
import { addressLimitKey } from './client-address';

describe('addressLimitKey', () => {
  it('should count an IPv4 client by its address', () => {
    expect(addressLimitKey('203.0.113.7')).toBe('203.0.113.7');
  });

  it('should count IPv6 clients per /64, however they write their address', () => {
    expect(addressLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressLimitKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });

  it('should not limit loopback or an unknown address', () => {
    expect([addressLimitKey('127.0.0.1'), addressLimitKey('127.8.0.1'), addressLimitKey('::1')]).toEqual([
      null,
      null,
      null,
    ]);
    expect(addressLimitKey(null)).toBeNull();
    expect(addressLimitKey('not an address')).toBeNull();
  });
});
