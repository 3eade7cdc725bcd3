/**
 * Plans a workspace's planning source with the planning engine and presents the roadmap the API
 * shows: who does what from when to when and why, the critical chain, load, milestones,
 * now/next/later and everything set aside. The roadmap, scenario and snapshot commands share it.
 */
import type { Roadmap, RoadmapItem } from '../../contract';
import { todayIso } from '../../contract';
import type { Database } from '../../db/client';
import { expectRemainingEffort } from '../../domain/forecasting';
import {
  describeReason,
  describeUnderWay,
  expectedEffort,
  findRoadmapBucket,
  isUnderWay,
  type PlanSource,
  type PreparedRoadmap,
  ROADMAP_RULES,
} from '../../domain/planning';
import type { StartReason, TeamPlanResult } from '../../domain/scheduling';
import { getComputePool } from '../compute/pool';
import { AppError } from '../errors';
import { loadPlanSource } from './plan-input';
import {
  compareDates,
  describeComparison,
  loadSnapshot,
  readSnapshotPlan,
  type SnapshotPlan,
} from './roadmap-compare';

/** A planned roadmap plus the raw schedule, for callers that need both. */
export interface PlannedRoadmap {
  roadmap: Roadmap;
  prepared: PreparedRoadmap;
  result: TeamPlanResult;
}

/**
 * Plans a workspace and presents the roadmap. A large plan is scheduled on a compute thread
 * (compute/pool.ts), so a re-plan of thousands of items does not hold up other requests.
 * @param source the workspace's planning data (possibly changed by a what-if scenario)
 * @returns the roadmap, the prepared input and the raw schedule
 */
export async function planRoadmap(source: PlanSource): Promise<PlannedRoadmap> {
  const { prepared, result } = await getComputePool().run('scheduleRoadmap', source, source.items.length);
  const byId = new Map(source.items.map((it) => [it.id, it]));
  const labels = new Map(source.items.map((it) => [it.id, `#${it.number} “${it.title}”`]));
  const names = new Map(source.people.map((p) => [p.id, p.name]));
  const people = source.people.map((p) => ({ ...p, skills: [...p.skills] }));
  const base = {
    startDate: source.startDate,
    people,
    unplanned: prepared.unplanned,
    problems: prepared.issues,
    rules: [...ROADMAP_RULES],
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
  const explainStart = (reason: StartReason, itemId: string) => {
    const explained = describeReason(reason, labels, names);
    const given = prepared.elapsed.get(itemId);
    const estimate = prepared.estimates.get(itemId);
    if (given === undefined || !estimate) return explained;
    const underWay = describeUnderWay({
      given,
      remaining: expectRemainingEffort(estimate, given),
      expected: expectedEffort(estimate),
    });
    return { ...explained, text: `${explained.text}. ${underWay}` };
  };
  const items: RoadmapItem[] = result.items.map((s, i) => {
    const work = prepared.input.items[i]!;
    const src = byId.get(s.itemId)!;
    const bucket = findRoadmapBucket({ startDay: s.startDay, underWay: isUnderWay(src) });
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
      reason: explainStart(s.reason, s.itemId),
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
  const { roadmap } = await planRoadmap(await loadPlanSource(db, workspaceId, options.start ?? todayIso()));
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
