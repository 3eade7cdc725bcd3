import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { inventoryDatabase } from '../../src/server/backup/rows';
import { makeTempDir, runHeadway } from '../support/cli';
import { fillEveryTable } from '../support/every-table';

const dir = makeTempDir('backup-cli');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function inventoryOf(dataDir: string) {
  const handle = await openDatabase({ dataDir });
  try {
    return await inventoryDatabase(handle.db);
  } finally {
    await handle.close();
  }
}

describe('headway backup and headway restore', () => {
  it('should carry a data directory to another through a backup file, every row the same', async () => {
    const from = join(dir, 'from');
    const to = join(dir, 'to');
    const seeded = await openDatabase({ dataDir: from });
    let before: Awaited<ReturnType<typeof inventoryDatabase>>;
    try {
      await fillEveryTable(seeded.db);
      before = await inventoryDatabase(seeded.db);
    } finally {
      await seeded.close();
    }
    const file = join(dir, 'nightly.jsonl.gz');

    const backup = await runHeadway(from, ['backup', '--out', file]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Backed up \d+ rows of \d+ tables at schema migration \d{4}_\w+/);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const restore = await runHeadway(to, ['restore', file]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/every table's rows and checksum match the backup/);
    expect(await inventoryOf(to)).toEqual(before);
  }, 120_000);
});
