/**
 * Throughput Monte Carlo: "when will these N items be done?" and "how many items by date D?",
 * by resampling the team's own past. By default each trial replays the future one day at a
 * time, drawing each day's completions from a randomly chosen past day; as options, it replays
 * whole runs of consecutive past days (a moving-block bootstrap, which keeps bursts and quiet
 * spells), and it learns from weekly counts instead of daily ones.
 */
import { formatIsoDay, markWorkingDays, toDayNumber } from './calendar';
import {
  buildSamplePool,
  DEFAULT_MINIMUM_HISTORY,
  type HistoryWindow,
  type InsufficientHistory,
  type SamplePool,
} from './history-samples';
import { deriveTrialSeed, simulateFinishDays, simulateTotals } from './independent-days';
import {
  buildTrialTargets,
  describeLevelSpread,
  drawLevelMultipliers,
  estimateLevelSpread,
  resolveLevelParts,
} from './level-uncertainty';
import {
  buildMovingBlocks,
  simulateFinishWithBlocks,
  simulateTotalsWithBlocks,
} from './moving-block-bootstrap';
import { DEFAULT_LEVELS, findEarliestDayForLevel, findLargestReachedForLevel } from './percentiles';
import type {
  CompletionForecast,
  CountForecast,
  ForecastBasis,
  ThroughputForecastOptions,
} from './throughput-types';
import { buildWeeklySamplePool, DAYS_PER_WEEK, isWeeklyThroughput } from './weekly-samples';

const DEFAULT_TRIALS = 10_000;
const DEFAULT_MAX_DAYS = 3650;

/** The pool a forecast draws from, with its unit and block length. */
interface PreparedPool {
  pool: SamplePool;
  /** Days per sample: 1 for daily history, 7 for weekly. */
  unitDays: number;
  blockDays: number;
  /** Samples per block; 1 = independent draws. */
  blockLength: number;
}

function preparePool(
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

function seedsOf(seed: number): (trial: number) => number {
  return (trial) => deriveTrialSeed(seed, trial);
}

// Weekly trials finish in a week, known only to be done by its last day.
function spreadToDays(histogram: Int32Array, unitDays: number): Int32Array {
  if (unitDays === 1) return histogram;
  const days = new Int32Array(histogram.length * unitDays);
  for (let p = 0; p < histogram.length; p++) days[p * unitDays + unitDays - 1] = histogram[p]!;
  return days;
}

function describeBasis(options: ThroughputForecastOptions, prepared: PreparedPool): ForecastBasis {
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
  const built = preparePool(options);
  if (built.status !== 'ok') return built;
  const { prepared } = built;
  const basis = describeBasis(options, prepared);
  const startDay = toDayNumber(options.start);
  const { unitDays, blockLength } = prepared;
  const maxPeriods = Math.max(1, Math.floor(maxDays / unitDays));
  const working = options.calendar
    ? markWorkingDays({ calendar: options.calendar, firstDay: startDay, length: maxPeriods })
    : null;
  // Scaling the target instead of every draw keeps the hot loop on integers.
  const target = Math.max(1, Math.ceil(items / basis.throughputFactor - 1e-9));
  const targets = basis.levelUncertainty
    ? buildTrialTargets({
        items,
        factor: basis.throughputFactor,
        multipliers: drawLevelMultipliers({ sigma: basis.levelUncertainty.sigma, trials, seed }),
      })
    : undefined;
  const simulated =
    blockLength > 1
      ? simulateFinishWithBlocks({
          blocks: buildMovingBlocks({ samples: prepared.pool.samples, blockLength }),
          target,
          trials,
          seedOfTrial: seedsOf(seed),
          working,
          maxPeriods,
          targets,
        })
      : simulateFinishDays({
          samples: prepared.pool.samples,
          target,
          trials,
          seed,
          working,
          maxDays: maxPeriods,
          targets,
        });
  const { unfinished } = simulated;
  const finishHistogram = spreadToDays(simulated.finishHistogram, unitDays);
  let last = finishHistogram.length - 1;
  while (last >= 0 && finishHistogram[last] === 0) last--;
  const percentiles = (options.levels ?? DEFAULT_LEVELS).map((level) => {
    const dayOffset = findEarliestDayForLevel({ finishHistogram, trials, level });
    return { level, dayOffset, date: dayOffset === null ? null : formatIsoDay(startDay + dayOffset) };
  });
  if (unfinished > 0) {
    basis.notes.push(
      `${unfinished} of ${trials} trials had not finished after ${maxPeriods * unitDays} days.`,
    );
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
  const built = preparePool(options);
  if (built.status !== 'ok') return built;
  const { prepared } = built;
  const basis = describeBasis(options, prepared);
  // Weekly history: only weeks that have ended by the end of `by` count.
  let periods = Math.floor(horizon / prepared.unitDays);
  if (options.calendar) {
    periods = 0;
    for (const flag of markWorkingDays({ calendar: options.calendar, firstDay: startDay, length: horizon })) {
      periods += flag;
    }
  }
  const { samples } = prepared.pool;
  let factor = basis.throughputFactor;
  let scales: Float64Array | undefined;
  if (basis.levelUncertainty) {
    // Each trial's total is scaled (and floored) by its own level times the factor.
    scales = drawLevelMultipliers({ sigma: basis.levelUncertainty.sigma, trials, seed });
    for (let t = 0; t < trials; t++) scales[t]! *= factor;
    factor = 1;
  }
  const totals =
    prepared.blockLength > 1
      ? simulateTotalsWithBlocks({
          blocks: buildMovingBlocks({ samples, blockLength: prepared.blockLength }),
          periods,
          trials,
          seedOfTrial: seedsOf(seed),
          scales,
        })
      : simulateTotals({ samples, days: periods, trials, seed, scales });
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
