import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { decisionLog, items } from '../../src/db/schema';
import { backupDatabase } from '../../src/server/backup/backup';
import { restoreDatabase } from '../../src/server/backup/restore';
import { inventoryDatabase } from '../../src/server/backup/rows';
import { backupTables } from '../../src/server/backup/tables';
import { makeTempDir } from '../support/cli';
import { createTestDatabase } from '../support/database';
import { AWKWARD_TEXT, fillEveryTable } from '../support/every-table';

let source: DatabaseHandle;
let target: DatabaseHandle;
let dir: string;
let file: string;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await fillEveryTable(source.db);
  dir = makeTempDir('backup');
  file = join(dir, 'backup.jsonl.gz');
  await backupDatabase(source.db, file);
}, 60_000);
afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** The backup's lines, uncompressed. */
function linesOf(path: string): string[] {
  return gunzipSync(readFileSync(path)).toString('utf8').trimEnd().split('\n');
}

/** A copy of the backup with its lines changed, written uncompressed. */
function variant(name: string, change: (lines: string[]) => string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${change(linesOf(file)).join('\n')}\n`);
  return path;
}

describe('backup and restore', () => {
  it('should hold every table of the schema, each with rows, in a database that lists no other table', async () => {
    const figures = await inventoryDatabase(source.db);
    for (const table of backupTables()) expect(figures[table.name]?.rows, table.name).toBeGreaterThan(0);
    const inDatabase = (await source.db.execute(
      sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'headway_migrations'`,
    )) as unknown as { rows: { table_name: string }[] };
    expect(inDatabase.rows.map((r) => r.table_name).sort()).toEqual(
      backupTables()
        .map((t) => t.name)
        .sort(),
    );
  });

  it('should restore into an empty database the very rows it was made from', async () => {
    const summary = await restoreDatabase(target.db, file);
    const [before, after] = await Promise.all([inventoryDatabase(source.db), inventoryDatabase(target.db)]);
    expect(after).toEqual(before);
    expect(summary.tables).toEqual(before);
    // Values a JavaScript round trip would change come back exactly.
    const micros = (await target.db.execute(
      sql`select to_char(updated_at at time zone 'UTC', 'US') as us, title from items where number = 2`,
    )) as unknown as { rows: { us: string; title: string }[] };
    expect(micros.rows[0]).toEqual({ us: '123456', title: AWKWARD_TEXT });
    const [child] = await target.db.select({ parentId: items.parentId }).from(items).where(sql`number = 2`);
    expect(child?.parentId).toBe('ffffffff-0000-4000-8000-000000000001');
  });

  it('should go on numbering serial ids after the restored ones', async () => {
    const [highest] = await target.db.select({ id: sql<number>`max(${decisionLog.id})` }).from(decisionLog);
    const [workspace] = await target.db
      .execute(sql`select id from workspaces limit 1`)
      .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    const [added] = await target.db
      .insert(decisionLog)
      .values({ workspaceId: workspace?.id ?? '', decision: 'backlog_order', summary: 'after restore' })
      .returning({ id: decisionLog.id });
    expect(Number(added?.id)).toBeGreaterThan(Number(highest?.id));
    await target.db.delete(decisionLog).where(sql`${decisionLog.id} = ${added?.id}`);
  });

  it('should refuse a database that holds data without --force, and replace it all with it', async () => {
    await target.db.execute(sql`update items set title = 'changed here' where number = 1`);
    const changed = await inventoryDatabase(target.db);
    await expect(restoreDatabase(target.db, file)).rejects.toThrow(/already holds data.*--force/);
    expect(await inventoryDatabase(target.db)).toEqual(changed);
    await restoreDatabase(target.db, file, { force: true });
    expect(await inventoryDatabase(target.db)).toEqual(await inventoryDatabase(source.db));
  });

  const corrupted: Array<[string, () => string, RegExp]> = [
    [
      'a changed value',
      () => variant('changed.jsonl', (l) => l.map((line) => line.replace('"Parent"', '"Parenx"'))),
      /does not match its SHA-256 checksum/,
    ],
    ['a file cut short', () => variant('short.jsonl', (l) => l.slice(0, -3)), /cut short/],
    [
      'a gzip file cut short',
      () => {
        const path = join(dir, 'short.jsonl.gz');
        const whole = readFileSync(file);
        writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
        return path;
      },
      /damaged or cut short|cut short/,
    ],
    [
      'a file that is not a backup',
      () => {
        const path = join(dir, 'export.json');
        writeFileSync(path, gzipSync(JSON.stringify({ headway: 1, workspace: {} })));
        return path;
      },
      /not a Headway backup/,
    ],
    [
      'a backup from a newer schema',
      () =>
        variant('newer.jsonl', (l) => {
          const header = { ...JSON.parse(l[0] ?? '{}'), migration: '9999_from_the_future' };
          const body = [JSON.stringify(header), ...l.slice(1, -1)];
          const sha256 = createHash('sha256')
            .update(`${body.join('\n')}\n`)
            .digest('hex');
          return [...body, JSON.stringify({ ...JSON.parse(l.at(-1) ?? '{}'), sha256 })];
        }),
      /newer Headway.*9999_from_the_future/,
    ],
  ];
  for (const [what, make, message] of corrupted) {
    it(`should refuse ${what} with a clear message and change nothing, even with --force`, async () => {
      const before = await inventoryDatabase(target.db);
      await expect(restoreDatabase(target.db, make(), { force: true })).rejects.toThrow(message);
      expect(await inventoryDatabase(target.db)).toEqual(before);
    });
  }
});
