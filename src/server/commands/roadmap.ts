/**
 * Runs the scheduler on a workspace's planning source and turns the result into the roadmap the
 * API shows: who does what from when to when and why, the critical chain, load, milestones,
 * now/next/later and everything set aside. The planning touches no database; the roadmap, scenario,
 * snapshot and forecast commands share it.
 */
import type { Roadmap, RoadmapItem } from '../../contract';
import type { Database } from '../../db/client';
import { buildSchedule, type StartReason, type TeamPlanResult } from '../../domain/scheduling';
import { AppError } from '../errors';
import {
  isUnderWay,
  loadPlanSource,
  type PlanIssue,
  type PlanSource,
  type PreparedRoadmap,
  prepareRoadmapInput,
  todayIso,
  withoutItems,
} from './plan-input';
import {
  compareDates,
  describeComparison,
  loadSnapshot,
  readSnapshotPlan,
  type SnapshotPlan,
} from './roadmap-compare';

/** Calendar days from the plan start within which work is "now", and "next". */
const NOW_DAYS = 14;
const NEXT_DAYS = 56;

export const ROADMAP_RULES = [
  'Planned work: open features, tasks and bugs with an estimate, in the product order; effort is the PERT mean (optimistic + 4 × likely + pessimistic) / 6 in working days, stretched by the person’s FTE.',
  'People: every member with FTE above 0 except viewers, and except founders who list no skills.',
  'An item goes to someone with all its skills; an assignee who has them keeps the item.',
  'Work under way (in progress or in review) stays with its assignee, whatever skills it lists, and is planned first, from the plan start.',
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
    case 'started':
      return {
        kind: 'started',
        text: `${person(reason.personId)} first finishes ${item(reason.busyItemId)}, already under way`,
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
    const underWay = isUnderWay(src);
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
  const stored = readSnapshotPlan(snapshot.plan);
  if ('problem' in stored) {
    throw new AppError(
      'conflict',
      `Roadmap version ${snapshot.version} cannot be read (${stored.problem}): compare with another version, or delete this one`,
    );
  }
  const then: SnapshotPlan = stored.plan;
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
