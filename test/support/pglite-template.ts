import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { type DatabaseHandle, executeOnPglite, listenOnPglite } from '../../src/db/client';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import * as schema from '../../src/db/schema';

/**
 * A migrated, empty PGlite data directory made once per test run. Creating a PGlite database
 * runs initdb inside WebAssembly, which costs seconds per test file on a busy machine; starting
 * from this snapshot skips it. Each test file still gets its own in-memory database, and still
 * runs `migrate` (a no-op here), so a snapshot from an older schema could never go unnoticed.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string | undefined;
  }
}

/** Vitest global setup: makes the snapshot and removes it when the run ends. */
export default async function setup(project: TestProject): Promise<() => void> {
  project.provide('pgliteTemplate', undefined);
  if (process.env.HEADWAY_TEST_DB === 'pg') return () => {};
  const client = await PGlite.create();
  await migrate(drizzle(client, { schema }) as unknown as Database);
  const dump = await client.dumpDataDir('none');
  await client.close();
  const dir = mkdtempSync(join(tmpdir(), 'headway-pglite-template-'));
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

/** A fresh in-memory database from the snapshot, or undefined when the run has none. */
export async function openFromTemplate(): Promise<DatabaseHandle | undefined> {
  const file = inject('pgliteTemplate');
  if (!file) return undefined;
  const client = await PGlite.create({ loadDataDir: new Blob([readFileSync(file)]) });
  const db = drizzle(client, { schema }) as unknown as Database;
  await migrate(db);
  return {
    db,
    kind: 'pglite',
    location: 'in memory',
    listen: listenOnPglite(client),
    executeSql: executeOnPglite(client),
    close: () => client.close(),
  };
}
