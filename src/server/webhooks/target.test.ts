import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  checkWebhookUrl,
  readTargetPolicy,
  refuseAddress,
  resolveTarget,
  STRICT_POLICY,
  type TargetPolicy,
} from './target';

const PRIVATE_OK: TargetPolicy = { allowPrivate: true, allowList: [] };

describe('refuseAddress', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.255.10.3', /loopback/],
    ['::1', /loopback/],
    ['169.254.10.1', /link-local/],
    ['fe80::1', /link-local/],
    ['10.0.0.5', /private/],
    ['172.16.4.4', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.20', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.254', /carrier-grade NAT/],
    ['fc00::1', /unique-local/],
    ['fd12:3456::1', /unique-local/],
    ['::ffff:127.0.0.1', /IPv4-mapped/],
    ['::ffff:8.8.8.8', /IPv4-mapped/],
    ['169.254.169.254', /metadata/],
    ['fd00:ec2::254', /metadata/],
    ['fd00:ec2:0:0:0:0:0:254', /metadata/],
    ['0.0.0.0', /unspecified/],
    ['::', /unspecified/],
    ['224.0.0.1', /multicast/],
    ['64:ff9b::a00:1', /special-purpose/],
    ['2002:a00:1::', /special-purpose/],
  ])('should refuse %s', (address, reason) => {
    expect(refuseAddress(address, STRICT_POLICY)).toMatch(reason);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111'])(
    'should allow the public address %s',
    (address) => {
      expect(refuseAddress(address, STRICT_POLICY)).toBeNull();
    },
  );

  it('should allow private and loopback addresses when the operator allows private ones, but not metadata', () => {
    expect(refuseAddress('127.0.0.1', PRIVATE_OK)).toBeNull();
    expect(refuseAddress('10.1.2.3', PRIVATE_OK)).toBeNull();
    expect(refuseAddress('fd12::1', PRIVATE_OK)).toBeNull();
    expect(refuseAddress('169.254.169.254', PRIVATE_OK)).toMatch(/metadata/);
  });

  it('should allow exactly the listed ranges', () => {
    const policy = readTargetPolicy({ HEADWAY_WEBHOOKS_ALLOW: '10.1.0.0/16, 127.0.0.1/32' });
    expect(refuseAddress('10.1.9.9', policy)).toBeNull();
    expect(refuseAddress('127.0.0.1', policy)).toBeNull();
    expect(refuseAddress('127.0.0.2', policy)).toMatch(/loopback/);
    expect(refuseAddress('10.2.0.1', policy)).toMatch(/private/);
    expect(refuseAddress('::1', policy)).toMatch(/loopback/);
  });

  it('should refuse a setting that is not a CIDR range, naming it', () => {
    expect(() => readTargetPolicy({ HEADWAY_WEBHOOKS_ALLOW: '10.0.0.0' })).toThrow(
      /"10.0.0.0" is not a CIDR/,
    );
    expect(readTargetPolicy({ HEADWAY_WEBHOOKS_ALLOW_PRIVATE: '1' }).allowPrivate).toBe(true);
  });
});

describe('checkWebhookUrl', () => {
  const refused = (url: string) => {
    try {
      checkWebhookUrl(url, STRICT_POLICY);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation_failed');
      return (error as AppError).message;
    }
    throw new Error(`${url} was accepted`);
  };

  it.each([
    ['http://127.0.0.1:8080/hook', /loopback/],
    ['http://localhost/hook', /loopback/],
    ['http://api.localhost/hook', /loopback/],
    ['http://2130706433/hook', /loopback/],
    ['http://0x7f.0.0.1/hook', /loopback/],
    ['http://[::1]/hook', /loopback/],
    ['http://[::ffff:127.0.0.1]/hook', /IPv4-mapped/],
    ['http://169.254.169.254/latest/meta-data', /metadata/],
    ['http://[fd00:ec2::254]/', /metadata/],
    ['https://10.0.0.8/', /private/],
    ['https://100.100.1.1/', /carrier-grade/],
    ['ftp://hooks.example.com/', /https or http/],
    ['https://user:pw@hooks.example.com/', /credentials/],
    ['not a url', /not a URL/],
  ])('should refuse %s with a message that says why', (url, reason) => {
    expect(refused(url)).toMatch(reason);
  });

  it('should accept a public name or address (names are checked again when sending)', () => {
    expect(checkWebhookUrl('https://hooks.example.com/h', STRICT_POLICY).hostname).toBe('hooks.example.com');
    expect(checkWebhookUrl('http://93.184.216.34/h', STRICT_POLICY).hostname).toBe('93.184.216.34');
  });
});

describe('resolveTarget', () => {
  const answers = (map: Record<string, string[]>) => async (host: string) => {
    const found = map[host];
    if (!found) throw new Error('ENOTFOUND');
    return found;
  };

  it('should answer the first address when every address of the name is public', async () => {
    const resolve = answers({ 'hooks.example.com': ['93.184.216.34', '2606:2800:220:1::1'] });
    const target = await resolveTarget(new URL('https://hooks.example.com/'), {
      resolve,
      policy: STRICT_POLICY,
    });
    expect(target).toEqual({ address: '93.184.216.34', family: 4 });
  });

  it.each([
    [['10.0.0.7'], /private/],
    [['93.184.216.34', '127.0.0.1'], /loopback/],
    [['169.254.169.254'], /metadata/],
    [['fd00:ec2::254'], /metadata/],
    [['::ffff:10.0.0.1'], /IPv4-mapped/],
  ])('should refuse a name that resolves to %j', async (addresses, reason) => {
    const resolve = answers({ 'sneaky.example.com': addresses });
    const target = await resolveTarget(new URL('https://sneaky.example.com/'), {
      resolve,
      policy: STRICT_POLICY,
    });
    expect('refused' in target && target.refused).toMatch(reason);
  });

  it('should refuse a name that does not resolve', async () => {
    const target = await resolveTarget(new URL('https://nowhere.example.com/'), {
      resolve: answers({}),
      policy: STRICT_POLICY,
    });
    expect(target).toEqual({ refused: 'nowhere.example.com does not resolve' });
  });
});
