import { describe, expect, it } from 'vitest';
import { PublicUrlFlagSchema, TrustProxyFlagSchema } from './config';

describe('PublicUrlFlagSchema', () => {
  it('should keep the origin of an http or https URL', () => {
    expect(PublicUrlFlagSchema.parse('https://headway.example.com/')).toBe('https://headway.example.com');
    expect(PublicUrlFlagSchema.parse('http://10.0.0.5:3000')).toBe('http://10.0.0.5:3000');
    expect(PublicUrlFlagSchema.parse(undefined)).toBeUndefined();
    expect(PublicUrlFlagSchema.parse('')).toBeUndefined();
  });

  it('should refuse what is not an origin, saying what to pass', () => {
    expect(PublicUrlFlagSchema.safeParse('headway.example.com').error?.issues[0]?.message).toMatch(
      /must be a URL such as https:\/\//,
    );
    expect(PublicUrlFlagSchema.safeParse('ftp://headway.example.com').error?.issues[0]?.message).toMatch(
      /must start with https:\/\//,
    );
    expect(PublicUrlFlagSchema.safeParse('https://example.com/headway').error?.issues[0]?.message).toMatch(
      /Headway is served at the root/,
    );
  });
});

describe('TrustProxyFlagSchema', () => {
  it('should read flags and environment values as a number of proxies', () => {
    const values = [undefined, false, true, 'true', 'on', 'false', '0', '', '2'];
    expect(values.map((v) => TrustProxyFlagSchema.parse(v))).toEqual([0, 0, 1, 1, 1, 0, 0, 0, 2]);
  });

  it('should refuse anything else', () => {
    for (const value of ['maybe', '11']) {
      expect(TrustProxyFlagSchema.safeParse(value).error?.issues[0]?.message).toMatch(
        /true, false or a number of proxies from 0 to 10/,
      );
    }
  });
});
