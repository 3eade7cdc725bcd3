/**
 * Throughput Monte Carlo: "when will these N items be done?" and "how many items by date D?",
 * by resampling the team's own past. By default each trial replays the future one day at a
 * time, drawing each day's completions from a randomly chosen past day; as options, it replays
 * whole runs of consecutive past days (a moving-block bootstrap, which keeps bursts and quiet
 * spells), and it learns from weekly counts instead of daily ones.
 */
import { formatIsoDay, toDayNumber } from '../shared/calendar';
import { markWorkingDays } from './calendar';
import type { InsufficientHistory } from './history-samples';
import { simulateFinishDays, simulateTotals } from './independent-days';
import { buildTrialTargets, drawLevelMultipliers } from './level-uncertainty';
import {
  buildMovingBlocks,
  simulateFinishWithBlocks,
  simulateTotalsWithBlocks,
} from './moving-block-bootstrap';
import { DEFAULT_LEVELS, findEarliestDayForLevel, findLargestReachedForLevel } from './percentiles';
import {
  checkCommonOptions,
  DEFAULT_TRIALS,
  describeBasis,
  preparePool,
  seedsOf,
  spreadToDays,
} from './throughput-pool';
import type {
  CompletionForecast,
  CountForecast,
  ForecastBasis,
  ThroughputForecastOptions,
} from './throughput-types';

const DEFAULT_MAX_DAYS = 3650;

/** The simulated distribution behind a "when" forecast. */
export interface SimulatedCompletion {
  status: 'ok';
  basis: ForecastBasis;
  trials: number;
  /** finishHistogram[d] = trials that finished on day offset d, up to the horizon. */
  finishHistogram: Int32Array;
  /** Trials still unfinished at the horizon. */
  unfinished: number;
  /** The horizon actually simulated, in days. */
  horizonDays: number;
}

/**
 * Simulates when a number of items will be done, without reading percentiles off the trials.
 * @param options as for forecastCompletion.
 * @returns the per-day finish histogram and the basis, or what history is missing.
 */
export function simulateCompletion(
  options: ThroughputForecastOptions & { items: number; maxDays?: number },
): SimulatedCompletion | InsufficientHistory {
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
  return {
    status: 'ok',
    basis,
    trials,
    finishHistogram: spreadToDays(simulated.finishHistogram, unitDays),
    unfinished: simulated.unfinished,
    horizonDays: maxPeriods * unitDays,
  };
}

/**
 * Reads a "when" forecast off simulated trials.
 * @param options.simulated the simulation.
 * @param options.items the items forecast.
 * @param options.start the first forecast day.
 * @param options.seed the seed used.
 * @param options.levels the levels to show, each with the share of trials (in %) to read it
 *   at; plain forecasts read a level at itself, a recalibrated one elsewhere.
 * @returns the forecast.
 */
export function readCompletionForecast(options: {
  simulated: SimulatedCompletion;
  items: number;
  start: string;
  seed: number;
  levels: ReadonlyArray<{ level: number; readAt: number }>;
}): CompletionForecast {
  const { simulated, items, start, seed } = options;
  const { finishHistogram, trials, unfinished, horizonDays } = simulated;
  const startDay = toDayNumber(start);
  let last = finishHistogram.length - 1;
  while (last >= 0 && finishHistogram[last] === 0) last--;
  const percentiles = options.levels.map(({ level, readAt }) => {
    const dayOffset = findEarliestDayForLevel({ finishHistogram, trials, level: readAt });
    return { level, dayOffset, date: dayOffset === null ? null : formatIsoDay(startDay + dayOffset) };
  });
  const basis = { ...simulated.basis, notes: [...simulated.basis.notes] };
  if (unfinished > 0) {
    basis.notes.push(`${unfinished} of ${trials} trials had not finished after ${horizonDays} days.`);
  }
  return {
    status: 'ok',
    method: 'throughput-monte-carlo',
    items,
    trials,
    seed,
    start,
    percentiles,
    finishHistogram: Array.from(finishHistogram.subarray(0, last + 1)),
    unfinishedTrials: unfinished,
    basis,
  };
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
  const simulated = simulateCompletion(options);
  if (simulated.status !== 'ok') return simulated;
  return readCompletionForecast({
    simulated,
    items: options.items,
    start: options.start,
    seed: options.seed ?? 1,
    levels: (options.levels ?? DEFAULT_LEVELS).map((level) => ({ level, readAt: level })),
  });
}

/** The simulated distribution behind a "how many" forecast. */
export interface SimulatedCounts {
  status: 'ok';
  basis: ForecastBasis;
  /** Each trial's count by the end of the date (adjustments applied), sorted ascending. */
  totals: Int32Array;
}

/**
 * Simulates how many items will be done by the end of a date, without reading percentiles.
 * @param options as for forecastCountByDate.
 * @returns the sorted per-trial counts and the basis, or what history is missing.
 */
export function simulateCounts(
  options: ThroughputForecastOptions & { by: string },
): SimulatedCounts | InsufficientHistory {
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
  // floor(x × factor) is monotone, so the scaled totals stay sorted.
  if (factor !== 1) for (let t = 0; t < trials; t++) totals[t] = Math.floor(totals[t]! * factor + 1e-9);
  return { status: 'ok', basis, totals };
}

/**
 * Reads a "how many" forecast off simulated trials.
 * @param options.simulated the simulation.
 * @param options.by the last day counted.
 * @param options.start the first forecast day.
 * @param options.seed the seed used.
 * @param options.levels the levels to show, each with the share of trials (in %) to read it at.
 * @returns the forecast.
 */
export function readCountForecast(options: {
  simulated: SimulatedCounts;
  by: string;
  start: string;
  seed: number;
  levels: ReadonlyArray<{ level: number; readAt: number }>;
}): CountForecast {
  const { simulated, by, start, seed } = options;
  const percentiles = options.levels.map(({ level, readAt }) => ({
    level,
    count: findLargestReachedForLevel({ sortedAscending: simulated.totals, level: readAt }),
  }));
  return {
    status: 'ok',
    method: 'throughput-monte-carlo',
    by,
    trials: simulated.totals.length,
    seed,
    start,
    percentiles,
    basis: { ...simulated.basis, notes: [...simulated.basis.notes] },
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
  const simulated = simulateCounts(options);
  if (simulated.status !== 'ok') return simulated;
  return readCountForecast({
    simulated,
    by: options.by,
    start: options.start,
    seed: options.seed ?? 1,
    levels: (options.levels ?? DEFAULT_LEVELS).map((level) => ({ level, readAt: level })),
  });
}
