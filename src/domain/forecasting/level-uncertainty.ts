/**
 * Level uncertainty for the throughput Monte Carlo (an option; off by default).
 *
 * Resampling the window's days assumes the window's delivery level carries on into the future.
 * Real teams' levels move: a quarter after a point often delivers half or twice what the
 * quarter before it did, far more often than shuffled days would. So each trial first draws a
 * throughput-level multiplier M, then replays days exactly as without the option, their
 * completions scaled by M.
 *
 * How the spread of M is estimated, and why (all from the forecast's own window, nothing else):
 * - The window is split into `parts` consecutive sub-periods of (almost) equal length; each
 *   gives a rate r_j = (items_j + ½) / periods_j. The ½ item keeps the logarithm finite when a
 *   part delivered nothing (a usual continuity correction for counts).
 * - s² is the sample variance (denominator parts − 1) of ln r_j: how much the level moved from
 *   one sub-period to the next inside the window. The variance of ln(r_j / window rate) is the
 *   same number, since dividing by one rate only shifts the logarithms.
 * - The future level is treated as one more sub-period drawn like the others, while the window
 *   rate is the mean of `parts` of them; the textbook prediction variance for a new draw around
 *   the mean of k draws is σ² = s² (1 + 1/k).
 * - M = exp(σZ − σ²/2), Z standard normal: a log-normal (levels are positive and move by
 *   factors, not by amounts) with E[M] = 1, so the mean rate of the forecast stays the window's.
 *   Resampling the k observed ratios was the alternative; with k = 3 it gives only three
 *   levels, a lumpy distribution, so the smooth log-normal is used.
 * - s² is not corrected for the day-to-day noise inside each part: that correction assumes
 *   independent days, which bursty histories are not, and with 3 parts it often goes negative.
 *   This makes σ somewhat larger on short, sparse windows; it is reported in the basis.
 * Default parts = 3: a 90-day window gives three 30-day months, a planning rhythm chosen
 * a priori, not tuned on backtest results.
 *
 * A trial's days use the same random stream as without the option; M comes from a stream of
 * its own. So when every part has the same rate (σ = 0, M = 1) the answer is exactly the
 * default one, and trial t's multiplier is the same whatever the question.
 */
import { createRandom } from '../shared/random';
import { deriveTrialSeed } from './independent-days';

/** Options of the level-uncertainty model. */
export interface LevelUncertaintyOptions {
  /** Consecutive sub-periods the window is split into to measure how its level moves (default 3, at least 2). */
  parts?: number;
}

/** What the level model measured on the window. */
export interface LevelSpread {
  parts: number;
  /** Standard deviation of ln M used by the trials. */
  sigma: number;
  /** Each part's rate, items per sampled period (with the ½-item correction). */
  partRates: number[];
}

/** Default number of sub-periods: three months of a 90-day window. */
export const DEFAULT_LEVEL_PARTS = 3;

// M's stream is seeded like a trial index no forecast reaches, apart from the days' streams.
const LEVEL_STREAM_TRIAL = -0x4c45564c;

/**
 * Checks the level options (programmer errors throw).
 * @param options the level options.
 * @returns the number of parts.
 */
export function resolveLevelParts(options: LevelUncertaintyOptions): number {
  const parts = options.parts ?? DEFAULT_LEVEL_PARTS;
  if (!Number.isInteger(parts) || parts < 2) {
    throw new RangeError(`levelUncertainty.parts must be a whole number ≥ 2: ${parts}`);
  }
  return parts;
}

/**
 * Measures how the delivery level moves within a window.
 * @param options.samples items per sampled period, in calendar order (at least `parts` of them).
 * @param options.parts consecutive sub-periods (≥ 2).
 * @returns σ of ln M and the part rates.
 */
export function estimateLevelSpread(options: { samples: Int32Array; parts: number }): LevelSpread {
  const { samples, parts } = options;
  const n = samples.length;
  if (!Number.isInteger(parts) || parts < 2 || parts > n) {
    throw new RangeError(`parts must be a whole number from 2 to ${n}: ${parts}`);
  }
  const logs = new Float64Array(parts);
  const partRates: number[] = [];
  let mean = 0;
  for (let j = 0; j < parts; j++) {
    // Boundaries round down, so part lengths differ by at most one period.
    const from = Math.floor((j * n) / parts);
    const to = Math.floor(((j + 1) * n) / parts);
    let items = 0;
    for (let i = from; i < to; i++) items += samples[i]!;
    const rate = (items + 0.5) / (to - from);
    partRates.push(rate);
    logs[j] = Math.log(rate);
    mean += logs[j]! / parts;
  }
  let squares = 0;
  for (let j = 0; j < parts; j++) squares += (logs[j]! - mean) ** 2;
  const variance = (squares / (parts - 1)) * (1 + 1 / parts);
  // Equal rates give logs equal to the last bit; round-off must not create a spread.
  const sigma = variance < 1e-24 ? 0 : Math.sqrt(variance);
  return { parts, sigma, partRates };
}

/**
 * Says in plain language what the level model measured.
 * @param spread the measured spread.
 * @param unit what one sample is ("day", "working day", "week").
 * @returns one note for the forecast's basis.
 */
export function describeLevelSpread(spread: LevelSpread, unit: string): string {
  const rates = spread.partRates.map((r) => r.toFixed(2)).join(', ');
  return (
    `Level uncertainty: the window's ${spread.parts} consecutive parts delivered ${rates} items a ${unit}; ` +
    `each trial scales throughput by a log-normal level factor (mean 1, σ of its log ${spread.sigma.toFixed(2)}).`
  );
}

/**
 * Draws each trial's level multiplier M = exp(σZ − σ²/2) (mean 1), from a stream of its own.
 * @param options.sigma standard deviation of ln M (0 gives M = 1 for every trial).
 * @param options.trials number of trials.
 * @param options.seed the forecast's seed.
 * @returns one multiplier per trial.
 */
export function drawLevelMultipliers(options: { sigma: number; trials: number; seed: number }): Float64Array {
  const { sigma, trials, seed } = options;
  const multipliers = new Float64Array(trials).fill(1);
  if (sigma === 0) return multipliers;
  const random = createRandom(deriveTrialSeed(seed, LEVEL_STREAM_TRIAL));
  const shift = (sigma * sigma) / 2;
  for (let t = 0; t < trials; t++) multipliers[t] = Math.exp(sigma * random.nextNormal() - shift);
  return multipliers;
}

/**
 * Per-trial targets for the "when" question: trial t finishes when its unscaled count reaches
 * items ÷ (factor × M_t), rounded up, which is the day its scaled count reaches `items`.
 * @param options.items items to finish.
 * @param options.factor the throughput factor (team size ÷ split rate).
 * @param options.multipliers each trial's level multiplier.
 * @returns one target per trial (≥ 1), in historical units.
 */
export function buildTrialTargets(options: {
  items: number;
  factor: number;
  multipliers: Float64Array;
}): Int32Array {
  const { items, factor, multipliers } = options;
  const targets = new Int32Array(multipliers.length);
  for (let t = 0; t < multipliers.length; t++) {
    // Capped so that a tiny multiplier stays an integer target (the trial then runs to the horizon).
    const target = Math.ceil(items / (factor * multipliers[t]!) - 1e-9);
    targets[t] = Math.max(1, Math.min(2 ** 31 - 1, target));
  }
  return targets;
}
