import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { migrateToPostgres } from '../../src/server/backup/migrate-to-postgres';
import { inventoryDatabase } from '../../src/server/backup/rows';
import { backupTables } from '../../src/server/backup/tables';
import { makeTempDir } from '../support/cli';
import { createServerDatabase } from '../support/database';
import { fillEveryTable } from '../support/every-table';

const server = process.env.DATABASE_URL;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!server)(
  'migrate-to-postgres (skipped: set DATABASE_URL to a PostgreSQL server to run it)',
  () => {
    it('should move every row of an embedded installation to the server, and refuse a second move without --force', async () => {
      const dir = makeTempDir('migrate');
      dirs.push(dir);
      const dataDir = join(dir, 'data');
      const embedded = await openDatabase({ dataDir });
      let before: Awaited<ReturnType<typeof inventoryDatabase>>;
      try {
        await fillEveryTable(embedded.db);
        before = await inventoryDatabase(embedded.db);
      } finally {
        await embedded.close();
      }
      const databaseUrl = await createServerDatabase();

      const moved = await migrateToPostgres({ dataDir, databaseUrl });
      expect(moved.tables.map((t) => t.table)).toEqual(backupTables().map((t) => t.name));
      expect(moved.tables.every((t) => t.same && t.target.rows > 0)).toBe(true);
      const target = await openDatabase({ databaseUrl });
      try {
        expect(await inventoryDatabase(target.db)).toEqual(before);
      } finally {
        await target.close();
      }

      await expect(migrateToPostgres({ dataDir, databaseUrl })).rejects.toThrow(
        /already holds data.*--force/,
      );
      const again = await migrateToPostgres({ dataDir, databaseUrl, force: true });
      expect(again.tables.every((t) => t.same)).toBe(true);
    }, 120_000);
  },
);
