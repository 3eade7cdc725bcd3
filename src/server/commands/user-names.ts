import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';

/**
 * The names of accounts, by id: one query for all of them (none when no id is given).
 * @param ids the accounts; null, undefined and repeated ids are skipped
 * @returns id → name for the accounts that exist (a deleted one is absent)
 */
export async function loadUserNames(
  db: Database,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}
