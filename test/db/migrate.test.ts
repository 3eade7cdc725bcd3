import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { createServerDatabase, TEST_DB } from '../support/database';

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

async function migrationCount(handle: DatabaseHandle): Promise<number> {
  const res = (await handle.db.execute(
    sql`select count(*)::int as n from headway_migrations`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return res.rows[0]?.n ?? -1;
}

describe(`migrations on ${TEST_DB === 'pg' ? 'a PostgreSQL server' : 'PGlite'}`, () => {
  it('should apply each migration once, also when reopened or started concurrently', async () => {
    if (TEST_DB === 'pg') {
      const url = await createServerDatabase();
      // Two Headway processes starting at once on one server: the advisory lock serialises them.
      const [a, b] = await Promise.all([
        openDatabase({ databaseUrl: url }),
        openDatabase({ databaseUrl: url }),
      ]);
      cleanup.push(
        () => a.close(),
        () => b.close(),
      );
      expect(await migrationCount(a)).toBe(await migrationCount(b));
      expect(await migrate(a.db)).toEqual([]);
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'headway-migrate-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      const first = await openDatabase({ dataDir: join(dir, 'data') });
      const count = await migrationCount(first);
      await first.close();
      const again = await openDatabase({ dataDir: join(dir, 'data') });
      cleanup.push(() => again.close());
      expect(await migrationCount(again)).toBe(count);
      expect(await migrate(again.db)).toEqual([]);
    }
  });
});
