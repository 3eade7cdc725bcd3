/**
 * What every throughput forecast does before it simulates: checks its options, builds the pool
 * of past days (or weeks) it may learn from — never a day on or after its start — and says in
 * plain language what it learnt from and how it adjusted it.
 */
import { toDayNumber } from '../shared/calendar';
import {
  buildSamplePool,
  DEFAULT_MINIMUM_HISTORY,
  type HistoryWindow,
  type InsufficientHistory,
  type SamplePool,
} from './history-samples';
import { deriveTrialSeed } from './independent-days';
import { describeLevelSpread, estimateLevelSpread, resolveLevelParts } from './level-uncertainty';
import { DEFAULT_LEVELS } from './percentiles';
import type { ForecastBasis, ThroughputForecastOptions } from './throughput-types';
import { buildWeeklySamplePool, DAYS_PER_WEEK, isWeeklyThroughput } from './weekly-samples';

/** Monte Carlo trials when none are asked for. */
export const DEFAULT_TRIALS = 10_000;

/** The pool a forecast draws from, with its unit and block length. */
export interface PreparedPool {
  pool: SamplePool;
  /** Days per sample: 1 for daily history, 7 for weekly. */
  unitDays: number;
  blockDays: number;
  /** Samples per block; 1 = independent draws. */
  blockLength: number;
}

/**
 * Builds the pool a forecast draws from.
 * @param options the forecast's options.
 * @returns the pool with its unit and block length, or what history is missing.
 */
export function preparePool(
  options: ThroughputForecastOptions,
): { status: 'ok'; prepared: PreparedPool } | InsufficientHistory {
  const { history, window, calendar } = options;
  const weekly = isWeeklyThroughput(history);
  const unitDays = weekly ? DAYS_PER_WEEK : 1;
  const blockDays = options.blockDays ?? unitDays;
  const minimum = options.minimum ?? DEFAULT_MINIMUM_HISTORY;
  // A block must fit in the window at least once; asking for that is the honest minimum.
  const parts = options.levelUncertainty ? resolveLevelParts(options.levelUncertainty) : 1;
  // Each part of the level model needs one sample at least, in the sampled unit.
  const needed = { ...minimum, sampleDays: Math.max(minimum.sampleDays, blockDays, parts * unitDays) };
  const past = clipWindowToStart(window, options.start);
  const built = weekly
    ? buildWeeklySamplePool({ history, minimum: needed, window: past })
    : buildSamplePool({ history, minimum: needed, window: past, ...(calendar ? { calendar } : {}) });
  if (built.status !== 'ok') return built;
  return {
    status: 'ok',
    prepared: { pool: built.pool, unitDays, blockDays, blockLength: blockDays / unitDays },
  };
}

/**
 * The window a forecast may learn from: never a day on or after its start, whatever the caller
 * asked for, so that a forecast made "as of" a past day cannot see what happened next.
 * @param window the requested window (its end, if any, is kept when it is earlier).
 * @param start the first forecast day (YYYY-MM-DD).
 * @returns the window, ending before the start at the latest.
 */
export function clipWindowToStart(window: HistoryWindow | undefined, start: string): HistoryWindow {
  const end = window?.endBefore;
  const endBefore = end !== undefined && toDayNumber(end) < toDayNumber(start) ? end : start;
  return { ...window, endBefore };
}

/**
 * The seed of each trial's own stream.
 * @param seed the forecast's seed.
 * @returns trial index → seed.
 */
export function seedsOf(seed: number): (trial: number) => number {
  return (trial) => deriveTrialSeed(seed, trial);
}

/**
 * Weekly trials finish in a week, known only to be done by its last day: spreads a histogram
 * per period to one per day.
 * @param histogram trials finishing per period.
 * @param unitDays days per period.
 * @returns trials finishing per day offset.
 */
export function spreadToDays(histogram: Int32Array, unitDays: number): Int32Array {
  if (unitDays === 1) return histogram;
  const days = new Int32Array(histogram.length * unitDays);
  for (let p = 0; p < histogram.length; p++) days[p * unitDays + unitDays - 1] = histogram[p]!;
  return days;
}

/**
 * Says what a forecast learnt from and how it adjusted it.
 * @param options the forecast's options.
 * @param prepared its pool.
 * @returns the basis, with its notes.
 */
export function describeBasis(options: ThroughputForecastOptions, prepared: PreparedPool): ForecastBasis {
  const { pool, unitDays, blockDays, blockLength } = prepared;
  const { samples: _samples, ...history } = pool;
  const notes: string[] = [];
  if (unitDays === DAYS_PER_WEEK) {
    notes.push(
      `Sampled ${pool.samples.length} whole weeks from ${pool.from} to ${pool.to}; days within a week are not ` +
        'known, so dates are the last day of a week and counts include only weeks ended by the date.',
    );
  } else if (options.calendar) {
    notes.push(
      `Sampled ${pool.sampleDays} working days from ${pool.from} to ${pool.to}; non-working days add nothing.`,
    );
  } else {
    notes.push(
      `Sampled every calendar day from ${pool.from} to ${pool.to} (${pool.sampleDays} days, weekends included).`,
    );
  }
  if (blockLength > 1) {
    const what = unitDays === DAYS_PER_WEEK ? 'weeks' : options.calendar ? 'working days' : 'days';
    notes.push(
      `Replayed runs of ${blockLength} consecutive ${what} (moving-block bootstrap), so bursts and quiet ` +
        'spells of the history carry into the forecast.',
    );
  }
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
  const basis: ForecastBasis = {
    history,
    throughputFactor,
    resampling: { unit: unitDays === DAYS_PER_WEEK ? 'week' : 'day', blockDays },
    notes,
  };
  if (options.levelUncertainty) {
    const parts = resolveLevelParts(options.levelUncertainty);
    const spread = estimateLevelSpread({ samples: pool.samples, parts });
    basis.levelUncertainty = { parts, sigma: spread.sigma };
    const unit = unitDays === DAYS_PER_WEEK ? 'week' : options.calendar ? 'working day' : 'day';
    notes.push(describeLevelSpread(spread, unit));
  }
  return basis;
}

/**
 * Checks the options both questions share; a programmer error throws.
 * @param options the forecast's options.
 */
export function checkCommonOptions(options: ThroughputForecastOptions): void {
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
  const { blockDays } = options;
  if (blockDays !== undefined && !(Number.isInteger(blockDays) && blockDays >= 1)) {
    throw new RangeError(`blockDays must be a positive whole number: ${blockDays}`);
  }
  if (isWeeklyThroughput(options.history)) {
    if (options.calendar) throw new RangeError('a working calendar needs daily history, not weekly counts');
    if (blockDays !== undefined && blockDays % DAYS_PER_WEEK !== 0) {
      throw new RangeError(`with weekly history, blockDays must be a multiple of 7: ${blockDays}`);
    }
  }
}
