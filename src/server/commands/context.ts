import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import type { Actor } from '../policies/access';

/**
 * What every command runs with: the database (or the transaction it joins) and the caller.
 * Commands take `(ctx, input)`; a command that calls another passes its own context on, so
 * both write in the same transaction.
 */
export interface CommandContext {
  db: Database;
  actor: Actor;
}

/** True when the context's database is already a transaction that a command can join. */
export function isInTransaction(ctx: CommandContext): boolean {
  return ctx.db instanceof PgTransaction;
}

/**
 * Runs `work` in one transaction: it opens one, or joins the one the context already carries,
 * so commands that call each other commit or roll back together.
 * @param ctx the database and the caller
 * @param work the writes, given a context whose `db` is the transaction
 * @returns what `work` returns, once the transaction (if this call opened it) has committed
 */
export async function inTransaction<T>(
  ctx: CommandContext,
  work: (tx: CommandContext) => Promise<T>,
): Promise<T> {
  if (isInTransaction(ctx)) return work(ctx);
  // Everything inside must go through `tx`: PGlite serialises queries, so one made on the
  // outer database while the transaction is open would wait for it forever.
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx as unknown as Database }));
}
