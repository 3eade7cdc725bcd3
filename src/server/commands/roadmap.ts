/**
 * Runs the scheduler on a workspace's planning source and turns the result into the roadmap the
 * API shows: who does what from when to when and why, the critical chain, load, milestones,
 * now/next/later and everything set aside. No database access: the roadmap, scenario, snapshot
 * and forecast commands share it.
 */
import { and, desc, eq } from 'drizzle-orm';
import type {
  Roadmap,
  RoadmapItem,
  RoadmapSnapshotSummary,
  ScenarioChange,
  ScenarioResult,
} from '../../contract';
import type { Database } from '../../db/client';
import { roadmapSnapshots } from '../../db/schema';
import { buildSchedule, type StartReason, type TeamPlanResult, toDayNumber } from '../../domain/scheduling';
import { AppError, notFound } from '../errors';
import { isUuid, requireDecision } from '../policies/access';
import { recordDecision } from './decision-log';
import type { CommandContext } from './items';
import {
  isOpenLeaf,
  loadPlanSource,
  type PlanIssue,
  type PlanSource,
  type PreparedRoadmap,
  prepareRoadmapInput,
  todayIso,
  withoutItems,
} from './plan-input';

/** Calendar days from the plan start within which work is "now", and "next". */
const NOW_DAYS = 14;
const NEXT_DAYS = 56;

export const ROADMAP_RULES = [
  'Planned work: open features, tasks and bugs with an estimate, in the product order; effort is the PERT mean (optimistic + 4 × likely + pessimistic) / 6 in working days, stretched by the person’s FTE.',
  'People: every member with FTE above 0 except viewers, and except founders who list no skills.',
  'An item goes to someone with all its skills; an assignee who has them keeps the item.',
  'Milestones: initiatives with a target date, reached when their last open item finishes.',
  `Now: under way or starting within ${NOW_DAYS} days of the plan start; next: starting within ${NEXT_DAYS} days; later: after that.`,
  'Items in progress are planned with their whole estimate (remaining effort is not tracked).',
];

/** A planned roadmap plus the raw schedule, for callers that need both. */
export interface PlannedRoadmap {
  roadmap: Roadmap;
  prepared: PreparedRoadmap;
  result: TeamPlanResult;
}

function itemIdsOf(problem: Extract<TeamPlanResult, { status: 'infeasible' }>['problems'][number]): string[] {
  switch (problem.kind) {
    case 'cycle':
      return problem.itemIds;
    case 'missing-skill':
    case 'assignee-lacks-skill':
    case 'unknown-assignee':
    case 'unknown-dependency':
    case 'duplicate-item':
      return [problem.itemId];
    default:
      return [];
  }
}

/**
 * Schedules prepared input, setting aside items the scheduler refuses (a cycle) and trying
 * again, so a plan comes back whenever any part of the work can be planned.
 * @param prepared scheduler input from prepareRoadmapInput
 * @returns the final prepared input and its schedule
 */
export function scheduleRoadmap(prepared: PreparedRoadmap): {
  prepared: PreparedRoadmap;
  result: TeamPlanResult;
} {
  let current = prepared;
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = buildSchedule(current.input);
    if (result.status === 'planned') return { prepared: current, result };
    const ids = new Set(result.problems.flatMap(itemIdsOf));
    const cycle = result.problems.find((p) => p.kind === 'cycle');
    if (ids.size === 0) {
      return {
        prepared: {
          ...current,
          issues: [
            ...current.issues,
            ...result.problems.map((p) => ({
              kind: 'not-planned' as const,
              message: `The plan cannot be made: ${'message' in p ? p.message : p.kind}`,
              itemIds: [],
            })),
          ],
        },
        result,
      };
    }
    const issue: PlanIssue = cycle
      ? {
          kind: 'cycle',
          message: 'These items wait on each other in a circle: remove one of the dependencies',
          itemIds: [...ids],
        }
      : { kind: 'not-planned', message: 'The scheduler could not place these items', itemIds: [...ids] };
    current = withoutItems(
      { ...current, issues: [...current.issues, issue] },
      ids,
      cycle ? 'cycle' : 'not-planned',
    );
  }
  return { prepared: current, result: buildSchedule(current.input) };
}

function describeReason(
  reason: StartReason,
  labels: Map<string, string>,
  names: Map<string, string>,
): RoadmapItem['reason'] {
  const item = (id: string) => labels.get(id) ?? 'another item';
  const person = (id: string) => names.get(id) ?? 'the assignee';
  switch (reason.kind) {
    case 'ready':
      return { kind: 'ready', text: 'Nothing holds it back: it starts as soon as the plan does' };
    case 'fixed-date':
      return { kind: 'fixed-date', text: `It may not start before ${reason.date}`, date: reason.date };
    case 'dependency':
      return {
        kind: 'dependency',
        text: `Waits for ${item(reason.itemId)} to finish`,
        itemId: reason.itemId,
      };
    case 'calendar':
      return {
        kind: 'calendar',
        text: `${person(reason.personId)} is off when it could start`,
        personId: reason.personId,
      };
    case 'skill':
      return {
        kind: 'skill',
        text: `Everyone with ${reason.skills.join(' + ')} is busy (on ${item(reason.busyItemId)})`,
        skills: reason.skills,
        itemId: reason.busyItemId,
      };
    case 'order':
      return {
        kind: 'order',
        text: `${person(reason.personId)} first finishes higher-ranked ${item(reason.busyItemId)}`,
        personId: reason.personId,
        itemId: reason.busyItemId,
      };
    case 'person':
      return {
        kind: 'person',
        text: `${person(reason.personId)} first finishes ${item(reason.busyItemId)}, which higher-ranked work waits for`,
        personId: reason.personId,
        itemId: reason.busyItemId,
      };
  }
}

/**
 * Plans a workspace and presents the roadmap.
 * @param source the workspace's planning data (possibly changed by a what-if scenario)
 * @returns the roadmap, the prepared input and the raw schedule
 */
export function planRoadmap(source: PlanSource): PlannedRoadmap {
  const { prepared, result } = scheduleRoadmap(prepareRoadmapInput(source));
  const byId = new Map(source.items.map((it) => [it.id, it]));
  const labels = new Map(source.items.map((it) => [it.id, `#${it.number} “${it.title}”`]));
  const names = new Map(source.people.map((p) => [p.id, p.name]));
  const people = source.people.map((p) => ({ ...p, skills: [...p.skills] }));
  const base = {
    startDate: source.startDate,
    people,
    unplanned: prepared.unplanned,
    problems: prepared.issues,
    rules: ROADMAP_RULES,
  };
  const milestoneRow = (id: string) => {
    const it = byId.get(id);
    return { number: it?.number ?? null, title: it?.title ?? id };
  };
  if (result.status !== 'planned' || result.items.length === 0) {
    const roadmap: Roadmap = {
      ...base,
      status: 'empty',
      endDate: source.startDate,
      items: [],
      criticalChain: [],
      load: [],
      milestones: (prepared.input.milestones ?? []).map((m) => ({
        id: m.id,
        ...milestoneRow(m.id),
        targetDate: m.targetDate ?? null,
        date: null,
        drivingItemId: null,
        slipDays: null,
        plannedItems: 0,
      })),
      buckets: { now: [], next: [], later: [] },
    };
    return { roadmap, prepared, result };
  }
  const critical = new Set(result.criticalChain);
  const buckets: Roadmap['buckets'] = { now: [], next: [], later: [] };
  const plannedCount = new Map<string, number>();
  const items: RoadmapItem[] = result.items.map((s, i) => {
    const work = prepared.input.items[i]!;
    const src = byId.get(s.itemId)!;
    const underWay = src.state === 'in_progress' || src.state === 'in_review';
    const bucket = underWay || s.startDay < NOW_DAYS ? 'now' : s.startDay < NEXT_DAYS ? 'next' : 'later';
    buckets[bucket].push(s.itemId);
    const milestoneId = prepared.milestoneOf.get(s.itemId) ?? null;
    if (milestoneId) plannedCount.set(milestoneId, (plannedCount.get(milestoneId) ?? 0) + 1);
    return {
      itemId: s.itemId,
      number: src.number,
      title: src.title,
      type: src.type,
      state: src.state,
      personId: s.personId,
      personName: s.personId ? (names.get(s.personId) ?? null) : null,
      start: s.start,
      finish: s.finish,
      effortDays: Math.round(work.effortDays * 100) / 100,
      durationDays: s.durationDays,
      rank: s.rank,
      reason: describeReason(s.reason, labels, names),
      dependsOn: (work.dependsOn ?? []).map((d) => d.itemId),
      milestoneId,
      critical: critical.has(s.itemId),
      bucket,
    };
  });
  const roadmap: Roadmap = {
    ...base,
    status: 'planned',
    endDate: result.endDate,
    items,
    criticalChain: result.criticalChain,
    load: result.load.map((l) => ({
      personId: l.personId,
      name: names.get(l.personId) ?? l.personId,
      itemIds: l.itemIds,
      busyDays: l.busyDays,
      availableDays: l.availableDays,
      utilisation: Math.round(l.utilisation * 1000) / 1000,
    })),
    milestones: result.milestones.map((m) => ({
      id: m.milestoneId,
      ...milestoneRow(m.milestoneId),
      targetDate: m.targetDate,
      date: m.date,
      drivingItemId: m.drivingItemId,
      slipDays: m.slipDays,
      plannedItems: plannedCount.get(m.milestoneId) ?? 0,
    })),
    buckets,
  };
  return { roadmap, prepared, result };
}

/** Calendar days from one ISO date to another (positive when `to` is later); null if either is missing. */
function daysBetween(from: string | null, to: string | null): number | null {
  return from === null || to === null ? null : toDayNumber(from, to);
}

/** A frozen roadmap as stored in a snapshot. */
interface SnapshotPlan {
  endDate: string | null;
  items: Array<{
    itemId: string;
    number: number;
    title: string;
    personId: string | null;
    start: string;
    finish: string;
  }>;
  milestones: Array<{ id: string; title: string; date: string | null; targetDate: string | null }>;
}

function freeze(roadmap: Roadmap): SnapshotPlan {
  return {
    endDate: roadmap.status === 'planned' ? roadmap.endDate : null,
    items: roadmap.items.map((it) => ({
      itemId: it.itemId,
      number: it.number,
      title: it.title,
      personId: it.personId,
      start: it.start,
      finish: it.finish,
    })),
    milestones: roadmap.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      date: m.date,
      targetDate: m.targetDate,
    })),
  };
}

type Slip = NonNullable<Roadmap['comparison']>['items'][number];

function compareDates(
  before: Map<string, { title: string; date: string | null }>,
  after: Map<string, { title: string; date: string | null }>,
): Slip[] {
  const out: Slip[] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    if (!then) {
      out.push({ id, title: now.title, before: null, after: now.date, slipDays: null, status: 'added' });
      continue;
    }
    const slipDays = daysBetween(then.date, now.date);
    const status = slipDays === null ? 'same' : slipDays > 0 ? 'later' : slipDays < 0 ? 'earlier' : 'same';
    out.push({ id, title: now.title, before: then.date, after: now.date, slipDays, status });
  }
  for (const [id, then] of before) {
    if (!after.has(id))
      out.push({ id, title: then.title, before: then.date, after: null, slipDays: null, status: 'removed' });
  }
  return out;
}

function describeComparison(items: Slip[], milestones: Slip[], version: number): string {
  const later = items.filter((s) => s.status === 'later').length;
  const earlier = items.filter((s) => s.status === 'earlier').length;
  const lateMilestones = milestones
    .filter((s) => s.status === 'later')
    .map((s) => `${s.title} (+${s.slipDays} days)`);
  return (
    `Since version ${version}: ${later} item${later === 1 ? '' : 's'} later, ${earlier} earlier, ` +
    `${items.filter((s) => s.status === 'added').length} added, ${items.filter((s) => s.status === 'removed').length} no longer planned` +
    (lateMilestones.length > 0
      ? `; milestones later: ${lateMilestones.join(', ')}`
      : '; no milestone is later')
  );
}

async function loadSnapshot(db: Database, workspaceId: string, snapshotId: string) {
  if (!isUuid(snapshotId)) throw notFound('Roadmap snapshot');
  const [row] = await db
    .select()
    .from(roadmapSnapshots)
    .where(and(eq(roadmapSnapshots.workspaceId, workspaceId), eq(roadmapSnapshots.id, snapshotId)))
    .limit(1);
  if (!row) throw notFound('Roadmap snapshot');
  return row;
}

/**
 * The workspace's roadmap: its open work planned on its team in the product order.
 * @param db the database
 * @param workspaceId the workspace
 * @param options.start first plan day (default today, UTC)
 * @param options.compareTo a snapshot id: adds the slips per item and milestone since it
 * @returns the roadmap
 */
export async function getRoadmap(
  db: Database,
  workspaceId: string,
  options: { start?: string | undefined; compareTo?: string | undefined } = {},
): Promise<Roadmap> {
  const snapshot = options.compareTo ? await loadSnapshot(db, workspaceId, options.compareTo) : null;
  const { roadmap } = planRoadmap(await loadPlanSource(db, workspaceId, options.start ?? todayIso()));
  if (!snapshot) return roadmap;
  const then = snapshot.plan as unknown as SnapshotPlan;
  const items = compareDates(
    new Map(then.items.map((it) => [it.itemId, { title: `#${it.number} ${it.title}`, date: it.finish }])),
    new Map(roadmap.items.map((it) => [it.itemId, { title: `#${it.number} ${it.title}`, date: it.finish }])),
  );
  const milestones = compareDates(
    new Map(then.milestones.map((m) => [m.id, { title: m.title, date: m.date }])),
    new Map(roadmap.milestones.map((m) => [m.id, { title: m.title, date: m.date }])),
  );
  return {
    ...roadmap,
    comparison: {
      snapshotId: snapshot.id,
      version: snapshot.version,
      publishedAt: snapshot.publishedAt.toISOString(),
      items,
      milestones,
      summary: describeComparison(items, milestones, snapshot.version),
    },
  };
}

function requireOpenItem(source: PlanSource, itemId: string, what: string) {
  const item = source.items.find((it) => it.id === itemId);
  if (!item || !isOpenLeaf(item)) {
    throw new AppError(
      'validation_failed',
      `${what}: ${itemId} is not an open feature, task or bug of this workspace`,
    );
  }
  return item;
}

/**
 * Applies what-if changes to a copy of a planning source; the stored workspace is untouched.
 * @param source the baseline source
 * @param changes the changes, applied in order
 * @returns the changed source and a description of each change
 */
export function applyScenario(
  source: PlanSource,
  changes: readonly ScenarioChange[],
): { source: PlanSource; described: Array<{ kind: string; description: string }> } {
  let people = [...source.people];
  let items = source.items.map((it) => ({ ...it }));
  const described: Array<{ kind: string; description: string }> = [];
  const current = () => ({ ...source, people, items });
  changes.forEach((change, index) => {
    const at = `changes.${index}`;
    switch (change.kind) {
      case 'add_person': {
        people.push({
          id: `scenario-person-${index + 1}`,
          name: change.name,
          role: 'developer',
          fte: change.fte,
          skills: [...change.skills],
          hypothetical: true,
        });
        described.push({
          kind: change.kind,
          description: `Add ${change.name} (${change.fte} FTE, ${change.skills.join(', ') || 'no skills'})`,
        });
        return;
      }
      case 'remove_person': {
        const person = people.find((p) => p.id === change.userId);
        if (!person)
          throw new AppError('validation_failed', `${at}.userId: nobody planned on this roadmap has that id`);
        people = people.filter((p) => p.id !== change.userId);
        described.push({ kind: change.kind, description: `Without ${person.name}` });
        return;
      }
      case 'move_item': {
        const item = requireOpenItem(current(), change.itemId, `${at}.itemId`);
        const rest = items.filter((it) => it.id !== item.id);
        let position = 0;
        if (change.afterId !== null) {
          const after = rest.findIndex((it) => it.id === change.afterId);
          if (after < 0)
            throw new AppError('validation_failed', `${at}.afterId: no such item in this workspace`);
          position = after + 1;
        }
        rest.splice(position, 0, item);
        items = rest;
        described.push({
          kind: change.kind,
          description:
            change.afterId === null
              ? `Move #${item.number} to the top`
              : `Move #${item.number} after #${items[position - 1]?.number}`,
        });
        return;
      }
      case 'cut_item': {
        const item = requireOpenItem(current(), change.itemId, `${at}.itemId`);
        items = items.map((it) => (it.id === item.id ? { ...it, state: 'cancelled' } : it));
        described.push({ kind: change.kind, description: `Cut #${item.number} “${item.title}”` });
        return;
      }
      case 'set_estimate': {
        const item = requireOpenItem(current(), change.itemId, `${at}.itemId`);
        if (!(change.optimistic <= change.likely && change.likely <= change.pessimistic)) {
          throw new AppError(
            'validation_failed',
            `${at}: an estimate needs optimistic ≤ likely ≤ pessimistic`,
          );
        }
        const estimate = {
          optimistic: change.optimistic,
          likely: change.likely,
          pessimistic: change.pessimistic,
        };
        items = items.map((it) => (it.id === item.id ? { ...it, estimate } : it));
        described.push({
          kind: change.kind,
          description: `Estimate #${item.number} at ${estimate.optimistic}/${estimate.likely}/${estimate.pessimistic} days`,
        });
        return;
      }
    }
  });
  return { source: current(), described };
}

/**
 * Plans the baseline and a what-if scenario side by side. Read-only: nothing is stored.
 * @param db the database
 * @param workspaceId the workspace
 * @param request the changes and an optional start date
 * @returns both roadmaps and the date difference per milestone
 */
export async function runScenario(
  db: Database,
  workspaceId: string,
  request: { changes: ScenarioChange[]; start?: string | undefined },
): Promise<ScenarioResult> {
  const source = await loadPlanSource(db, workspaceId, request.start ?? todayIso());
  const changed = applyScenario(source, request.changes);
  const baseline = planRoadmap(source).roadmap;
  const scenario = planRoadmap(changed.source).roadmap;
  const after = new Map(scenario.milestones.map((m) => [m.id, m]));
  return {
    changes: changed.described,
    baseline,
    scenario,
    milestones: baseline.milestones.map((m) => {
      const s = after.get(m.id);
      return {
        milestoneId: m.id,
        title: m.title,
        targetDate: m.targetDate,
        baseline: m.date,
        scenario: s?.date ?? null,
        differenceDays: daysBetween(m.date, s?.date ?? null),
      };
    }),
    endDifferenceDays: daysBetween(baseline.endDate, scenario.endDate) ?? 0,
  };
}

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
 * later plans can be compared with it.
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
    await recordDecision(tx, {
      workspaceId: actor.workspaceId,
      decision: 'roadmap',
      actorId: actor.userId,
      summary: `Published roadmap version ${version}: ${roadmap.items.length} items, ending ${roadmap.endDate}`,
      rationale: input.note ?? null,
      details: { snapshotId: row.id, version, endDate: roadmap.endDate },
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
