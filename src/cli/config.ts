import type { Command } from 'commander';
import { type DatabaseHandle, openDatabase } from '../db/client';

/** Database options shared by every verb that touches data. */
export function withDatabaseOptions(command: Command): Command {
  return command
    .option(
      '--data-dir <dir>',
      'embedded database directory (env HEADWAY_DATA_DIR)',
      process.env.HEADWAY_DATA_DIR ?? './headway-data',
    )
    .option(
      '--database-url <url>',
      'PostgreSQL server instead of the embedded database (env DATABASE_URL)',
      process.env.DATABASE_URL,
    );
}

export interface DatabaseFlags {
  dataDir: string;
  databaseUrl?: string | undefined;
}

/** Opens the database for one CLI command and always closes it (an open PGlite keeps Node alive). */
export async function withDatabase<T>(
  flags: DatabaseFlags,
  run: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = await openDatabase({ databaseUrl: flags.databaseUrl || undefined, dataDir: flags.dataDir });
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
}

/** Parses a TCP port flag or says what is wrong. */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`--port must be a number from 0 to 65535, not "${value}"`);
  return n;
}

/**
 * Parses `--public-url`: the https or http origin people use to reach Headway. The app is served
 * at the root (the `__Host-` cookies need Path=/), so a path is refused.
 */
export function parsePublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--public-url must be a URL such as https://headway.example.com, not "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`--public-url must start with https:// (or http://), not "${url.protocol}"`);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password)
    throw new Error(`--public-url must be an origin such as ${url.origin}: Headway is served at the root`);
  return url.origin;
}

/**
 * Parses `--trust-proxy`: how many reverse proxies in front of Headway may be believed about
 * the client's address (X-Forwarded-For). `true` means one; `false` or `0` none.
 */
export function parseTrustProxy(value: string | boolean | undefined): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return 1;
  const text = value.trim().toLowerCase();
  if (['', 'false', 'no', 'off', '0'].includes(text)) return 0;
  if (['true', 'yes', 'on'].includes(text)) return 1;
  if (/^\d+$/.test(text) && Number(text) <= 10) return Number(text);
  throw new Error(`--trust-proxy must be true, false or a number of proxies from 0 to 10, not "${value}"`);
}
