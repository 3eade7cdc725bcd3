import type { Command } from 'commander';
import { z } from 'zod';
import { text, wholeNumberText } from '../contract/common';
import { type DatabaseHandle, openDatabase } from '../db/client';

/** Database options shared by every verb that touches data. */
export function withDatabaseOptions(command: Command): Command {
  return command
    .option(
      '--data-dir <dir>',
      'embedded database directory (env HEADWAY_DATA_DIR)',
      process.env.HEADWAY_DATA_DIR || './headway-data',
    )
    .option(
      '--database-url <url>',
      'PostgreSQL server instead of the embedded database (env DATABASE_URL)',
      process.env.DATABASE_URL || undefined,
    );
}

/** The database flags every verb that touches data takes, for its flag schema. */
export const DATABASE_FLAGS = {
  dataDir: text().min(1, 'give a directory for the embedded database'),
  databaseUrl: text().optional(),
};

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

/** `--port`: a TCP port (0 picks a free one). */
export const PortFlagSchema = wholeNumberText(0, 65535);

/**
 * `--public-url`: the https or http origin people use to reach Headway, read as that origin;
 * empty means none. The app is served at the root (the `__Host-` cookies need Path=/), so a
 * path is refused.
 */
export const PublicUrlFlagSchema = text()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a URL such as https://headway.example.com' });
      return z.NEVER;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({
        code: 'custom',
        message: `must start with https:// (or http://), not "${url.protocol}"`,
      });
      return z.NEVER;
    }
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
      ctx.addIssue({
        code: 'custom',
        message: `must be an origin such as ${url.origin}: Headway is served at the root`,
      });
      return z.NEVER;
    }
    return url.origin;
  });

const TRUST_PROXY_MESSAGE = 'must be true, false or a number of proxies from 0 to 10';

/**
 * `--trust-proxy`: how many reverse proxies in front of Headway may be believed about the
 * client's address (X-Forwarded-For), read as a number. `true` (or the bare flag) means one;
 * `false` or `0` none.
 */
export const TrustProxyFlagSchema = z
  .union([z.boolean(), text()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === false) return 0;
    if (value === true) return 1;
    const word = value.trim().toLowerCase();
    if (['', 'false', 'no', 'off', '0'].includes(word)) return 0;
    if (['true', 'yes', 'on'].includes(word)) return 1;
    if (/^\d+$/.test(word) && Number(word) <= 10) return Number(word);
    ctx.addIssue({ code: 'custom', message: TRUST_PROXY_MESSAGE });
    return z.NEVER;
  });
