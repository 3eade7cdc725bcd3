/**
 * The changes a proposal can carry, in words, checked and applied: an order change through
 * `moveItem`, a scope change (cut, bring back, move under a milestone) through `updateItem`, so a
 * proposed change and a direct one are the same decision, logged the same way.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { ProposalChange } from '../../contract';
import type { Database } from '../../db/client';
import { decisionLog, items } from '../../db/schema';
import type { Decision } from '../../domain/decision-rights';
import { AppError } from '../errors';
import { label } from '../presenters/item';
import { type CommandContext, inTransaction } from './context';
import { moveItem } from './item-order';
import { checkParent, loadRow, updateItem } from './items';

/** The decision a change belongs to: the order is the ordering decision, the rest is scope. */
export function decisionOfChange(change: ProposalChange): Decision {
  return change.kind === 'order' ? 'backlog_order' : 'scope';
}

export type Labelled = { number: number; title: string };

/** The change in words: "Move #12 “Export” before #7 “Import”". */
export function describeChange(
  change: ProposalChange,
  item: Labelled,
  others: Map<string, Labelled>,
): string {
  const name = label(item);
  const other = (id: string) => {
    const row = others.get(id);
    return row ? label(row) : 'an item no longer in the workspace';
  };
  switch (change.kind) {
    case 'order':
      if (change.afterId === null) return `Move ${name} to the top`;
      if (change.afterId !== undefined) return `Move ${name} after ${other(change.afterId)}`;
      if (change.beforeId === null || change.beforeId === undefined) return `Move ${name} to the bottom`;
      return `Move ${name} before ${other(change.beforeId)}`;
    case 'cut':
      return `Cut ${name} from scope`;
    case 'restore':
      return `Bring ${name} back into scope`;
    case 'move_to':
      return change.parentId === null
        ? `Take ${name} out of its parent`
        : `Move ${name} under ${other(change.parentId)}`;
  }
}

export function referencedIds(change: ProposalChange): string[] {
  if (change.kind === 'order')
    return [change.afterId, change.beforeId].filter((id) => typeof id === 'string');
  if (change.kind === 'move_to' && change.parentId) return [change.parentId];
  return [];
}

/** Refuses a change that could not be applied now, saying what to fix. */
export async function checkChange(
  db: Database,
  workspaceId: string,
  item: Awaited<ReturnType<typeof loadRow>>,
  change: ProposalChange,
) {
  const name = label(item);
  switch (change.kind) {
    case 'order':
      for (const [field, id] of [
        ['afterId', change.afterId],
        ['beforeId', change.beforeId],
      ] as const) {
        if (!id) continue;
        if (id === item.id)
          throw new AppError('validation_failed', `change.${field}: an item cannot move next to itself`);
        const [found] = await db
          .select({ id: items.id })
          .from(items)
          .where(and(eq(items.id, id), eq(items.workspaceId, workspaceId)));
        if (!found)
          throw new AppError('validation_failed', `change.${field}: no such item in this workspace`);
      }
      return;
    case 'cut':
      if (item.state === 'cancelled')
        throw new AppError('validation_failed', `${name} is already cut from scope`);
      return;
    case 'restore':
      if (item.state !== 'cancelled')
        throw new AppError(
          'validation_failed',
          `${name} is in scope: only a cut (cancelled) item can be brought back`,
        );
      return;
    case 'move_to':
      if (change.parentId === item.parentId)
        throw new AppError('validation_failed', `change.parentId: ${name} already sits there`);
      await checkParent(db, workspaceId, item.type, change.parentId, item.id);
  }
}

/**
 * Applies a change as the context's actor, in one transaction: checked first (a change that no
 * longer applies answers 400 and changes nothing), then made by the same command as a direct change,
 * which checks the actor's decision right and logs the decision with the rationale.
 * @returns the id of the decision-log entry the change wrote
 */
export async function applyChange(
  ctx: CommandContext,
  input: { itemId: string; change: ProposalChange; rationale: string },
): Promise<{ decisionId: number }> {
  const { actor } = ctx;
  const { change, rationale } = input;
  return inTransaction(ctx, async (tx) => {
    const item = await loadRow(tx.db, actor.workspaceId, input.itemId);
    await checkChange(tx.db, actor.workspaceId, item, change);
    if (change.kind === 'order') {
      const moved = await moveItem(tx, { itemId: item.id, ...change, rationale });
      return { decisionId: Number(moved.decision.id) };
    }
    const fields =
      change.kind === 'cut'
        ? { state: 'cancelled' as const }
        : change.kind === 'restore'
          ? { state: 'new' as const }
          : { parentId: change.parentId };
    await updateItem(tx, { itemId: item.id, version: item.version, ...fields, rationale });
    const [entry] = await tx.db
      .select({ id: decisionLog.id })
      .from(decisionLog)
      .where(
        and(
          eq(decisionLog.itemId, item.id),
          eq(decisionLog.decision, 'scope'),
          eq(decisionLog.actorId, actor.userId),
        ),
      )
      .orderBy(desc(decisionLog.id))
      .limit(1);
    if (!entry) throw new Error('the scope change wrote no decision');
    return { decisionId: entry.id };
  });
}
