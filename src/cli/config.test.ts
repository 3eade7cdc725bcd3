import { describe, expect, it } from 'vitest';
import { parsePublicUrl, parseTrustProxy } from './config';

describe('parsePublicUrl', () => {
  it('should keep the origin of an http or https URL', () => {
    expect(parsePublicUrl('https://headway.example.com/')).toBe('https://headway.example.com');
    expect(parsePublicUrl('http://10.0.0.5:3000')).toBe('http://10.0.0.5:3000');
    expect(parsePublicUrl(undefined)).toBeUndefined();
    expect(parsePublicUrl('')).toBeUndefined();
  });

  it('should refuse what is not an origin, saying what to pass', () => {
    expect(() => parsePublicUrl('headway.example.com')).toThrow(/must be a URL such as https:\/\//);
    expect(() => parsePublicUrl('ftp://headway.example.com')).toThrow(/must start with https:\/\//);
    expect(() => parsePublicUrl('https://example.com/headway')).toThrow(/Headway is served at the root/);
  });
});

describe('parseTrustProxy', () => {
  it('should read flags and environment values as a number of proxies', () => {
    expect([undefined, false, true, 'true', 'on', 'false', '0', '', '2'].map(parseTrustProxy)).toEqual([
      0, 0, 1, 1, 1, 0, 0, 0, 2,
    ]);
  });

  it('should refuse anything else', () => {
    expect(() => parseTrustProxy('maybe')).toThrow(/true, false or a number of proxies/);
    expect(() => parseTrustProxy('11')).toThrow(/from 0 to 10/);
  });
});
