/** Published roadmap versions (the roadmap decision), so later plans show slips. */
import { and, desc, eq } from 'drizzle-orm';
import type { RoadmapSnapshotSummary } from '../../contract';
import { todayIso } from '../../contract';
import type { Database } from '../../db/client';
import { roadmapSnapshots } from '../../db/schema';
import { requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';
import { loadPlanSource } from './plan-input';
import { planRoadmap } from './roadmap';
import { freeze, loadSnapshot, readSnapshotPlan } from './roadmap-compare';
import { commitTargetDates } from './slips';

function presentSnapshot(row: typeof roadmapSnapshots.$inferSelect): RoadmapSnapshotSummary {
  const stored = readSnapshotPlan(row.plan);
  if ('problem' in stored) {
    // One unreadable version must not take the list down with it.
    return {
      id: row.id,
      version: row.version,
      note: row.note,
      startDate: row.startDate,
      endDate: null,
      publishedBy: row.publishedBy,
      publishedAt: row.publishedAt.toISOString(),
      items: 0,
      unreadable: stored.problem,
      milestones: [],
    };
  }
  const { plan } = stored;
  return {
    id: row.id,
    version: row.version,
    note: row.note,
    startDate: row.startDate,
    endDate: plan.endDate,
    publishedBy: row.publishedBy,
    publishedAt: row.publishedAt.toISOString(),
    items: plan.items.length,
    unreadable: null,
    milestones: plan.milestones,
  };
}

/**
 * Publishes the current plan as the next roadmap version (the `roadmap` decision, logged), so
 * later plans can be compared with it. Publishing commits the target dates of open items: moving
 * one afterwards is a slip that needs a reason.
 * @param ctx the database and the acting member
 * @param input an optional note and start date
 * @returns the new snapshot
 */
export async function publishSnapshot(
  ctx: CommandContext,
  input: { note?: string | undefined; start?: string | undefined },
): Promise<RoadmapSnapshotSummary> {
  const { db, actor } = ctx;
  await requireDecision(db, actor, 'roadmap');
  const { roadmap } = await planRoadmap(
    await loadPlanSource(db, actor.workspaceId, input.start ?? todayIso()),
  );
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      const [last] = await tx
        .select({ version: roadmapSnapshots.version })
        .from(roadmapSnapshots)
        .where(eq(roadmapSnapshots.workspaceId, actor.workspaceId))
        .orderBy(desc(roadmapSnapshots.version))
        .limit(1);
      const version = (last?.version ?? 0) + 1;
      const [row] = await tx
        .insert(roadmapSnapshots)
        .values({
          workspaceId: actor.workspaceId,
          version,
          note: input.note ?? null,
          startDate: roadmap.startDate,
          plan: freeze(roadmap) as unknown as Record<string, unknown>,
          publishedBy: actor.userId,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      const committed = await commitTargetDates(tx, actor.workspaceId, row.publishedAt);
      await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: 'roadmap',
        actorId: actor.userId,
        summary: `Published roadmap version ${version}: ${roadmap.items.length} items, ending ${roadmap.endDate}${committed > 0 ? `; committed ${committed} new target date${committed === 1 ? '' : 's'}` : ''}`,
        rationale: input.note ?? null,
        details: { snapshotId: row.id, version, endDate: roadmap.endDate, committedTargetDates: committed },
      });
      return presentSnapshot(row);
    },
    () => ({ kind: 'snapshotPublished' }),
  );
}

/**
 * Published roadmap versions, newest first.
 * @param db the database
 * @param workspaceId the workspace
 * @returns summaries of every snapshot
 */
export async function findSnapshots(db: Database, workspaceId: string): Promise<RoadmapSnapshotSummary[]> {
  const rows = await db
    .select()
    .from(roadmapSnapshots)
    .where(eq(roadmapSnapshots.workspaceId, workspaceId))
    .orderBy(desc(roadmapSnapshots.version));
  return rows.map(presentSnapshot);
}

/**
 * Deletes a published roadmap version (the `roadmap` decision, logged with what it held), e.g.
 * one that can no longer be read. Later versions keep their numbers.
 * @param ctx the database and the acting member
 * @param input.snapshotId the version's id (another workspace's answers 404)
 */
export async function deleteSnapshot(ctx: CommandContext, input: { snapshotId: string }): Promise<void> {
  const { db, actor } = ctx;
  await requireDecision(db, actor, 'roadmap');
  const row = await loadSnapshot(db, actor.workspaceId, input.snapshotId);
  await inTransaction(
    ctx,
    async ({ db: tx }) => {
      await tx
        .delete(roadmapSnapshots)
        .where(and(eq(roadmapSnapshots.id, row.id), eq(roadmapSnapshots.workspaceId, actor.workspaceId)));
      await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: 'roadmap',
        actorId: actor.userId,
        summary: `Deleted roadmap version ${row.version}`,
        details: { version: row.version, startDate: row.startDate, note: row.note },
      });
    },
    () => ({ kind: 'snapshotPublished' }),
  );
}
