/**
 * Plan forecasts: in every trial, draw each item's duration from its three-point estimate, let
 * the scheduler place the ordered work on the team (product order, dependencies, people), and
 * record when each item finishes. Percentiles over trials give dates per item and per milestone,
 * and the share of trials on time gives the probability of hitting a target date.
 *
 * The scheduler is a parameter, so the forecast follows whatever rules the roadmap scheduler
 * applies, and tests or benchmarks can pass a simple one.
 */

import { formatIsoDay, toDayNumber } from '../shared/calendar';
import { createRandom } from '../shared/random';
import { buildFinishCurve, type FinishCurvePoint, finishDayOffset } from './finish-curve';
import { DEFAULT_LEVELS, findSmallestCoveringForLevel } from './percentiles';
import { prepareRemainingFromList, prepareRemainingPert, type RemainingDraw } from './remaining-effort';
import { fitPert, type PertDistribution, samplePert, type ThreePointEstimate } from './three-point';

/** One piece of planned work, in the order the scheduler expects. */
export interface PlanItem {
  id: string;
  /** Duration estimate in days. */
  estimate: ThreePointEstimate;
  /**
   * actual / likely ratios of completed items like this one, ascending (see team-record.ts).
   * When given, a trial draws the effort as the likely estimate times one of them instead of
   * from the three-point range.
   */
  ratios?: Float64Array | undefined;
  /**
   * Efforts in days to draw from directly, for an item nobody estimated (the team's size
   * distribution, see size-distribution.ts); they take precedence over the estimate and ratios.
   */
  sizes?: Float64Array | undefined;
  /**
   * For work under way: the capacity its person has given it since it started, in days (working
   * days × FTE, shared among the items they have under way). A trial draws only what remains
   * of the effort (see remaining-effort.ts), counting `elapsed × focus` as already spent.
   */
  elapsed?: number | undefined;
}

/** A group of items whose last finish is the milestone's finish. */
export interface PlanMilestone {
  id: string;
  itemIds: readonly string[];
  /** The date the milestone should be done by (YYYY-MM-DD, end of day). */
  targetDate?: string;
}

/**
 * Places one trial's durations and returns each item's finish time, in days since the start of
 * the plan's first day (so 1 means the end of that day). The returned array may be reused by
 * the scheduler between calls; a non-finite finish means the item could not be placed.
 */
export type PlanScheduler = (durations: Float64Array) => ArrayLike<number>;

/** One percentile of a finish time. */
export interface FinishPercentile {
  level: number;
  /** Finish time in days since the start (fractional), or null when never placed. */
  finish: number | null;
  /** The calendar date by whose end the work is done, or null when never placed. */
  date: string | null;
}

/** Percentiles of one item, milestone or the whole plan. */
export interface FinishForecast {
  id: string;
  percentiles: FinishPercentile[];
  /** Mean finish time over trials that placed it (days). */
  meanFinish: number;
  /** Share of trials finished by the target date, when one was given. */
  probabilityOnTime: number | null;
  /** The chance of being done by the end of each day (see finish-curve.ts). */
  curve: FinishCurvePoint[];
}

/** The answer of runPlanForecast. */
export interface PlanForecast {
  status: 'ok';
  method: 'plan-monte-carlo';
  trials: number;
  seed: number;
  start: string;
  items: FinishForecast[];
  milestones: FinishForecast[];
  /** The finish of the last item. */
  plan: FinishForecast;
  /** Trials in which the scheduler could not place at least one item. */
  incompleteTrials: number;
}

function dateOfFinish(startDay: number, finish: number): string {
  // Work finishing at time f is done by the end of day ceil(f) - 1 (day 0 = the start day).
  return formatIsoDay(startDay + finishDayOffset(finish));
}

function summarize(options: {
  id: string;
  column: Float64Array;
  levels: readonly number[];
  startDay: number;
  targetDate?: string;
}): FinishForecast {
  const { id, column, levels, startDay, targetDate } = options;
  let sum = 0;
  let placed = 0;
  for (const value of column) {
    if (Number.isFinite(value)) {
      sum += value;
      placed++;
    }
  }
  let probabilityOnTime: number | null = null;
  if (targetDate !== undefined) {
    const deadline = toDayNumber(targetDate) - startDay + 1;
    let onTime = 0;
    for (const value of column) if (value <= deadline + 1e-9) onTime++;
    probabilityOnTime = onTime / column.length;
  }
  column.sort();
  const percentiles = levels.map((level) => {
    const finish = findSmallestCoveringForLevel({ sortedAscending: column, level });
    return Number.isFinite(finish)
      ? { level, finish, date: dateOfFinish(startDay, finish) }
      : { level, finish: null, date: null };
  });
  return {
    id,
    percentiles,
    meanFinish: placed === 0 ? Number.NaN : sum / placed,
    probabilityOnTime,
    curve: buildFinishCurve({ sortedFinishes: column }),
  };
}

/** The sampler of what remains of an item under way, or null for work not started. */
function prepareRemaining(
  item: PlanItem,
  distribution: PertDistribution,
  focus: number,
): RemainingDraw | null {
  if (!(item.elapsed !== undefined && item.elapsed > 0)) return null;
  const spent = item.elapsed * focus;
  if (item.sizes && item.sizes.length > 0) return prepareRemainingFromList(item.sizes, spent);
  const { ratios } = item;
  if (ratios && ratios.length > 0) {
    const likely = item.estimate.likely;
    return prepareRemainingFromList(
      Float64Array.from(ratios, (r) => r * likely),
      spent,
    );
  }
  return prepareRemainingPert(distribution, spent);
}

/**
 * Runs a plan forecast.
 * @param options.items the ordered items with three-point estimates in days.
 * @param options.trials number of trials.
 * @param options.seed seed of the generator: the same seed gives the same answer.
 * @param options.schedule the scheduler, called once per trial with the drawn durations.
 * @param options.start the plan's first day (YYYY-MM-DD).
 * @param options.milestones groups of items to report, each with an optional target date.
 * @param options.targetDate the date the whole plan should be done by.
 * @param options.levels confidence levels in percent (default 50, 70, 85, 95).
 * @param options.focus the share of capacity that goes to planned work (0 < focus ≤ 1, default
 *   1): every drawn effort is divided by it before it is scheduled.
 * @returns percentiles per item, per milestone and for the plan, with on-time probabilities.
 */
export function runPlanForecast(options: {
  items: readonly PlanItem[];
  trials: number;
  seed: number;
  schedule: PlanScheduler;
  start: string;
  milestones?: readonly PlanMilestone[];
  targetDate?: string;
  levels?: readonly number[];
  focus?: number;
}): PlanForecast {
  const {
    items,
    trials,
    seed,
    schedule,
    start,
    milestones = [],
    targetDate,
    levels = DEFAULT_LEVELS,
    focus = 1,
  } = options;
  if (!(focus > 0 && focus <= 1)) throw new RangeError(`focus must be in (0, 1]: ${focus}`);
  if (!Number.isInteger(trials) || trials < 1)
    throw new RangeError(`trials must be a positive integer: ${trials}`);
  const n = items.length;
  const startDay = toDayNumber(start);
  const indexOf = new Map(items.map((item, i) => [item.id, i]));
  const members = milestones.map((m) =>
    Int32Array.from(m.itemIds, (id) => {
      const i = indexOf.get(id);
      if (i === undefined) throw new RangeError(`milestone ${m.id} names an unknown item ${id}`);
      return i;
    }),
  );
  const distributions = items.map((item) => fitPert(item.estimate));
  const remaining = items.map((item, i) => prepareRemaining(item, distributions[i]!, focus));
  const random = createRandom(seed);
  const durations = new Float64Array(n);
  // Column-major (one block of `trials` per item) so each item's results sort in place.
  const itemFinishes = new Float64Array(n * trials);
  const milestoneFinishes = new Float64Array(milestones.length * trials);
  const planFinishes = new Float64Array(trials);
  let incompleteTrials = 0;

  for (let t = 0; t < trials; t++) {
    for (let i = 0; i < n; i++) {
      const { ratios, sizes } = items[i]!;
      const draw = remaining[i];
      const effort = draw
        ? draw(random)
        : sizes && sizes.length > 0
          ? sizes[random.nextIndex(sizes.length)]!
          : ratios && ratios.length > 0
            ? items[i]!.estimate.likely * ratios[random.nextIndex(ratios.length)]!
            : samplePert(distributions[i]!, random);
      durations[i] = effort / focus;
    }
    const finish = schedule(durations);
    let latest = 0;
    let incomplete = false;
    for (let i = 0; i < n; i++) {
      let f = finish[i] ?? Number.NaN;
      if (!Number.isFinite(f)) {
        f = Number.POSITIVE_INFINITY;
        incomplete = true;
      }
      itemFinishes[i * trials + t] = f;
      if (f > latest) latest = f;
    }
    planFinishes[t] = latest;
    for (let m = 0; m < members.length; m++) {
      let last = 0;
      for (const i of members[m]!) {
        const f = itemFinishes[i * trials + t]!;
        if (f > last) last = f;
      }
      milestoneFinishes[m * trials + t] = last;
    }
    if (incomplete) incompleteTrials++;
  }

  return {
    status: 'ok',
    method: 'plan-monte-carlo',
    trials,
    seed,
    start,
    items: items.map((item, i) =>
      summarize({
        id: item.id,
        column: itemFinishes.subarray(i * trials, (i + 1) * trials),
        levels,
        startDay,
      }),
    ),
    milestones: milestones.map((m, k) =>
      summarize({
        id: m.id,
        column: milestoneFinishes.subarray(k * trials, (k + 1) * trials),
        levels,
        startDay,
        ...(m.targetDate === undefined ? {} : { targetDate: m.targetDate }),
      }),
    ),
    plan: summarize({
      id: 'plan',
      column: planFinishes,
      levels,
      startDay,
      ...(targetDate === undefined ? {} : { targetDate }),
    }),
    incompleteTrials,
  };
}
