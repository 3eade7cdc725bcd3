/**
 * The getting-started checklist of a workspace, each step read from what the workspace holds,
 * and the sample backlog its founder can load into it while it is empty.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq, isNotNull, or, sql } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import {
  GETTING_STARTED_STEPS,
  type GettingStarted,
  type GettingStartedStep,
  type ItemState,
} from '../../contract';
import type { Database } from '../../db/client';
import {
  decisionLog,
  forecasts,
  invitations,
  itemStateChanges,
  items,
  memberships,
  workspaces,
} from '../../db/schema';
import { DECISIONS, findEffectiveHolders } from '../../domain/decision-rights';
import { settingsForAll } from '../../domain/prioritization';
import { buildSampleBacklog } from '../demo/sample-backlog';
import { AppError, notFound } from '../errors';
import { type Actor, findTeam, requireFounder } from '../policies/access';
import { type CommandContext, inTransaction } from './context';

const DAY = 86_400_000;

async function countOf(query: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await query;
  return Number(row?.n ?? 0);
}

/**
 * Which first steps a workspace has taken: items brought in, someone invited or joined, the
 * decision rights checked (the matrix saved, or nobody holding a decision only for now), the
 * backlog ordered, something estimated, a forecast seen.
 * @returns the item count and each step with whether it is done
 */
export async function getGettingStarted(db: Database, actor: Actor): Promise<GettingStarted> {
  const ws = actor.workspaceId;
  const itemCount = await countOf(db.select({ n: count() }).from(items).where(eq(items.workspaceId, ws)));
  const members = await countOf(
    db.select({ n: count() }).from(memberships).where(eq(memberships.workspaceId, ws)),
  );
  const invited = await countOf(
    db.select({ n: count() }).from(invitations).where(eq(invitations.workspaceId, ws)),
  );
  const ordered = await countOf(
    db
      .select({ n: count() })
      .from(decisionLog)
      .where(and(eq(decisionLog.workspaceId, ws), eq(decisionLog.decision, 'backlog_order'))),
  );
  const estimated = await countOf(
    db
      .select({ n: count() })
      .from(items)
      .where(
        and(eq(items.workspaceId, ws), or(isNotNull(items.estimateLikely), isNotNull(items.storyPoints))),
      ),
  );
  const forecastsSeen = await countOf(
    db.select({ n: count() }).from(forecasts).where(eq(forecasts.workspaceId, ws)),
  );
  const team = await findTeam(db, ws);
  const interimOnly = DECISIONS.some((d) =>
    findEffectiveHolders(actor.matrix, d, team).some((holder) => holder.interim),
  );
  const done: Record<GettingStartedStep, boolean> = {
    items: itemCount > 0,
    team: members > 1 || invited > 0,
    decision_rights: actor.matrixVersion > 1 || !interimOnly,
    order: ordered > 0,
    estimates: estimated > 0,
    forecast: forecastsSeen > 0,
  };
  return {
    itemCount,
    steps: GETTING_STARTED_STEPS.map((id) => ({ id, done: done[id] })),
  };
}

/**
 * Loads the sample backlog (see `buildSampleBacklog`) into an empty workspace, in one
 * transaction: items in product order, numbered from the workspace's counter, with their state
 * history so finished work feeds the forecasts. Only the founder may, and only while the
 * workspace has no items, so real work is never mixed with made-up work.
 * @returns how many items were added
 */
export async function addSampleData(ctx: CommandContext, now = new Date()): Promise<{ added: number }> {
  const { actor } = ctx;
  requireFounder(actor, 'add sample data');
  const sample = buildSampleBacklog();
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      // Locking the workspace row serialises this with item creation, which takes the same lock.
      const [ws] = await tx
        .update(workspaces)
        .set({ nextItemNumber: sql`${workspaces.nextItemNumber} + ${sample.length}` })
        .where(eq(workspaces.id, actor.workspaceId))
        .returning({ first: sql<number>`${workspaces.nextItemNumber} - ${sample.length}` });
      if (!ws) throw notFound('Workspace');
      const existing = await countOf(
        tx.select({ n: count() }).from(items).where(eq(items.workspaceId, actor.workspaceId)),
      );
      if (existing > 0) {
        throw new AppError(
          'conflict',
          `Sample data goes only into an empty workspace, and this one has ${existing} item${existing === 1 ? '' : 's'}: create a new workspace to try it`,
        );
      }
      const ranks = generateNKeysBetween(null, null, sample.length);
      const ago = (days: number) => new Date(now.getTime() - days * DAY);
      const ids = sample.map(() => randomUUID());
      await tx.insert(items).values(
        sample.map((it, i) => ({
          id: ids[i] as string,
          parentId: it.parent === null ? null : (ids[it.parent] as string),
          workspaceId: actor.workspaceId,
          number: Number(ws.first) + i,
          type: it.type,
          title: it.title,
          state: it.state,
          rank: ranks[i] as string,
          orderedAt: ago(it.createdDaysAgo - 1),
          estimateOptimistic: it.estimate?.optimistic ?? null,
          estimateLikely: it.estimate?.likely ?? null,
          estimatePessimistic: it.estimate?.pessimistic ?? null,
          estimatedBy: it.estimate ? actor.userId : null,
          estimatedAt: it.estimate ? ago(it.createdDaysAgo - 1) : null,
          scores: it.scores,
          // The founder loaded the sample: its scores are theirs, as an import's are its importer's.
          scoreProvenance: settingsForAll(it.scores, {
            by: actor.userId,
            at: now.toISOString(),
            source: 'imported',
          }),
          skills: it.skills,
          labels: it.labels,
          targetDate:
            it.targetInDays === null
              ? null
              : new Date(now.getTime() + it.targetInDays * DAY).toISOString().slice(0, 10),
          createdBy: actor.userId,
          createdAt: ago(it.createdDaysAgo),
          updatedAt: ago(it.doneDaysAgo ?? it.createdDaysAgo),
          completedAt: it.doneDaysAgo === null ? null : ago(it.doneDaysAgo),
        })),
      );
      await tx.insert(itemStateChanges).values(
        sample.flatMap((it, i) => {
          const itemId = ids[i] as string;
          const change = (from: ItemState | null, to: ItemState, at: Date) => ({
            workspaceId: actor.workspaceId,
            itemId,
            fromState: from,
            toState: to,
            changedBy: actor.userId,
            changedAt: at,
          });
          const created = ago(it.createdDaysAgo);
          if (it.state === 'new') return [change(null, 'new', created)];
          if (it.state !== 'done')
            return [change(null, 'new', created), change('new', it.state, ago(it.createdDaysAgo - 2))];
          const finished = ago(it.doneDaysAgo ?? 0);
          const started = new Date(finished.getTime() - (it.estimate?.likely ?? 1) * DAY);
          return [
            change(null, 'new', created),
            change('new', 'in_progress', started),
            change('in_progress', 'done', finished),
          ];
        }),
      );
      return { added: sample.length };
    },
    () => ({ kind: 'sampleDataAdded' }),
  );
}
