/**
 * Reading a database the way a backup sees it: every row of a table as PostgreSQL's JSON, in
 * primary-key order, and per table the row count and a SHA-256 of those rows, which two databases
 * holding the same data agree on whatever server or driver they run on.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { migrationTags } from '../../db/migrate';
import { AppError } from '../errors';
import type { TableFigure } from './format';
import { type BackupTable, backupTables } from './tables';

/** Rows fetched from the cursor at a time: memory stays flat on large tables. */
const FETCH_ROWS = 500;

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows?: Record<string, unknown>[] }).rows ?? [];
}

/** `"name"`, quoted for SQL (table and column names come from the schema, never from a file). */
export function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Settings that make `to_jsonb` write the same text on every server: timestamps in UTC. Runs
 * inside the caller's transaction and ends with it.
 */
export async function setStableText(tx: Database): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
}

/**
 * Calls `onRow` with each row of a table as JSON text, in primary-key order (text keys compared
 * byte by byte, so every server sorts them alike). Must run inside a transaction (a cursor).
 */
export async function readRows(
  tx: Database,
  table: BackupTable,
  onRow: (rowJson: string) => Promise<void> | void,
): Promise<void> {
  const order = table.primaryKey.map((c) => `${quoted(c)}::text collate "C"`).join(', ');
  await tx.execute(
    sql.raw(
      `declare headway_backup_rows no scroll cursor for select to_jsonb(t)::text as row from ${quoted(table.name)} t order by ${order}`,
    ),
  );
  for (;;) {
    const batch = rowsOf(await tx.execute(sql.raw(`fetch forward ${FETCH_ROWS} from headway_backup_rows`)));
    for (const row of batch) await onRow(String(row.row));
    if (batch.length < FETCH_ROWS) break;
  }
  await tx.execute(sql.raw('close headway_backup_rows'));
}

/** Counts a table's rows and hashes their JSON, one a line, as a backup's trailer records them. */
export class TableDigest {
  rows = 0;
  private readonly hash = createHash('sha256');

  add(rowJson: string): void {
    this.rows += 1;
    this.hash.update(`${rowJson}\n`);
  }

  figure(): TableFigure {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

/**
 * Every table's row count and checksum, read in one consistent snapshot (or inside the caller's
 * transaction when `db` is one).
 * @returns figures by table name, in restore order
 */
export async function inventoryDatabase(db: Database, options: { inTransaction?: boolean } = {}) {
  const run = async (tx: Database) => {
    await setStableText(tx);
    const figures: Record<string, TableFigure> = {};
    for (const table of backupTables()) {
      const digest = new TableDigest();
      await readRows(tx, table, (row) => digest.add(row));
      figures[table.name] = digest.figure();
    }
    return figures;
  };
  if (options.inTransaction) return run(db);
  return db.transaction((tx) => run(tx as unknown as Database), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

/**
 * The last schema migration applied to a database, in the order the migrations run.
 * @throws when none is (a database Headway never opened) or one is unknown to this version
 */
export async function currentMigration(db: Database): Promise<string> {
  const applied = rowsOf(await db.execute(sql`select tag from headway_migrations`)).map((r) => String(r.tag));
  const known = migrationTags();
  const unknown = applied.filter((tag) => !known.includes(tag));
  if (unknown.length > 0) {
    throw new AppError(
      'conflict',
      `The database was migrated by a newer Headway (migration ${unknown.join(', ')}): use that version`,
    );
  }
  const last = known.filter((tag) => applied.includes(tag)).at(-1);
  if (!last) throw new AppError('conflict', 'The database has no Headway migrations applied');
  return last;
}

/** Whether any of Headway's tables holds a row. */
export async function holdsData(db: Database): Promise<boolean> {
  for (const table of backupTables()) {
    const found = rowsOf(await db.execute(sql.raw(`select 1 as found from ${quoted(table.name)} limit 1`)));
    if (found.length > 0) return true;
  }
  return false;
}
