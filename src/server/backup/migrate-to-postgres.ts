import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/client';
import { AppError } from '../errors';
import { type BackupSummary, backupDatabase } from './backup';
import type { TableFigure } from './format';
import { restoreDatabase } from './restore';
import { inventoryDatabase } from './rows';

export interface MigrateToPostgresOptions {
  /** The embedded installation's data directory. */
  dataDir: string;
  /** The PostgreSQL server to move it to. */
  databaseUrl: string;
  /** Replace what the server's database holds. */
  force?: boolean;
  /** Keep the backup taken on the way in this file (otherwise it is removed once verified). */
  keepBackup?: string | undefined;
}

/** One table as found on both sides. */
export interface TableComparison {
  table: string;
  source: TableFigure;
  target: TableFigure;
  same: boolean;
}

/**
 * Moves an embedded installation to a PostgreSQL server: a backup of the data directory, restored
 * into the server (migrated first, like `headway serve` does), then every table's row count and
 * checksum read back from the server and compared with the backup's.
 * @returns the backup and the comparison of every table; throws when any table differs
 */
export async function migrateToPostgres(
  options: MigrateToPostgresOptions,
): Promise<{ backup: BackupSummary; tables: TableComparison[] }> {
  const folder = options.keepBackup ? undefined : mkdtempSync(join(tmpdir(), 'headway-migrate-'));
  const file = options.keepBackup ?? join(folder ?? '.', 'backup.jsonl.gz');
  try {
    const source = await openDatabase({ dataDir: options.dataDir });
    let backup: BackupSummary;
    try {
      backup = await backupDatabase(source.db, file);
    } finally {
      await source.close();
    }
    const target = await openDatabase({ databaseUrl: options.databaseUrl });
    let found: Record<string, TableFigure>;
    try {
      await restoreDatabase(target.db, file, { force: options.force ?? false });
      found = await inventoryDatabase(target.db);
    } finally {
      await target.close();
    }
    const tables = Object.entries(backup.tables).map(([table, source]) => {
      const target = found[table] ?? { rows: 0, sha256: '' };
      return { table, source, target, same: source.rows === target.rows && source.sha256 === target.sha256 };
    });
    const differing = tables.filter((t) => !t.same).map((t) => t.table);
    if (differing.length > 0) {
      throw new AppError('internal', `The server's data differs from the backup in ${differing.join(', ')}`);
    }
    return { backup, tables };
  } finally {
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}
