/**
 * Delivery forecasts for a workspace: Monte Carlo from its own completion history ("when will N
 * items be done?", "how many by D?") and through the roadmap scheduler (per item and milestone).
 * Every forecast shown is stored with what it was made from, and scored against what really
 * happened once its work has finished (forecast accountability).
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { PlanForecastView, ThroughputForecastView, TrackRecord } from '../../contract';
import type { Database } from '../../db/client';
import { forecasts, itemStateChanges, items } from '../../db/schema';
import {
  buildDailyCounts,
  type CompletionEvent,
  type DailyCountsReport,
  type DailyThroughput,
  type ForecastScore,
  forecastCompletion,
  forecastCountByDate,
  formatIsoDay,
  type PlanMilestone,
  parseIsoDay,
  runPlanForecast,
  type StoredPercentile,
  scoreForecast,
  summarizeCalibration,
} from '../../domain/forecasting';
import { buildSchedule } from '../../domain/scheduling';
import { AppError, notFound } from '../errors';
import { isUuid } from '../policies/access';
import type { CommandContext } from './items';
import { findOpenLeaves, loadPlanSource, prepareRoadmapInput, todayIso } from './plan-input';
import { scheduleRoadmap } from './roadmap';

const LEAF_TYPES = ['feature', 'task', 'bug'];
const MS_PER_DAY = 86_400_000;
/** Day number of a date the contract has already validated as YYYY-MM-DD. */
const toDayNumber = (iso: string): number => parseIsoDay(iso) ?? Number.NaN;
const DEFAULT_WINDOW_DAYS = 90;
const DEFAULT_THROUGHPUT_TRIALS = 10_000;
const DEFAULT_PLAN_TRIALS = 500;
/** A sweep of at least 10 closures, each within 5 minutes of the previous, is a clean-up, not delivery. */
const BULK_RULE = { minItems: 10, withinMinutes: 5 };

/**
 * Completion events of a workspace's features, tasks and bugs: every change into done, and every
 * change out of done (a reopen), from the state history.
 * @param db the database
 * @param workspaceId the workspace
 * @returns events in time order
 */
export async function loadCompletionEvents(db: Database, workspaceId: string): Promise<CompletionEvent[]> {
  const rows = await db
    .select({
      itemId: itemStateChanges.itemId,
      toState: itemStateChanges.toState,
      changedAt: itemStateChanges.changedAt,
    })
    .from(itemStateChanges)
    .innerJoin(items, eq(items.id, itemStateChanges.itemId))
    .where(
      and(
        eq(itemStateChanges.workspaceId, workspaceId),
        inArray(items.type, LEAF_TYPES),
        or(eq(itemStateChanges.toState, 'done'), eq(itemStateChanges.fromState, 'done')),
      ),
    )
    .orderBy(asc(itemStateChanges.changedAt));
  return rows.map((r) => ({
    itemId: r.itemId,
    at: r.changedAt.toISOString(),
    kind: r.toState === 'done' ? 'completed' : 'reopened',
  }));
}

/**
 * Daily completed-item counts of a workspace up to a day: an item reopened and closed again
 * counts once, on its last close; optionally without bulk clean-ups.
 * @param db the database
 * @param workspaceId the workspace
 * @param options.to the last day of the history (YYYY-MM-DD)
 * @param options.excludeBulk leave out bulk clean-ups
 * @returns the daily history and what was counted or left out
 */
export async function loadDailyHistory(
  db: Database,
  workspaceId: string,
  options: { to: string; excludeBulk?: boolean },
): Promise<{ history: DailyThroughput; report: DailyCountsReport }> {
  const events = await loadCompletionEvents(db, workspaceId);
  return buildDailyCounts({
    events,
    to: options.to,
    ...(events.length === 0 ? { from: options.to } : {}),
    ...(options.excludeBulk ? { excludeBulkClosures: BULK_RULE } : {}),
  });
}

const levelRecord = <T>(entries: Array<{ level: number; value: T }>) =>
  Object.fromEntries(entries.map((e) => [String(e.level), e.value]));

/**
 * "When will N items be done?" or "how many by D?" from the workspace's own throughput. A
 * forecast is stored; too little history answers with what is needed and stores nothing.
 * @param ctx the database and the member asking
 * @param query items or by, and window (days, default 90), trials, seed, start, excludeBulk
 * @returns the forecast, or what history is missing
 */
export async function forecastThroughput(
  ctx: CommandContext,
  query: {
    items?: number | undefined;
    by?: string | undefined;
    window?: number | undefined;
    trials?: number | undefined;
    seed?: number | undefined;
    start?: string | undefined;
    excludeBulk?: 'true' | 'false' | undefined;
  },
): Promise<ThroughputForecastView> {
  const { db, actor } = ctx;
  if ((query.items === undefined) === (query.by === undefined)) {
    throw new AppError(
      'validation_failed',
      'give exactly one of items=N (when will N items be done?) or by=YYYY-MM-DD (how many by then?)',
    );
  }
  const start = query.start ?? todayIso();
  const startDay = toDayNumber(start);
  if (query.by !== undefined && toDayNumber(query.by) < startDay) {
    throw new AppError('validation_failed', `by: ${query.by} is before the start ${start}`);
  }
  const windowDays = query.window ?? DEFAULT_WINDOW_DAYS;
  const trials = query.trials ?? DEFAULT_THROUGHPUT_TRIALS;
  const seed = query.seed ?? 1;
  const excludeBulk = query.excludeBulk === 'true';
  const { history, report } = await loadDailyHistory(db, actor.workspaceId, {
    to: formatIsoDay(startDay - 1),
    excludeBulk,
  });
  const common = { history, start, trials, seed, window: { endBefore: start, days: windowDays } };
  const basisOf = (basis: { history: ThroughputBasisHistory; notes: string[] }) => ({
    history: basis.history,
    notes: [
      ...basis.notes,
      ...(report.repeatCompletions > 0
        ? [`${report.repeatCompletions} repeat completions of reopened items were counted once.`]
        : []),
      ...(report.bulkExcluded > 0 ? [`${report.bulkExcluded} bulk-closed items were left out.`] : []),
    ],
    countedItems: report.countedItems,
    repeatCompletions: report.repeatCompletions,
    reopenedNotDone: report.reopenedNotDone,
    bulkExcluded: report.bulkExcluded,
  });
  const inputs = { trials, seed, windowDays, excludeBulk };
  if (query.items !== undefined) {
    const result = forecastCompletion({ ...common, items: query.items });
    if (result.status !== 'ok') return result;
    const percentiles = result.percentiles.map((p) => ({
      level: p.level,
      date: p.date,
      dayOffset: p.dayOffset,
    }));
    const basis = basisOf(result.basis);
    const forecastId = await storeForecast(db, {
      workspaceId: actor.workspaceId,
      kind: 'throughput_when',
      subject: { items: query.items },
      method: result.method,
      inputs: { ...inputs, history: basis.history, notes: basis.notes },
      startDate: start,
      percentiles,
      distribution: { histogram: result.finishHistogram, total: trials },
      madeBy: actor.userId,
    });
    return {
      status: 'ok',
      forecastId,
      kind: 'throughput_when',
      method: result.method,
      items: query.items,
      start,
      trials,
      seed,
      windowDays,
      percentiles,
      dates: levelRecord(result.percentiles.map((p) => ({ level: p.level, value: p.date }))),
      finishHistogram: result.finishHistogram,
      basis,
    };
  }
  const by = query.by!;
  const result = forecastCountByDate({ ...common, by });
  if (result.status !== 'ok') return result;
  const percentiles = result.percentiles.map((p) => ({ level: p.level, count: p.count }));
  const basis = basisOf(result.basis);
  const forecastId = await storeForecast(db, {
    workspaceId: actor.workspaceId,
    kind: 'throughput_count',
    subject: { by },
    method: result.method,
    inputs: { ...inputs, history: basis.history, notes: basis.notes },
    startDate: start,
    percentiles,
    distribution: null,
    madeBy: actor.userId,
  });
  return {
    status: 'ok',
    forecastId,
    kind: 'throughput_count',
    method: result.method,
    by,
    start,
    trials,
    seed,
    windowDays,
    percentiles,
    counts: levelRecord(result.percentiles.map((p) => ({ level: p.level, value: p.count }))),
    basis,
  };
}

type ThroughputBasisHistory = {
  from: string;
  to: string;
  sampleDays: number;
  items: number;
  activeDays: number;
};

async function storeForecast(db: Database, row: typeof forecasts.$inferInsert): Promise<string> {
  const [stored] = await db.insert(forecasts).values(row).returning({ id: forecasts.id });
  if (!stored) throw new Error('insert returned no row');
  return stored.id;
}

/**
 * A plan forecast: each trial draws every planned item's effort from its three-point estimate
 * (PERT, right-skewed) and runs the roadmap scheduler, so the dates follow the product order,
 * the dependencies and the people. Stored for the track record.
 * @param ctx the database and the member asking
 * @param query milestone (an initiative or epic) or items (ids, comma-separated); trials
 *   (default 500), seed, start, target
 * @returns date percentiles for the subject, its items and every milestone, with P(on time)
 */
export async function forecastPlan(
  ctx: CommandContext,
  query: {
    milestone?: string | undefined;
    items?: string | undefined;
    trials?: number | undefined;
    seed?: number | undefined;
    start?: string | undefined;
    target?: string | undefined;
  },
): Promise<PlanForecastView> {
  const { db, actor } = ctx;
  if ((query.milestone === undefined) === (query.items === undefined)) {
    throw new AppError('validation_failed', 'give exactly one of milestone=<itemId> or items=<id>,<id>,…');
  }
  const start = query.start ?? todayIso();
  const trials = query.trials ?? DEFAULT_PLAN_TRIALS;
  const seed = query.seed ?? 1;
  const source = await loadPlanSource(db, actor.workspaceId, start);
  const byId = new Map(source.items.map((it) => [it.id, it]));
  let title: string;
  let milestoneId: string | null = null;
  let targetDate = query.target ?? null;
  let leaves: string[];
  if (query.milestone !== undefined) {
    const root = isUuid(query.milestone) ? byId.get(query.milestone) : undefined;
    if (!root) throw notFound('Milestone');
    milestoneId = root.id;
    title = `#${root.number} ${root.title}`;
    targetDate ??= root.targetDate;
    leaves = findOpenLeaves(source, root.id).map((it) => it.id);
  } else {
    const ids = [
      ...new Set(
        query
          .items!.split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    if (ids.length === 0 || ids.length > 500) {
      throw new AppError('validation_failed', 'items: give 1 to 500 item ids, separated by commas');
    }
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      throw new AppError('validation_failed', `items: no such item in this workspace: ${unknown.join(', ')}`);
    }
    leaves = ids.flatMap((id) => findOpenLeaves(source, id).map((it) => it.id));
    title =
      ids.length === 1 ? `#${byId.get(ids[0]!)!.number} ${byId.get(ids[0]!)!.title}` : `${ids.length} items`;
  }
  const { prepared } = scheduleRoadmap(prepareRoadmapInput(source));
  const planned = prepared.input.items;
  const plannedIds = new Set(planned.map((it) => it.id));
  const reasonOf = new Map(prepared.unplanned.map((u) => [u.itemId, u.reason]));
  const subjectIds = leaves.filter((id) => plannedIds.has(id));
  const unplanned = leaves
    .filter((id) => !plannedIds.has(id))
    .map((itemId) => ({ itemId, reason: reasonOf.get(itemId) ?? 'not-planned' }));
  if (subjectIds.length === 0) {
    return {
      status: 'nothing-to-forecast',
      reason:
        leaves.length === 0
          ? 'There is no open work to forecast: everything here is done or cut'
          : 'None of this work can be planned yet (see unplanned): estimate it, or find someone with the skills',
      unplanned,
    };
  }

  const titleOf = (id: string) => {
    const it = byId.get(id);
    return it ? `#${it.number} ${it.title}` : id;
  };
  const milestoneGroups = new Map<string, string[]>();
  for (const it of planned) {
    const m = prepared.milestoneOf.get(it.id);
    if (m) milestoneGroups.set(m, [...(milestoneGroups.get(m) ?? []), it.id]);
  }
  const milestones: PlanMilestone[] = [
    { id: 'subject', itemIds: subjectIds, ...(targetDate ? { targetDate } : {}) },
    ...[...milestoneGroups].map(([id, itemIds]) => {
      const target = byId.get(id)?.targetDate;
      return { id, itemIds, ...(target ? { targetDate: target } : {}) };
    }),
  ];
  const finishes = new Float64Array(planned.length);
  const result = runPlanForecast({
    items: planned.map((it) => ({ id: it.id, estimate: prepared.estimates.get(it.id)! })),
    trials,
    seed,
    start,
    milestones,
    schedule: (durations) => {
      const plan = buildSchedule({
        ...prepared.input,
        items: planned.map((it, i) => ({ ...it, effortDays: durations[i]! })),
      });
      if (plan.status !== 'planned') finishes.fill(Number.NaN);
      else
        plan.items.forEach((s, i) => {
          finishes[i] = s.endDay;
        });
      return finishes;
    },
  });
  const startDay = toDayNumber(start);
  const present = (p: { level: number; date: string | null }) => ({
    level: p.level,
    date: p.date,
    dayOffset: p.date === null ? null : toDayNumber(p.date) - startDay,
  });
  const [subjectForecast, ...milestoneForecasts] = result.milestones;
  const subjectPercentiles = subjectForecast!.percentiles.map(present);
  const subjectItems = new Set(subjectIds);
  const forecastId = await storeForecast(db, {
    workspaceId: actor.workspaceId,
    kind: 'plan',
    subject: { milestoneId, itemIds: subjectIds, title, targetDate },
    method: result.method,
    inputs: { trials, seed, plannedItems: planned.length, people: prepared.input.people.length },
    startDate: start,
    percentiles: subjectPercentiles,
    distribution: null,
    madeBy: actor.userId,
  });
  return {
    status: 'ok',
    forecastId,
    kind: 'plan',
    method: result.method,
    start,
    trials,
    seed,
    subject: {
      id: 'subject',
      milestoneId,
      itemIds: subjectIds,
      title,
      targetDate,
      percentiles: subjectPercentiles,
      probabilityOnTime: subjectForecast!.probabilityOnTime,
    },
    items: result.items
      .filter((f) => subjectItems.has(f.id))
      .map((f) => ({
        id: f.id,
        title: titleOf(f.id),
        targetDate: null,
        percentiles: f.percentiles.map(present),
        probabilityOnTime: null,
      })),
    milestones: milestoneForecasts.map((f) => ({
      id: f.id,
      title: titleOf(f.id),
      targetDate: byId.get(f.id)?.targetDate ?? null,
      percentiles: f.percentiles.map(present),
      probabilityOnTime: f.probabilityOnTime,
    })),
    unplanned,
    incompleteTrials: result.incompleteTrials,
    notes: [
      `${trials} trials; each draws every planned item's effort from its three-point estimate (PERT) and re-plans ${planned.length} items on ${prepared.input.people.length} people in the product order.`,
      ...(unplanned.length > 0
        ? [`${unplanned.length} item(s) of this work cannot be planned and are not in the dates.`]
        : []),
    ],
  };
}

type ForecastRow = typeof forecasts.$inferSelect;
type Outcome = { date: string | null; dayOffset: number | null; count: number | null; void?: boolean };

/** What happened to a forecast's work, or null while it has not finished. */
function findOutcome(
  row: ForecastRow,
  context: {
    history: DailyThroughput;
    today: number;
    done: Map<string, { state: string; completedAt: Date | null }>;
  },
): Outcome | null {
  const startDay = toDayNumber(row.startDate);
  const firstDay = toDayNumber(context.history.firstDate);
  const countOn = (day: number) => context.history.counts[day - firstDay] ?? 0;
  if (row.kind === 'throughput_when') {
    const target = Number(row.subject.items);
    let done = 0;
    for (let day = startDay; day <= context.today; day++) {
      done += countOn(day);
      if (done >= target) return { date: formatIsoDay(day), dayOffset: day - startDay, count: null };
    }
    return null;
  }
  if (row.kind === 'throughput_count') {
    const byDay = toDayNumber(String(row.subject.by));
    // The count is known once the whole day has passed.
    if (byDay >= context.today) return null;
    let count = 0;
    for (let day = startDay; day <= byDay; day++) count += countOn(day);
    return { date: formatIsoDay(byDay), dayOffset: byDay - startDay, count };
  }
  const ids = (row.subject.itemIds as string[] | undefined) ?? [];
  let last: number | null = null;
  for (const id of ids) {
    const it = context.done.get(id);
    if (!it || (it.state !== 'done' && it.state !== 'cancelled')) return null;
    if (it.state === 'done' && it.completedAt) {
      const day = Math.floor(it.completedAt.getTime() / MS_PER_DAY);
      last = last === null ? day : Math.max(last, day);
    }
  }
  if (last === null) return { date: null, dayOffset: null, count: null, void: true };
  return { date: formatIsoDay(last), dayOffset: last - startDay, count: null };
}

/** Scores a stored forecast against its outcome; counts are negated so "reached at least" reads as "at or below". */
function scoreRow(row: ForecastRow, outcome: Outcome): ForecastScore {
  const stored = row.percentiles as Array<{ level: number; dayOffset?: number | null; count?: number }>;
  if (row.kind === 'throughput_count') {
    return scoreForecast({
      percentiles: stored.map((p) => ({ level: p.level, value: -(p.count ?? 0) })),
      actual: -(outcome.count ?? 0),
    });
  }
  const percentiles: StoredPercentile[] = stored.map((p) => ({ level: p.level, value: p.dayOffset ?? null }));
  const distribution = row.distribution as { histogram?: number[]; total?: number } | null;
  return scoreForecast({
    percentiles,
    actual: outcome.dayOffset ?? 0,
    ...(distribution?.histogram && distribution.total
      ? { distribution: { histogram: distribution.histogram, total: distribution.total } }
      : {}),
  });
}

/**
 * The workspace's forecast track record: stored forecasts whose work has finished, each scored
 * against what really happened (at or below P85? where did it land?), and the calibration over
 * all of them. Forecasts whose work finished since the last read get their outcome recorded now.
 * @param db the database
 * @param workspaceId the workspace
 * @param now the current time
 * @returns the scored forecasts, the number still pending, and the calibration table
 */
export async function getTrackRecord(
  db: Database,
  workspaceId: string,
  now = new Date(),
): Promise<TrackRecord> {
  const today = Math.floor(now.getTime() / MS_PER_DAY);
  const pendingRows = await db
    .select()
    .from(forecasts)
    .where(and(eq(forecasts.workspaceId, workspaceId), isNull(forecasts.scoredAt)));
  if (pendingRows.length > 0) {
    const { history } = await loadDailyHistory(db, workspaceId, { to: formatIsoDay(today) });
    const itemIds = [
      ...new Set(
        pendingRows.flatMap((r) => (r.kind === 'plan' ? ((r.subject.itemIds as string[]) ?? []) : [])),
      ),
    ];
    const states =
      itemIds.length === 0
        ? []
        : await db
            .select({ id: items.id, state: items.state, completedAt: items.completedAt })
            .from(items)
            .where(and(eq(items.workspaceId, workspaceId), inArray(items.id, itemIds)));
    const done = new Map(states.map((s) => [s.id, s]));
    for (const row of pendingRows) {
      const outcome = findOutcome(row, { history, today, done });
      if (!outcome) continue;
      await db
        .update(forecasts)
        .set({ outcome, scoredAt: now })
        .where(and(eq(forecasts.id, row.id), isNull(forecasts.scoredAt)));
    }
  }
  const rows = await db
    .select()
    .from(forecasts)
    .where(eq(forecasts.workspaceId, workspaceId))
    .orderBy(asc(forecasts.madeAt));
  const scored: TrackRecord['forecasts'] = [];
  let pending = 0;
  for (const row of rows) {
    const outcome = row.outcome as Outcome | null;
    if (!row.scoredAt || !outcome) {
      pending++;
      continue;
    }
    if (outcome.void) continue;
    scored.push({
      id: row.id,
      kind: row.kind as TrackRecord['forecasts'][number]['kind'],
      method: row.method,
      subject: row.subject,
      startDate: row.startDate,
      madeAt: row.madeAt.toISOString(),
      percentiles: row.percentiles as TrackRecord['forecasts'][number]['percentiles'],
      outcome: { date: outcome.date, dayOffset: outcome.dayOffset, count: outcome.count },
      score: scoreRow(row, outcome),
      scoredAt: row.scoredAt.toISOString(),
    });
  }
  return { forecasts: scored, pending, calibration: summarizeCalibration(scored.map((f) => f.score)) };
}
