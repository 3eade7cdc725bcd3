/**
 * Why plain resampling misses on a history: how bursty it is beyond single days, and how often
 * its level moves between consecutive windows.
 */

import type { DailyThroughput } from '../../src/domain/forecasting/index';
import { createRandom } from '../../src/domain/shared';

/** The spacing of the points a history is looked at, and the seed of the shuffle. */
export interface DriftSettings {
  windowDays: number;
  stepDays: number;
  seed: number;
}

/**
 * How much more 4-week totals vary than independent days would make them vary:
 * Var(sum of `days` consecutive days) / (days × Var(one day)), over non-overlapping spans.
 * About 1 means days behave independently (what daily resampling assumes); well above 1 means
 * bursts and quiet spells, which make resampled forecasts too narrow.
 * @param history daily completed items.
 * @param days span length.
 * @returns the variance ratio.
 */
export function measureBurstiness(history: DailyThroughput, days = 28): number {
  const counts = Array.from(history.counts);
  const variance = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  };
  const sums: number[] = [];
  for (let i = 0; i + days <= counts.length; i += days)
    sums.push(counts.slice(i, i + days).reduce((a, b) => a + b, 0));
  return variance(sums) / (days * variance(counts));
}

/**
 * How far the delivery level moves from one window to the next: at the backtest's points, the
 * mean daily rate of the `windowDays` after the point against that of the `windowDays` before.
 * The same figure on the days shuffled (a seeded permutation: the same days, independent order)
 * shows how much of it chance alone would give.
 * @param history daily completed items.
 * @param settings the backtest settings (window, spacing, seed).
 * @returns the share of points where the next window's rate is more than 1.5× higher or lower,
 *   for the real order and for the shuffled days.
 */
export function measureLevelDrift(
  history: DailyThroughput,
  settings: DriftSettings,
): { real: number; shuffled: number; points: number } {
  const counts = Array.from(history.counts);
  const shuffled = counts.slice();
  const random = createRandom(settings.seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.nextIndex(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const share = (xs: number[]) => {
    const { windowDays: w, stepDays } = settings;
    let moved = 0;
    let points = 0;
    for (let t = w; t + w <= xs.length; t += stepDays) {
      let before = 0;
      let after = 0;
      for (let d = 0; d < w; d++) {
        before += xs[t - w + d]!;
        after += xs[t + d]!;
      }
      if (before === 0) continue;
      points++;
      if (after > 1.5 * before || 1.5 * after < before) moved++;
    }
    return { share: moved / Math.max(1, points), points };
  };
  const real = share(counts);
  return { real: real.share, shuffled: share(shuffled).share, points: real.points };
}
