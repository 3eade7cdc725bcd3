/**
 * Walk-forward backtest of the throughput forecast: at regular points in a history, forecast
 * how many days the next N items take using only the window before the point, then compare
 * with the day on which the N-th item really landed.
 */
import type {
  DailyThroughput,
  ForecastScore,
  LevelUncertaintyOptions,
  WorkingCalendar,
} from '../../src/domain/forecasting/index';
import {
  createRandom,
  forecastCompletion,
  formatIsoDay,
  parseIsoDay,
  scoreForecast,
  summarizeCalibration,
} from '../../src/domain/forecasting/index';

/** The settings of one backtest, chosen once for every history. */
export interface BacktestSettings {
  windowDays: number;
  items: number;
  stepDays: number;
  trials: number;
  seed: number;
  calendar?: WorkingCalendar;
  /** Resample runs of this many consecutive days (moving-block bootstrap); default: single days. */
  blockDays?: number;
  /** Draw a level multiplier per trial from the window's own parts (see level-uncertainty.ts). */
  levelUncertainty?: LevelUncertaintyOptions;
}

/** What one history gave. */
export interface BacktestResult {
  /** Forecast points scored against a real outcome. */
  points: number;
  /** Points where the forecast declined for too little history. */
  declined: number;
  /** Share of outcomes at or below P50 / P85 / P95 (0..1). */
  coverage: { 50: number; 85: number; 95: number };
  /** Mean P95 − P50 and P85 − P50, in days, over the points whose percentile fell within the horizon. */
  meanWidth95: number;
  meanWidth85: number;
  /** Points whose P95 lay beyond the forecast's horizon (10 years): left out of meanWidth95. */
  beyondHorizon95: number;
  /** Mean actual days to finish the N items. */
  meanActualDays: number;
}

/**
 * Runs the walk-forward backtest on one history.
 * @param history daily completed items.
 * @param settings window, N, spacing of the points, trials and seed.
 * @returns coverage and widths; points whose outcome lies past the end of the data are left out.
 */
export function backtestHistory(history: DailyThroughput, settings: BacktestSettings): BacktestResult {
  const { windowDays, items, stepDays, trials, seed, calendar, blockDays, levelUncertainty } = settings;
  const counts = history.counts;
  const first = parseIsoDay(history.firstDate)!;
  const scores: ForecastScore[] = [];
  let declined = 0;
  let width95 = 0;
  let width85 = 0;
  let finite95 = 0;
  let finite85 = 0;
  let beyondHorizon95 = 0;
  let actualSum = 0;
  for (let t = windowDays; t < counts.length; t += stepDays) {
    // The outcome: the day offset on which the running total from t reaches N.
    let done = 0;
    let actual = -1;
    for (let d = t; d < counts.length; d++) {
      done += counts[d] ?? 0;
      if (done >= items) {
        actual = d - t;
        break;
      }
    }
    if (actual < 0) break; // not yet observed: the rest of the series is censored too
    const start = formatIsoDay(first + t);
    const forecast = forecastCompletion({
      history,
      start,
      items,
      trials,
      seed: seed + t,
      window: { endBefore: start, days: windowDays },
      ...(calendar ? { calendar } : {}),
      ...(blockDays ? { blockDays } : {}),
      ...(levelUncertainty ? { levelUncertainty } : {}),
    });
    if (forecast.status !== 'ok') {
      declined++;
      continue;
    }
    const percentiles = forecast.percentiles.map((p) => ({ level: p.level, value: p.dayOffset }));
    scores.push(scoreForecast({ percentiles, actual }));
    const at = (level: number) =>
      forecast.percentiles.find((p) => p.level === level)?.dayOffset ?? Number.NaN;
    // A trial with a very low level can run past the horizon: its percentile is then unknown.
    if (Number.isFinite(at(95))) {
      width95 += at(95) - at(50);
      finite95++;
    } else beyondHorizon95++;
    if (Number.isFinite(at(85))) {
      width85 += at(85) - at(50);
      finite85++;
    }
    actualSum += actual;
  }
  const summary = summarizeCalibration(scores);
  const observed = (level: number) => summary.rows.find((r) => r.level === level)?.observed ?? Number.NaN;
  const n = scores.length;
  return {
    points: n,
    declined,
    coverage: { 50: observed(50), 85: observed(85), 95: observed(95) },
    meanWidth95: width95 / finite95,
    meanWidth85: width85 / finite85,
    beyondHorizon95,
    meanActualDays: actualSum / n,
  };
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
  settings: BacktestSettings,
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
