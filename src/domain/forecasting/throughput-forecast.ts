/**
 * Throughput Monte Carlo: "when will these N items be done?" and "how many items by date D?",
 * by resampling the team's own past days. Each trial replays the future one day at a time,
 * drawing each day's completions from a randomly chosen past day.
 */
import { buildBlockSampler, drawBlockTotal, drawDayWithinBlock } from './block-sampler';
import { formatIsoDay, markWorkingDays, toDayNumber, type WorkingCalendar } from './calendar';
import {
  buildSamplePool,
  type DailyThroughput,
  type HistoryWindow,
  type InsufficientHistory,
  type MinimumHistory,
  type SamplePool,
} from './history-samples';
import { DEFAULT_LEVELS, findEarliestDayForLevel, findLargestReachedForLevel } from './percentiles';
import { createRandom } from './random';

/** Options shared by both throughput questions. */
export interface ThroughputForecastOptions {
  /** The team's daily completed-item counts. */
  history: DailyThroughput;
  /** The first forecast day (YYYY-MM-DD); work done on it counts. */
  start: string;
  /** Monte Carlo trials (default 10,000). */
  trials?: number;
  /** Seed of the generator (default 1): the same seed gives the same answer. */
  seed?: number;
  /** Which part of the history to learn from (default: all of it). */
  window?: HistoryWindow;
  /** A working-day calendar; by default every calendar day is a sample, weekends included. */
  calendar?: WorkingCalendar;
  /** When the team size changed, throughput is scaled by future / history, and the result says so. */
  teamSize?: { history: number; future: number };
  /** Expected items each remaining item will split into (≥ 1; default 1). */
  splitRate?: number;
  /** Confidence levels in percent (default 50, 70, 85, 95). */
  levels?: readonly number[];
  /** The least history accepted (default DEFAULT_MINIMUM_HISTORY). */
  minimum?: MinimumHistory;
}

/** What the forecast learnt from and how it adjusted it. */
export interface ForecastBasis {
  history: Omit<SamplePool, 'samples'>;
  /** Multiplier applied to historical throughput (team size ÷ split rate). */
  throughputFactor: number;
  /** Plain-language notes on every adjustment made. */
  notes: string[];
}

/** One date percentile. */
export interface DatePercentile {
  level: number;
  /** Days after the start (0 = the start day); null when beyond the horizon. */
  dayOffset: number | null;
  /** YYYY-MM-DD, or null when beyond the horizon. */
  date: string | null;
}

/** The answer to "when will these N items be done?". */
export interface CompletionForecast {
  status: 'ok';
  method: 'throughput-monte-carlo';
  items: number;
  trials: number;
  seed: number;
  start: string;
  /** The earliest day by whose end at least `level`% of trials had finished. */
  percentiles: DatePercentile[];
  /** finishHistogram[d] = trials that finished on day offset d. */
  finishHistogram: number[];
  /** Trials still unfinished at the horizon (maxDays). */
  unfinishedTrials: number;
  basis: ForecastBasis;
}

/** The answer to "how many items by date D?". */
export interface CountForecast {
  status: 'ok';
  method: 'throughput-monte-carlo';
  by: string;
  trials: number;
  seed: number;
  start: string;
  /** The largest count that at least `level`% of trials reached by the end of `by`. */
  percentiles: Array<{ level: number; count: number }>;
  basis: ForecastBasis;
}

const DEFAULT_TRIALS = 10_000;
const DEFAULT_MAX_DAYS = 3650;

// Each trial gets its own stream, so that with one seed, trial t sees the same days whatever
// the question: more items never finish earlier and a later date never counts fewer, trial by
// trial, not just on average.
function seedOfTrial(seed: number, trial: number): number {
  return (Math.imul(trial + 1, 0x9e3779b1) ^ Math.imul((seed ^ (seed / 4294967296)) | 0, 0x85ebca6b)) >>> 0;
}

/**
 * Runs the "when" trials on a prepared sample pool: the hot loop, no allocation per trial.
 * @param options.samples items completed on each sampled past day.
 * @param options.target items to finish, in historical units (≥ 1).
 * @param options.trials number of trials.
 * @param options.seed seed of the generator.
 * @param options.working optional flags per future day offset (1 = working); null = every day.
 * @param options.maxDays horizon: trials not done by then count as unfinished.
 * @returns trials finishing per day offset, and the number unfinished.
 */
export function simulateFinishDays(options: {
  samples: Int32Array;
  target: number;
  trials: number;
  seed: number;
  working: Uint8Array | null;
  maxDays: number;
}): { finishHistogram: Int32Array; unfinished: number } {
  const { samples, target, trials, seed, working, maxDays } = options;
  const n = samples.length;
  const random = createRandom(seed);
  // With a working calendar, blocks would hold varying numbers of working days: go day by day.
  const blocks = working === null ? buildBlockSampler(samples) : null;
  const finishHistogram = new Int32Array(maxDays);
  let unfinished = 0;
  for (let t = 0; t < trials; t++) {
    random.reseed(seedOfTrial(seed, t));
    let done = 0;
    let day = 0;
    let finish = -1;
    if (blocks !== null) {
      const k = blocks.blockDays;
      while (day + k <= maxDays) {
        const total = drawBlockTotal(blocks, random);
        if (done + total < target) {
          done += total;
          day += k;
          continue;
        }
        // This block crosses the target: find the day within it.
        let remaining = total;
        for (let left = k; ; left--, day++) {
          const v = drawDayWithinBlock(blocks, random, remaining, left);
          remaining -= v;
          done += v;
          if (done >= target) break;
        }
        finish = day;
        break;
      }
    }
    while (finish < 0 && day < maxDays) {
      if (working === null || working[day] === 1) done += samples[random.nextIndex(n)]!;
      if (done >= target) finish = day;
      else day++;
    }
    if (finish >= 0) finishHistogram[finish]!++;
    else unfinished++;
  }
  return { finishHistogram, unfinished };
}

/**
 * Runs the "how many" trials on a prepared sample pool.
 * @param options.samples items completed on each sampled past day.
 * @param options.days working days between the start and the target date, both included.
 * @param options.trials number of trials.
 * @param options.seed seed of the generator.
 * @returns each trial's total, sorted ascending.
 */
export function simulateTotals(options: {
  samples: Int32Array;
  days: number;
  trials: number;
  seed: number;
}): Int32Array {
  const { samples, days, trials, seed } = options;
  const n = samples.length;
  const random = createRandom(seed);
  const blocks = buildBlockSampler(samples);
  const totals = new Int32Array(trials);
  for (let t = 0; t < trials; t++) {
    random.reseed(seedOfTrial(seed, t));
    let done = 0;
    if (blocks === null) {
      for (let d = 0; d < days; d++) done += samples[random.nextIndex(n)]!;
    } else {
      const k = blocks.blockDays;
      let d = 0;
      for (; d + k <= days; d += k) done += drawBlockTotal(blocks, random);
      if (d < days) {
        // The last part-block is the start of a whole block, so a later date never counts less.
        let remaining = drawBlockTotal(blocks, random);
        for (let left = k; d < days; d++, left--) {
          const v = drawDayWithinBlock(blocks, random, remaining, left);
          remaining -= v;
          done += v;
        }
      }
    }
    totals[t] = done;
  }
  return totals.sort();
}

function describeBasis(options: ThroughputForecastOptions, pool: SamplePool): ForecastBasis {
  const { samples: _samples, ...history } = pool;
  const notes: string[] = [
    options.calendar
      ? `Sampled ${pool.sampleDays} working days from ${pool.from} to ${pool.to}; non-working days add nothing.`
      : `Sampled every calendar day from ${pool.from} to ${pool.to} (${pool.sampleDays} days, weekends included).`,
  ];
  let throughputFactor = 1;
  const team = options.teamSize;
  if (team && team.history !== team.future) {
    const scale = team.future / team.history;
    throughputFactor *= scale;
    notes.push(
      `Throughput scaled ×${scale.toFixed(2)} for a team of ${team.future} instead of ${team.history} ` +
        '(assumes throughput in proportion to team size; new people take time to ramp up).',
    );
  }
  const split = options.splitRate ?? 1;
  if (split !== 1) {
    throughputFactor /= split;
    notes.push(`Each remaining item is expected to split into ${split} items as work proceeds.`);
  }
  return { history, throughputFactor, notes };
}

function checkCommonOptions(options: ThroughputForecastOptions): void {
  const trials = options.trials ?? DEFAULT_TRIALS;
  if (!Number.isInteger(trials) || trials < 1)
    throw new RangeError(`trials must be a positive integer: ${trials}`);
  if (options.splitRate !== undefined && !(options.splitRate >= 1)) {
    throw new RangeError(`splitRate must be ≥ 1: ${options.splitRate}`);
  }
  const team = options.teamSize;
  if (team && !(team.history > 0 && team.future > 0)) throw new RangeError('team sizes must be positive');
  for (const level of options.levels ?? DEFAULT_LEVELS) {
    if (!(level > 0 && level <= 100)) throw new RangeError(`levels are percentages in (0, 100]: ${level}`);
  }
}

/**
 * Forecasts when a number of items will be done.
 * @param options the shared options, plus `items` (a positive integer) and `maxDays` (horizon,
 *   default 3650 days).
 * @returns date percentiles with the basis of the forecast, or InsufficientHistory saying what
 *   minimum history is needed.
 */
export function forecastCompletion(
  options: ThroughputForecastOptions & { items: number; maxDays?: number },
): CompletionForecast | InsufficientHistory {
  checkCommonOptions(options);
  const { items, maxDays = DEFAULT_MAX_DAYS, trials = DEFAULT_TRIALS, seed = 1 } = options;
  if (!Number.isInteger(items) || items < 1)
    throw new RangeError(`items must be a positive integer: ${items}`);
  const built = buildSamplePool(options);
  if (built.status !== 'ok') return built;
  const basis = describeBasis(options, built.pool);
  const startDay = toDayNumber(options.start);
  const working = options.calendar
    ? markWorkingDays({ calendar: options.calendar, firstDay: startDay, length: maxDays })
    : null;
  // Scaling the target instead of every draw keeps the hot loop on integers.
  const target = Math.max(1, Math.ceil(items / basis.throughputFactor - 1e-9));
  const { finishHistogram, unfinished } = simulateFinishDays({
    samples: built.pool.samples,
    target,
    trials,
    seed,
    working,
    maxDays,
  });
  let last = finishHistogram.length - 1;
  while (last >= 0 && finishHistogram[last] === 0) last--;
  const percentiles = (options.levels ?? DEFAULT_LEVELS).map((level) => {
    const dayOffset = findEarliestDayForLevel({ finishHistogram, trials, level });
    return { level, dayOffset, date: dayOffset === null ? null : formatIsoDay(startDay + dayOffset) };
  });
  if (unfinished > 0) {
    basis.notes.push(`${unfinished} of ${trials} trials had not finished after ${maxDays} days.`);
  }
  return {
    status: 'ok',
    method: 'throughput-monte-carlo',
    items,
    trials,
    seed,
    start: options.start,
    percentiles,
    finishHistogram: Array.from(finishHistogram.subarray(0, last + 1)),
    unfinishedTrials: unfinished,
    basis,
  };
}

/**
 * Forecasts how many items will be done by the end of a date.
 * @param options the shared options, plus `by` (YYYY-MM-DD, not before `start`).
 * @returns count percentiles with the basis of the forecast, or InsufficientHistory saying what
 *   minimum history is needed.
 */
export function forecastCountByDate(
  options: ThroughputForecastOptions & { by: string },
): CountForecast | InsufficientHistory {
  checkCommonOptions(options);
  const { by, trials = DEFAULT_TRIALS, seed = 1 } = options;
  const startDay = toDayNumber(options.start);
  const horizon = toDayNumber(by) - startDay + 1;
  if (horizon < 1) throw new RangeError(`the date ${by} is before the start ${options.start}`);
  const built = buildSamplePool(options);
  if (built.status !== 'ok') return built;
  const basis = describeBasis(options, built.pool);
  let days = horizon;
  if (options.calendar) {
    days = 0;
    for (const flag of markWorkingDays({ calendar: options.calendar, firstDay: startDay, length: horizon })) {
      days += flag;
    }
  }
  const totals = simulateTotals({ samples: built.pool.samples, days, trials, seed });
  const factor = basis.throughputFactor;
  // floor(x × factor) is monotone, so scaling the read-out equals scaling every trial.
  const percentiles = (options.levels ?? DEFAULT_LEVELS).map((level) => ({
    level,
    count: Math.floor(findLargestReachedForLevel({ sortedAscending: totals, level }) * factor + 1e-9),
  }));
  return {
    status: 'ok',
    method: 'throughput-monte-carlo',
    by,
    trials,
    seed,
    start: options.start,
    percentiles,
    basis,
  };
}
