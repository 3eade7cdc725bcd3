import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { text } from '../../contract/common';
import { backupDatabase, defaultBackupName } from '../../server/backup/backup';
import type { TableFigure } from '../../server/backup/format';
import { migrateToPostgres } from '../../server/backup/migrate-to-postgres';
import { checkBackup } from '../../server/backup/read-backup';
import { restoreDatabase } from '../../server/backup/restore';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { FilePathSchema, parseFlags, SwitchSchema } from '../flags';
import { formatTable } from '../table';

/** The flags of `headway backup`. */
const BackupFlagsSchema = z.strictObject({ ...DATABASE_FLAGS, out: FilePathSchema.optional() });

/** The flags of `headway restore FILE`. */
const RestoreFlagsSchema = z.strictObject({ ...DATABASE_FLAGS, file: FilePathSchema, force: SwitchSchema });

/** The flags of `headway migrate-to-postgres`: from the data directory to the server. */
const MigrateFlagsSchema = z.strictObject({
  dataDir: DATABASE_FLAGS.dataDir,
  databaseUrl: text().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL of the server to move to'),
  force: SwitchSchema,
  keepBackup: FilePathSchema.optional(),
});

function totalRows(tables: Record<string, TableFigure>): number {
  return Object.values(tables).reduce((sum, t) => sum + t.rows, 0);
}

/** `headway backup`, `headway restore` and `headway migrate-to-postgres`. */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('backup')
      .description('write every table to one portable file with a checksum (gzip when FILE ends in .gz)')
      .option('-o, --out <file>', 'where to write it (default headway-backup-<time>.jsonl.gz)'),
  ).action(async (raw: Record<string, unknown>) => {
    const flags = parseFlags(BackupFlagsSchema, raw);
    const file = resolve(flags.out ?? defaultBackupName());
    const summary = await withDatabase(flags, ({ db }) => backupDatabase(db, file));
    process.stdout.write(
      `Backed up ${totalRows(summary.tables)} rows of ${Object.keys(summary.tables).length} tables at schema migration ${summary.migration}\n` +
        `  to ${summary.file}\n  SHA-256 ${summary.sha256}\n`,
    );
  });

  withDatabaseOptions(
    program
      .command('restore')
      .description('restore a backup into an empty database, all or nothing (--force replaces what it holds)')
      .argument('<file>', 'the backup file')
      .option('--force', 'replace everything the database holds'),
  ).action(async (file: string, raw: Record<string, unknown>) => {
    const flags = parseFlags(RestoreFlagsSchema, { ...raw, file }, { arguments: { file: '<file>' } });
    // A file that cannot be restored is refused before a data directory is even created.
    await checkBackup(resolve(flags.file));
    const summary = await withDatabase(flags, ({ db }) => restoreDatabase(db, resolve(flags.file), flags));
    process.stdout.write(
      `Restored ${totalRows(summary.tables)} rows of ${Object.keys(summary.tables).length} tables (schema migration ${summary.migration}); every table's rows and checksum match the backup\n`,
    );
  });

  program
    .command('migrate-to-postgres')
    .description('move the embedded database to a PostgreSQL server, verified by row counts and checksums')
    .option(
      '--data-dir <dir>',
      'the embedded database to move (env HEADWAY_DATA_DIR)',
      process.env.HEADWAY_DATA_DIR || './headway-data',
    )
    .option(
      '--database-url <url>',
      'the PostgreSQL server to move it to (env DATABASE_URL)',
      process.env.DATABASE_URL || undefined,
    )
    .option('--force', "replace what the server's database holds")
    .option('--keep-backup <file>', 'keep the backup taken on the way in this file')
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(MigrateFlagsSchema, raw, { secret: ['databaseUrl'] });
      const { backup, tables } = await migrateToPostgres(flags);
      const rows = tables.map((t) => [
        t.table,
        String(t.target.rows),
        t.target.sha256.slice(0, 16),
        t.same ? 'yes' : 'NO',
      ]);
      process.stdout.write(
        `${formatTable(['table', 'rows', 'sha256 (first 16)', 'same as the backup'], rows, { alignRight: [1] }).join('\n')}\n` +
          `Moved ${totalRows(backup.tables)} rows of ${tables.length} tables to the server; every count and checksum matches.\n` +
          'Start Headway with DATABASE_URL set to that server from now on.\n',
      );
    });
}
