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
