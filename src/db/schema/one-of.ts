import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * The CHECK that a text column holds one of a closed list of values, written from the same list
 * that types the column, so the database and the compiler never disagree on what is known.
 * The values are Headway's own constants, never input; quotes are doubled all the same.
 */
export function oneOf(column: AnyColumn, values: readonly string[]): SQL {
  const list = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(',');
  return sql`${column} in (${sql.raw(list)})`;
}
