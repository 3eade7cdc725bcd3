/**
 * Loads a workspace's planning data: the people who take planned work and every item with its
 * estimate and dependencies, in product order. The planning rules live in domain/planning.
 */
import { and, asc, eq, inArray, isNull, max, notInArray, or } from 'drizzle-orm';
import { todayIso } from '../../contract';
import type { Database } from '../../db/client';
import { itemDependencies, itemStateChanges, items, memberships, users } from '../../db/schema';
import { isPlannedMember, type PlanSource } from '../../domain/planning';

const UNDER_WAY = ['in_progress', 'in_review'] as const;

/**
 * When each item now under way last entered a started state from outside one (a move between
 * in progress and in review keeps the start).
 * @param db the database
 * @param workspaceId the workspace
 * @returns the start by item id, for items in progress or in review with a recorded start
 */
async function loadUnderWaySince(db: Database, workspaceId: string): Promise<Map<string, Date>> {
  const rows = await db
    .select({ itemId: itemStateChanges.itemId, at: max(itemStateChanges.changedAt) })
    .from(itemStateChanges)
    .innerJoin(items, eq(items.id, itemStateChanges.itemId))
    .where(
      and(
        eq(itemStateChanges.workspaceId, workspaceId),
        inArray(items.state, [...UNDER_WAY]),
        inArray(itemStateChanges.toState, [...UNDER_WAY]),
        or(isNull(itemStateChanges.fromState), notInArray(itemStateChanges.fromState, [...UNDER_WAY])),
      ),
    )
    .groupBy(itemStateChanges.itemId);
  const since = new Map<string, Date>();
  for (const r of rows) if (r.at) since.set(r.itemId, r.at);
  return since;
}

/**
 * Loads the people, items and dependencies of a workspace.
 * @param db the database
 * @param workspaceId the workspace
 * @param startDate the first plan day (default today, UTC)
 * @returns the planning source, items in product order
 */
export async function loadPlanSource(
  db: Database,
  workspaceId: string,
  startDate: string = todayIso(),
): Promise<PlanSource> {
  const members = await db
    .select({
      id: memberships.userId,
      name: users.name,
      role: memberships.role,
      fte: memberships.fte,
      skills: memberships.skills,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name));
  const rows = await db
    .select({
      id: items.id,
      number: items.number,
      type: items.type,
      title: items.title,
      state: items.state,
      parentId: items.parentId,
      optimistic: items.estimateOptimistic,
      likely: items.estimateLikely,
      pessimistic: items.estimatePessimistic,
      skills: items.skills,
      assigneeId: items.assigneeId,
      targetDate: items.targetDate,
      completedAt: items.completedAt,
    })
    .from(items)
    .where(eq(items.workspaceId, workspaceId))
    .orderBy(asc(items.rank));
  const deps = await db
    .select({
      itemId: itemDependencies.itemId,
      dependsOnId: itemDependencies.dependsOnId,
      lagDays: itemDependencies.lagDays,
    })
    .from(itemDependencies)
    .where(eq(itemDependencies.workspaceId, workspaceId));
  const startedAt = await loadUnderWaySince(db, workspaceId);
  const depsOf = new Map<string, Array<{ itemId: string; lagDays: number }>>();
  for (const d of deps) {
    const list = depsOf.get(d.itemId) ?? [];
    list.push({ itemId: d.dependsOnId, lagDays: d.lagDays });
    depsOf.set(d.itemId, list);
  }
  return {
    startDate,
    people: members.filter(isPlannedMember).map((m) => ({ ...m, hypothetical: false })),
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      title: r.title,
      state: r.state,
      parentId: r.parentId,
      estimate:
        r.likely === null || r.optimistic === null || r.pessimistic === null
          ? null
          : { optimistic: r.optimistic, likely: r.likely, pessimistic: r.pessimistic },
      skills: r.skills,
      assigneeId: r.assigneeId,
      targetDate: r.targetDate,
      completedAt: r.completedAt,
      startedAt: startedAt.get(r.id) ?? null,
      dependsOn: depsOf.get(r.id) ?? [],
    })),
  };
}
