/** Published roadmap versions (the roadmap decision), so later plans show slips. */
import { desc, eq } from 'drizzle-orm';
import type { RoadmapSnapshotSummary } from '../../contract';
import type { Database } from '../../db/client';
import { roadmapSnapshots } from '../../db/schema';
import { requireDecision } from '../policies/access';
import { recordDecision } from './decision-log';
import type { CommandContext } from './items';
import { loadPlanSource, todayIso } from './plan-input';
import { planRoadmap } from './roadmap';
import { freeze, type SnapshotPlan } from './roadmap-compare';
import { commitTargetDates } from './slips';

function presentSnapshot(row: typeof roadmapSnapshots.$inferSelect): RoadmapSnapshotSummary {
  const plan = row.plan as unknown as SnapshotPlan;
  return {
    id: row.id,
    version: row.version,
    note: row.note,
    startDate: row.startDate,
    endDate: plan.endDate,
    publishedBy: row.publishedBy,
    publishedAt: row.publishedAt.toISOString(),
    items: plan.items.length,
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
  const { roadmap } = planRoadmap(await loadPlanSource(db, actor.workspaceId, input.start ?? todayIso()));
  return db.transaction(async (tx) => {
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
  });
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
