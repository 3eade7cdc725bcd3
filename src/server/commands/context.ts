import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import { recordChanges, type WorkspaceChange } from '../live/record';
import type { Actor } from '../policies/access';

/**
 * What every command runs with: the database (or the transaction it joins) and the caller.
 * Commands take `(ctx, input)`; a command that calls another passes its own context on, so
 * both write in the same transaction.
 */
export interface CommandContext {
  db: Database;
  actor: Actor;
  /** Inside a transaction opened by `inTransaction`: the changes it will announce on commit. */
  changes?: WorkspaceChange[];
}

/** What a command's result changed in the caller's workspace, for the members who have it open. */
export type Announce<T> = (result: T) => WorkspaceChange;

/** True when the context's database is already a transaction that a command can join. */
export function isInTransaction(ctx: CommandContext): boolean {
  return ctx.db instanceof PgTransaction;
}

/**
 * Runs `work` in one transaction: it opens one, or joins the one the context already carries,
 * so commands that call each other commit or roll back together. A command whose write others
 * should see at once passes `announce`: the transaction that commits the write also appends its
 * event for the live stream (see `live/record.ts`), once every command in it has run.
 * @param ctx the database and the caller
 * @param work the writes, given a context whose `db` is the transaction
 * @param announce what the result changed, for the workspace's live event stream
 * @returns what `work` returns, once the transaction (if this call opened it) has committed
 */
export async function inTransaction<T>(
  ctx: CommandContext,
  work: (tx: CommandContext) => Promise<T>,
  announce?: Announce<T>,
): Promise<T> {
  if (isInTransaction(ctx)) {
    const result = await work(ctx);
    if (announce) {
      // A transaction someone else opened: its end is not ours to see, so the event goes now.
      if (ctx.changes) ctx.changes.push(announce(result));
      else await recordChanges(ctx.db, ctx.actor.workspaceId, [announce(result)]);
    }
    return result;
  }
  // Everything inside must go through `tx`: PGlite serialises queries, so one made on the
  // outer database while the transaction is open would wait for it forever.
  return ctx.db.transaction(async (tx) => {
    const changes: WorkspaceChange[] = [];
    const result = await work({ ...ctx, db: tx as unknown as Database, changes });
    if (announce) changes.push(announce(result));
    // Last, so the workspace's event lock is held only while the transaction commits.
    await recordChanges(tx as unknown as Database, ctx.actor.workspaceId, changes);
    return result;
  });
}
