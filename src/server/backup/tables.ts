/**
 * The tables a backup holds, read from the drizzle schema: every table it defines, ordered so
 * that a table comes after every table it references, with what a dump and a restore need to
 * know about each (primary key, columns that reference the same table).
 */
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema';

export interface BackupTable {
  /** The table's name in the database. */
  name: string;
  /** Every column, in the schema's order. */
  columns: string[];
  /** The primary key's columns: rows are dumped in this order, so two dumps compare line by line. */
  primaryKey: string[];
  /**
   * Columns that reference the same table (an item's parent, an amended decision): restored in a
   * second pass, so a row may name one that comes after it.
   */
  selfReferences: string[];
}

function describe(table: PgTable): BackupTable & { references: string[] } {
  const config = getTableConfig(table);
  const columns = config.columns.map((c) => c.name);
  const primaryKey =
    config.primaryKeys[0]?.columns.map((c) => c.name) ??
    config.columns.filter((c) => c.primary).map((c) => c.name);
  const selfReferences: string[] = [];
  const references = new Set<string>();
  for (const key of config.foreignKeys) {
    const reference = key.reference();
    const target = getTableConfig(reference.foreignTable).name;
    if (target === config.name) selfReferences.push(...reference.columns.map((c) => c.name));
    else references.add(target);
  }
  return { name: config.name, columns, primaryKey, selfReferences, references: [...references] };
}

/**
 * Orders tables so every table follows the tables it references (a stable topological sort:
 * ties keep their name order, so every backup lists tables the same way).
 * @throws on a reference cycle between tables, which a restore could not order
 */
export function orderByReferences<T extends { name: string; references: string[] }>(
  tables: readonly T[],
): T[] {
  const remaining = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const placed = new Set<string>();
  const ordered: T[] = [];
  while (remaining.length > 0) {
    const next = remaining.findIndex((t) => t.references.every((r) => placed.has(r)));
    if (next < 0)
      throw new Error(`tables reference each other in a cycle: ${remaining.map((t) => t.name).join(', ')}`);
    const [table] = remaining.splice(next, 1);
    if (!table) break;
    placed.add(table.name);
    ordered.push(table);
  }
  return ordered;
}

let cached: BackupTable[] | undefined;

/** Every table of Headway's schema, each after the tables it references. */
export function backupTables(): BackupTable[] {
  cached ??= orderByReferences(
    (Object.values(schema) as unknown[])
      .filter((value): value is PgTable => is(value, PgTable))
      .map(describe),
  ).map(({ references: _references, ...table }) => table);
  return cached;
}
