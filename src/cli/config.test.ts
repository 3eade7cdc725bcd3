import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { PublicUrlFlagSchema, TrustProxyFlagSchema, withDatabaseOptions } from './config';

describe('withDatabaseOptions', () => {
  const saved = { dataDir: process.env.HEADWAY_DATA_DIR, url: process.env.DATABASE_URL };
  afterEach(() => {
    process.env.HEADWAY_DATA_DIR = saved.dataDir;
    process.env.DATABASE_URL = saved.url;
    if (saved.dataDir === undefined) delete process.env.HEADWAY_DATA_DIR;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
  });

  it('should read an empty HEADWAY_DATA_DIR or DATABASE_URL as unset, not as an empty value', () => {
    process.env.HEADWAY_DATA_DIR = '';
    process.env.DATABASE_URL = '';
    const options = withDatabaseOptions(new Command()).parse([], { from: 'user' }).opts();
    expect(options).toEqual({ dataDir: './headway-data' });
  });

  it('should take the directory and server from the environment when they are set', () => {
    process.env.HEADWAY_DATA_DIR = '/srv/headway';
    process.env.DATABASE_URL = 'postgres://db.example/headway';
    const options = withDatabaseOptions(new Command()).parse([], { from: 'user' }).opts();
    expect(options).toEqual({ dataDir: '/srv/headway', databaseUrl: 'postgres://db.example/headway' });
  });
});

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
