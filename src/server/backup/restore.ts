import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { AppError } from '../errors';
import { parseRowLine, type TableFigure } from './format';
import { type CheckedBackup, checkBackup, readLines } from './read-backup';
import { currentMigration, holdsData, inventoryDatabase, quoted } from './rows';
import { type BackupTable, backupTables } from './tables';

/** Rows sent to the database in one INSERT. */
const INSERT_ROWS = 1000;

export interface RestoreOptions {
  /** Replace whatever the database holds (otherwise a database with data is refused). */
  force?: boolean;
}

/** What a restore wrote. */
export interface RestoreSummary {
  migration: string;
  tables: Record<string, TableFigure>;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows?: Record<string, unknown>[] }).rows ?? [];
}

/** Writes one table's rows; columns that name a row of the same table wait for `linkRows`. */
async function insertRows(tx: Database, table: BackupTable, rows: string[]): Promise<void> {
  const names = table.columns.map(quoted).join(', ');
  const values = table.columns.map((c) => (table.selfReferences.includes(c) ? 'null' : quoted(c))).join(', ');
  await tx.execute(
    sql`insert into ${sql.raw(quoted(table.name))} (${sql.raw(names)}) select ${sql.raw(values)} from jsonb_populate_recordset(null::${sql.raw(quoted(table.name))}, ${`[${rows.join(',')}]`}::jsonb)`,
  );
}

/** Sets the columns that reference the same table, once every row of it is there. */
async function linkRows(tx: Database, table: BackupTable, rows: string[]): Promise<void> {
  const set = table.selfReferences.map((c) => `${quoted(c)} = s.${quoted(c)}`).join(', ');
  const match = table.primaryKey.map((c) => `t.${quoted(c)} = s.${quoted(c)}`).join(' and ');
  for (let at = 0; at < rows.length; at += INSERT_ROWS) {
    const chunk = `[${rows.slice(at, at + INSERT_ROWS).join(',')}]`;
    await tx.execute(
      sql`update ${sql.raw(quoted(table.name))} t set ${sql.raw(set)} from jsonb_populate_recordset(null::${sql.raw(quoted(table.name))}, ${chunk}::jsonb) s where ${sql.raw(match)}`,
    );
  }
}

/** Restarts every serial column's sequence after the highest value restored. */
async function restartSequences(tx: Database): Promise<void> {
  const serials = rowsOf(
    await tx.execute(
      sql`select table_name, column_name from information_schema.columns where table_schema = current_schema() and column_default like 'nextval(%'`,
    ),
  );
  const known = new Set(backupTables().map((t) => t.name));
  for (const { table_name: tableName, column_name: columnName } of serials) {
    const table = String(tableName);
    if (!known.has(table)) continue;
    const column = quoted(String(columnName));
    await tx.execute(
      sql.raw(
        `select setval(pg_get_serial_sequence('${quoted(table)}', '${String(columnName)}'), coalesce(max(${column}), 1), max(${column}) is not null) from ${quoted(table)}`,
      ),
    );
  }
}

/** Streams the backup's rows into the tables, table by table, in the header's order. */
async function writeRows(tx: Database, backup: CheckedBackup): Promise<void> {
  const tables = new Map(backupTables().map((t) => [t.name, t]));
  let current: BackupTable | undefined;
  let batch: string[] = [];
  let links: string[] = [];
  const finishTable = async () => {
    if (current && batch.length > 0) await insertRows(tx, current, batch);
    if (current && links.length > 0) await linkRows(tx, current, links);
    batch = [];
    links = [];
  };
  let line = 0;
  for await (const text of readLines(backup.file)) {
    line += 1;
    if (line === 1 || line === backup.lines) continue;
    const row = parseRowLine(text);
    if (!row)
      throw new AppError('bad_request', `${backup.file} changed while it was restored: nothing was changed`);
    if (row.table !== current?.name) {
      await finishTable();
      current = tables.get(row.table);
      if (!current) throw new AppError('bad_request', `${backup.file} names an unknown table ${row.table}`);
    }
    batch.push(row.rowJson);
    if (current.selfReferences.length > 0) {
      const parsed = JSON.parse(row.rowJson) as Record<string, unknown>;
      if (current.selfReferences.some((c) => parsed[c] !== null && parsed[c] !== undefined)) {
        const keys = [...current.primaryKey, ...current.selfReferences];
        links.push(JSON.stringify(Object.fromEntries(keys.map((k) => [k, parsed[k]]))));
      }
    }
    if (batch.length >= INSERT_ROWS) {
      await insertRows(tx, current, batch);
      batch = [];
    }
  }
  await finishTable();
}

/**
 * Restores a backup into a database, all or nothing: the file is checked whole first (format,
 * schema migration, checksum), then every row is written in one transaction, the sequences
 * restart after the restored ids, and the database's row counts and checksums must equal the
 * backup's before it commits.
 * @param db the database to restore into, migrated to the backup's schema migration
 * @param file the backup file (gzip or not)
 * @param options.force replace everything the database holds; without it a database with data is refused
 * @returns the migration and the figures of every table restored
 * @throws AppError (bad_request) for a damaged, cut-short or foreign file; (conflict) for a
 *   database that holds data or is at another migration; nothing is changed in either case
 */
export async function restoreDatabase(
  db: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const backup = await checkBackup(file);
  const migration = await currentMigration(db);
  if (backup.header.migration !== migration) {
    throw new AppError(
      'conflict',
      `${file} was made at schema migration ${backup.header.migration}, and this database is at ${migration}: restore it with the Headway version it was made with, then start this version on that database to migrate it. Nothing was changed`,
    );
  }
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Database;
    if (await holdsData(tx)) {
      if (!options.force) {
        throw new AppError(
          'conflict',
          'The database already holds data: restore into an empty database, or give --force to replace everything in it. Nothing was changed',
        );
      }
      await tx.execute(
        sql.raw(
          `truncate table ${backupTables()
            .map((t) => quoted(t.name))
            .join(', ')}`,
        ),
      );
    }
    await writeRows(tx, backup);
    await restartSequences(tx);
    const restored = await inventoryDatabase(tx, { inTransaction: true });
    for (const [name, figure] of Object.entries(backup.trailer.tables)) {
      const got = restored[name];
      if (got?.rows !== figure.rows || got.sha256 !== figure.sha256) {
        throw new AppError(
          'internal',
          `Restoring ${name} did not give back the backup's rows (${got?.rows ?? 0} of ${figure.rows}, or different values): nothing was changed`,
        );
      }
    }
  });
  return { migration, tables: backup.trailer.tables };
}
