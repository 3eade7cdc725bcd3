import { and, eq } from 'drizzle-orm';
import type { Item } from '../../contract';
import { itemDependencies, items, workspaces } from '../../db/schema';
import { AppError, notFound } from '../errors';
import { isUuid, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';
import { getItem } from './item-reads';

/**
 * Finds a path dependsOn → … → item along "waits on" edges; adding item → dependsOn would then
 * close a cycle. Returns the path of item ids, or null.
 */
export function findCyclePath(
  edges: readonly { itemId: string; dependsOnId: string }[],
  itemId: string,
  dependsOnId: string,
): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.itemId);
    if (list) list.push(e.dependsOnId);
    else next.set(e.itemId, [e.dependsOnId]);
  }
  const parent = new Map<string, string>();
  const queue = [dependsOnId];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const at = queue.shift() as string;
    if (at === itemId) {
      const path = [at];
      let cur = at;
      while (parent.has(cur)) {
        cur = parent.get(cur) as string;
        path.unshift(cur);
      }
      return path;
    }
    for (const n of next.get(at) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        parent.set(n, at);
        queue.push(n);
      }
    }
  }
  return null;
}

/** Makes `itemId` wait for `dependsOnId` to finish (plus a lag in working days); refuses cycles. */
export async function addDependency(
  ctx: CommandContext,
  input: { itemId: string; dependsOnId: string; lagDays: number; rationale?: string | undefined },
): Promise<Item> {
  const { db, actor } = ctx;
  const { itemId } = input;
  await requireDecision(db, actor, 'dependencies');
  const ws = actor.workspaceId;
  await inTransaction(
    ctx,
    async ({ db: tx }) => {
      // Serialise dependency changes per workspace so two concurrent edges cannot close a cycle.
      // NO KEY UPDATE: an item edit that logs a decision takes KEY SHARE on the workspace while
      // holding its item row; FOR UPDATE would deadlock with it when this touches the same item.
      await tx
        .select({ id: workspaces.id })
        .from(workspaces)
        .where(eq(workspaces.id, ws))
        .for('no key update');
      const both = await tx
        .select({ id: items.id, number: items.number })
        .from(items)
        .where(and(eq(items.workspaceId, ws)));
      const numbers = new Map(both.map((r) => [r.id, r.number]));
      if (!isUuid(itemId) || !numbers.has(itemId)) throw notFound('Item');
      if (!numbers.has(input.dependsOnId)) {
        throw new AppError('validation_failed', 'dependsOnId: no such item in this workspace');
      }
      if (itemId === input.dependsOnId) {
        throw new AppError('validation_failed', 'dependsOnId: an item cannot depend on itself');
      }
      const edges = await tx
        .select({ itemId: itemDependencies.itemId, dependsOnId: itemDependencies.dependsOnId })
        .from(itemDependencies)
        .where(eq(itemDependencies.workspaceId, ws));
      if (edges.some((e) => e.itemId === itemId && e.dependsOnId === input.dependsOnId)) {
        throw new AppError(
          'conflict',
          `#${numbers.get(itemId)} already depends on #${numbers.get(input.dependsOnId)}`,
        );
      }
      const path = findCyclePath(edges, itemId, input.dependsOnId);
      if (path) {
        const shown = [itemId, ...path].map((id) => `#${numbers.get(id)}`).join(' → ');
        throw new AppError(
          'validation_failed',
          `This dependency would close a cycle (${shown} waits on itself): remove one of those dependencies first`,
          { details: { cycle: [itemId, ...path] } },
        );
      }
      await tx.insert(itemDependencies).values({
        workspaceId: ws,
        itemId,
        dependsOnId: input.dependsOnId,
        lagDays: input.lagDays,
      });
      await tx.update(items).set({ updatedAt: new Date() }).where(eq(items.id, itemId));
      await recordDecision(tx, {
        workspaceId: ws,
        decision: 'dependencies',
        itemId,
        actorId: actor.userId,
        summary: `Made #${numbers.get(itemId)} wait for #${numbers.get(input.dependsOnId)}${input.lagDays ? ` plus ${input.lagDays} days` : ''}`,
        rationale: input.rationale,
        details: { dependsOnId: input.dependsOnId, lagDays: input.lagDays },
      });
    },
    () => ({ kind: 'dependencyChanged', itemIds: [itemId, input.dependsOnId] }),
  );
  return getItem(db, ws, itemId);
}

/** Removes a dependency; answers 404 when there is none. */
export async function removeDependency(
  ctx: CommandContext,
  input: { itemId: string; dependsOnId: string },
): Promise<Item> {
  const { db, actor } = ctx;
  const { itemId, dependsOnId } = input;
  await requireDecision(db, actor, 'dependencies');
  const ws = actor.workspaceId;
  if (!isUuid(itemId) || !isUuid(dependsOnId)) throw notFound('Dependency');
  await inTransaction(
    ctx,
    async ({ db: tx }) => {
      const removed = await tx
        .delete(itemDependencies)
        .where(
          and(
            eq(itemDependencies.workspaceId, ws),
            eq(itemDependencies.itemId, itemId),
            eq(itemDependencies.dependsOnId, dependsOnId),
          ),
        )
        .returning({ itemId: itemDependencies.itemId });
      if (removed.length === 0) throw notFound('Dependency');
      await recordDecision(tx, {
        workspaceId: ws,
        decision: 'dependencies',
        itemId,
        actorId: actor.userId,
        summary: 'Removed a dependency',
        details: { dependsOnId },
      });
    },
    () => ({ kind: 'dependencyChanged', itemIds: [itemId, dependsOnId] }),
  );
  return getItem(db, ws, itemId);
}
