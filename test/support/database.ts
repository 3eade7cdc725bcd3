import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/db/client';
import { openFromTemplate } from './pglite-template';

/** Which database the integration tests run on: PGlite (default) or the server in DATABASE_URL. */
export const TEST_DB: 'pglite' | 'pg' = process.env.HEADWAY_TEST_DB === 'pg' ? 'pg' : 'pglite';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL server named by DATABASE_URL (dropped again by `drop`).
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  if (TEST_DB === 'pglite') return (await openFromTemplate()) ?? openDatabase({ dataDir: 'memory://' });
  const url = await createServerDatabase();
  const handle = await openDatabase({ databaseUrl: url });
  return { ...handle, url };
}

/** Creates an empty database on the test server and returns its URL. */
export async function createServerDatabase(): Promise<string> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('HEADWAY_TEST_DB=pg needs DATABASE_URL pointing at a PostgreSQL server');
  const name = `headway_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
