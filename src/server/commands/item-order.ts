import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { generateKeyBetween } from 'fractional-indexing';
import type { MovedItem } from '../../contract';
import type { Database } from '../../db/client';
import { items, workspaces } from '../../db/schema';
import { AppError, sqlStateOf } from '../errors';
import { isUuid, requireDecision } from '../policies/access';
import { type ItemRow, label, presentItem } from '../presenters/item';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';
import { loadDeps, loadRow, versionConflict } from './items';

/**
 * Serialises writes to the manual order of one workspace for the rest of the transaction, so two
 * moves never read the same neighbours and compute the same rank. Captures of new items (which
 * update the workspace row) and applied rankings take the same row lock. NO KEY UPDATE, not
 * UPDATE: a concurrent write that only references the workspace (a decision-log entry, an item
 * update) takes KEY SHARE on it, which this does not block, so no deadlock with those.
 */
export async function lockWorkspaceOrder(tx: Database, workspaceId: string): Promise<void> {
  await tx
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for('no key update');
}

/**
 * Places an item in the manual product order, between two neighbours, with a fractional rank so
 * no other item is renumbered. Recorded as an ordering decision, whose id and version come back
 * with the item so the mover can give its why right after (see `amendRationale`).
 */
export async function moveItem(
  ctx: CommandContext,
  input: {
    itemId: string;
    version?: number | undefined;
    afterId?: string | null;
    beforeId?: string | null;
    rationale?: string | undefined;
  },
): Promise<MovedItem> {
  const { db, actor } = ctx;
  await requireDecision(db, actor, 'backlog_order');
  const current = await loadRow(db, actor.workspaceId, input.itemId);
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      const ws = actor.workspaceId;
      await lockWorkspaceOrder(tx, ws);
      const rankOf = async (id: string, field: 'afterId' | 'beforeId') => {
        if (id === current.id)
          throw new AppError('validation_failed', `${field}: an item cannot move next to itself`);
        if (!isUuid(id)) throw new AppError('validation_failed', `${field}: no such item in this workspace`);
        const [r] = await tx
          .select({ rank: items.rank, number: items.number })
          .from(items)
          .where(and(eq(items.id, id), eq(items.workspaceId, ws)))
          .limit(1);
        if (!r) throw new AppError('validation_failed', `${field}: no such item in this workspace`);
        return r;
      };
      const neighbour = async (cmp: 'after' | 'before', rank: string | null) => {
        const conditions = [eq(items.workspaceId, ws), sql`${items.id} <> ${current.id}`];
        if (rank !== null) conditions.push(cmp === 'after' ? gt(items.rank, rank) : lt(items.rank, rank));
        const [r] = await tx
          .select({ rank: items.rank })
          .from(items)
          .where(and(...conditions))
          .orderBy(cmp === 'after' ? asc(items.rank) : sql`${items.rank} desc`)
          .limit(1);
        return r?.rank ?? null;
      };
      let lower: string | null;
      let upper: string | null;
      let where: string;
      if (input.afterId !== undefined) {
        if (input.afterId === null) {
          lower = null;
          upper = await neighbour('after', null);
          where = 'to the top';
        } else {
          const a = await rankOf(input.afterId, 'afterId');
          lower = a.rank;
          upper = await neighbour('after', a.rank);
          where = `after #${a.number}`;
        }
      } else if (input.beforeId === null || input.beforeId === undefined) {
        lower = await neighbour('before', null);
        upper = null;
        where = 'to the bottom';
      } else {
        const b = await rankOf(input.beforeId, 'beforeId');
        upper = b.rank;
        lower = await neighbour('before', b.rank);
        where = `before #${b.number}`;
      }
      const rank = generateKeyBetween(lower, upper);
      const conditions = [eq(items.id, current.id)];
      if (input.version !== undefined) conditions.push(eq(items.version, input.version));
      let row: ItemRow | undefined;
      try {
        [row] = await tx
          .update(items)
          .set({
            rank,
            orderedAt: new Date(),
            updatedAt: new Date(),
            version: sql`${items.version} + 1`,
          })
          .where(and(...conditions))
          .returning();
      } catch (error) {
        if (sqlStateOf(error) === '23505') {
          throw new AppError('conflict', 'The order changed while you moved this item: reload and try again');
        }
        throw error;
      }
      if (!row) {
        const latest = await loadRow(tx, ws, current.id);
        throw versionConflict(presentItem(latest, await loadDeps(tx, [latest.id])));
      }
      const decision = await recordDecision(tx, {
        workspaceId: ws,
        decision: 'backlog_order',
        itemId: row.id,
        actorId: actor.userId,
        summary: `Moved ${label(row)} ${where}`,
        rationale: input.rationale,
        details: { from: current.rank, to: rank },
      });
      return {
        ...presentItem(row, await loadDeps(tx, [row.id])),
        decision: { id: String(decision.id), version: decision.version },
      };
    },
    (item) => ({ kind: 'itemMoved', itemIds: [item.id] }),
  );
}
