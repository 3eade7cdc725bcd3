/**
 * Scheduled backups: `headway serve` with HEADWAY_BACKUP_DIR writes a backup on a cron schedule
 * (HEADWAY_BACKUP_CRON, default daily at 03:00 UTC) and keeps the newest HEADWAY_BACKUP_KEEP (7).
 * The schedule is pg-boss's, so with several servers on one database one backup is written.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../db/client';
import { backupDatabase, defaultBackupName } from '../backup/backup';
import type { JobKind, ScheduledJob } from './queue';

export const BACKUP_QUEUE = 'backup';
const BACKUP_FILE = /^headway-backup-\d{4}-\d{2}-\d{2}T\d{6}Z\.jsonl\.gz$/;

export interface BackupSchedule {
  dir: string;
  cron: string;
  keep: number;
}

/**
 * The schedule from the environment, or null when HEADWAY_BACKUP_DIR is not set.
 * @throws Error saying which variable to fix
 */
export function readBackupSchedule(env: NodeJS.ProcessEnv): BackupSchedule | null {
  const dir = env.HEADWAY_BACKUP_DIR?.trim();
  if (!dir) return null;
  const cron = env.HEADWAY_BACKUP_CRON?.trim() || '0 3 * * *';
  if (cron.split(/\s+/).length !== 5) {
    throw new Error(
      `HEADWAY_BACKUP_CRON must be a cron expression of five fields, such as "0 3 * * *", not "${cron}"`,
    );
  }
  const keepText = env.HEADWAY_BACKUP_KEEP?.trim() || '7';
  const keep = Number(keepText);
  if (!Number.isInteger(keep) || keep < 1 || keep > 1000) {
    throw new Error(`HEADWAY_BACKUP_KEEP must be a whole number from 1 to 1000, not "${keepText}"`);
  }
  return { dir, cron, keep };
}

/**
 * Deletes the oldest backups in a folder beyond the newest `keep` (only files named as Headway
 * names its backups: anything else in the folder is left alone).
 * @returns the names deleted
 */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = readdirSync(dir)
    .filter((name) => BACKUP_FILE.test(name))
    .sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) rmSync(join(dir, name));
  return old;
}

/** The backup job: one backup file named by the time, then the oldest beyond `keep` deleted. */
export function backupJob(db: Database, schedule: BackupSchedule, now = () => new Date()): JobKind {
  return {
    queue: BACKUP_QUEUE,
    retryLimit: 2,
    retryDelaySeconds: 60,
    run: async () => {
      mkdirSync(schedule.dir, { recursive: true });
      await backupDatabase(db, join(schedule.dir, defaultBackupName(now())));
      pruneBackups(schedule.dir, schedule.keep);
    },
  };
}

/** The cron entry that sends the backup job. */
export function backupScheduled(schedule: BackupSchedule): ScheduledJob {
  return { queue: BACKUP_QUEUE, cron: schedule.cron, data: { queue: BACKUP_QUEUE } };
}
