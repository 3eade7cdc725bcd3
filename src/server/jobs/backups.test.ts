import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database';
import { defaultBackupName } from '../backup/backup';
import { checkBackup } from '../backup/read-backup';
import { backupJob, pruneBackups, readBackupSchedule } from './backups';

describe('scheduled backups', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('should keep the newest N backups and leave other files alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'headway-backups-'));
    dirs.push(dir);
    const names = [5, 1, 4, 2, 3].map((day) => defaultBackupName(new Date(Date.UTC(2026, 11, day, 3))));
    for (const name of [...names, 'notes.txt', 'headway-backup-x.jsonl.gz'])
      writeFileSync(join(dir, name), 'x');
    const deleted = pruneBackups(dir, 3);
    expect(deleted).toEqual([names[1], names[3]]);
    expect(readdirSync(dir).sort()).toEqual(
      ['headway-backup-x.jsonl.gz', 'notes.txt', names[4], names[2], names[0]].sort(),
    );
  });

  it('should write a backup and delete the oldest beyond the number kept when the job runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headway-backups-'));
    dirs.push(dir);
    const handle = await createTestDatabase();
    try {
      let day = 1;
      const job = backupJob(
        handle.db,
        { dir, cron: '0 3 * * *', keep: 2 },
        () => new Date(Date.UTC(2026, 0, day++)),
      );
      for (let i = 0; i < 3; i++) await job.run({ queue: job.queue }, { id: 'x' });
      expect(readdirSync(dir)).toEqual([
        defaultBackupName(new Date(Date.UTC(2026, 0, 2))),
        defaultBackupName(new Date(Date.UTC(2026, 0, 3))),
      ]);
      // The backup names the schema it was taken at: the newest migration.
      const journal = JSON.parse(
        readFileSync(join(import.meta.dirname, '../../../drizzle/meta/_journal.json'), 'utf8'),
      ) as {
        entries: { tag: string }[];
      };
      expect((await checkBackup(join(dir, readdirSync(dir)[1] ?? ''))).header.migration).toBe(
        journal.entries.at(-1)?.tag,
      );
    } finally {
      await handle.close();
    }
  });

  it('should read the schedule from the environment, and say which setting is wrong', () => {
    expect(readBackupSchedule({})).toBeNull();
    expect(readBackupSchedule({ HEADWAY_BACKUP_DIR: '/backups' })).toEqual({
      dir: '/backups',
      cron: '0 3 * * *',
      keep: 7,
    });
    expect(
      readBackupSchedule({
        HEADWAY_BACKUP_DIR: '/b',
        HEADWAY_BACKUP_CRON: '*/30 * * * *',
        HEADWAY_BACKUP_KEEP: '2',
      }),
    ).toEqual({ dir: '/b', cron: '*/30 * * * *', keep: 2 });
    expect(() => readBackupSchedule({ HEADWAY_BACKUP_DIR: '/b', HEADWAY_BACKUP_KEEP: '0' })).toThrow(
      /HEADWAY_BACKUP_KEEP must be a whole number/,
    );
    expect(() => readBackupSchedule({ HEADWAY_BACKUP_DIR: '/b', HEADWAY_BACKUP_CRON: 'daily' })).toThrow(
      /HEADWAY_BACKUP_CRON must be a cron expression/,
    );
  });
});
