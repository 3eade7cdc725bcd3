/**
 * Forecast accountability: once forecast work has finished, compare what happened with what
 * was forecast, and over many forecasts, compare each predicted level with how often the
 * outcome really fell at or below it (calibration).
 */

/** A stored forecast's percentile, in any ordered unit (day offsets, day numbers, counts). */
export interface StoredPercentile {
  level: number;
  /** null when the forecast had no value at this level (beyond its horizon): treated as +∞. */
  value: number | null;
}

/** The score of one forecast against its outcome. */
export interface ForecastScore {
  /** Whether the outcome fell at or below each stored level's value. */
  hits: Array<{ level: number; hit: boolean }>;
  /** Whether the outcome fell at or below P85; null when the forecast has no P85. */
  withinP85: boolean | null;
  /** The smallest stored level the outcome fell at or below; null when above all of them. */
  landedAtOrBelow: number | null;
  /** The largest stored level the outcome fell above; 0 when below all of them. */
  landedAbove: number;
  /** Exact percentile of the outcome (share of trials at or below it, in %), when the full distribution was stored. */
  landedPercentile: number | null;
}

/**
 * Scores one forecast.
 * @param options.percentiles the stored percentiles.
 * @param options.actual the outcome, in the same unit (e.g. the day offset on which the work finished).
 * @param options.distribution optionally, the stored distribution over integer values:
 *   histogram[v] = trials with value v, total = all trials (including those beyond the horizon).
 * @returns hits per level, the P85 verdict and where the outcome landed.
 */
export function scoreForecast(options: {
  percentiles: readonly StoredPercentile[];
  actual: number;
  distribution?: { histogram: ArrayLike<number>; total: number };
}): ForecastScore {
  const { actual, distribution } = options;
  const sorted = [...options.percentiles].sort((a, b) => a.level - b.level);
  const hits = sorted.map((p) => ({ level: p.level, hit: p.value === null || actual <= p.value }));
  const p85 = hits.find((h) => h.level === 85);
  const firstHit = hits.find((h) => h.hit);
  const misses = hits.filter((h) => !h.hit);
  let landedPercentile: number | null = null;
  if (distribution) {
    let atOrBelow = 0;
    const upTo = Math.min(distribution.histogram.length - 1, Math.floor(actual));
    for (let v = 0; v <= upTo; v++) atOrBelow += distribution.histogram[v]!;
    landedPercentile = (100 * atOrBelow) / distribution.total;
  }
  return {
    hits,
    withinP85: p85 ? p85.hit : null,
    landedAtOrBelow: firstHit ? firstHit.level : null,
    landedAbove: misses.length > 0 ? misses[misses.length - 1]!.level : 0,
    landedPercentile,
  };
}

/** Predicted level against observed frequency. */
export interface CalibrationRow {
  level: number;
  /** Forecasts that had this level. */
  count: number;
  /** Share of them whose outcome fell at or below the level's value (0..1). */
  observed: number;
  /** observed − level/100: negative means over-confident (outcomes later than promised). */
  gap: number;
}

/** A workspace's track record. */
export interface CalibrationSummary {
  forecasts: number;
  rows: CalibrationRow[];
  /** Mean |gap| over the levels, in proportion (0..1); null with no forecasts. */
  meanAbsoluteGap: number | null;
}

/**
 * Summarizes many scored forecasts as a calibration table.
 * @param scores forecast scores from scoreForecast.
 * @returns for each level seen, how often outcomes fell at or below it.
 */
export function summarizeCalibration(scores: readonly ForecastScore[]): CalibrationSummary {
  const tally = new Map<number, { count: number; hits: number }>();
  for (const score of scores) {
    for (const { level, hit } of score.hits) {
      const row = tally.get(level) ?? { count: 0, hits: 0 };
      row.count++;
      if (hit) row.hits++;
      tally.set(level, row);
    }
  }
  const rows = [...tally.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, { count, hits }]) => ({
      level,
      count,
      observed: hits / count,
      gap: hits / count - level / 100,
    }));
  return {
    forecasts: scores.length,
    rows,
    meanAbsoluteGap:
      rows.length === 0 ? null : rows.reduce((sum, r) => sum + Math.abs(r.gap), 0) / rows.length,
  };
}

/** How often outcomes fell at or below one level, over a run of forecasts. */
export interface CoverageWindow {
  forecasts: number;
  /** Share of them at or below the level, or null when none was scored at it. */
  observed: number | null;
}

/** Coverage of one level over the latest forecasts against the ones before them. */
export interface CoverageTrend {
  level: number;
  recent: CoverageWindow;
  earlier: CoverageWindow;
}

function measureCoverage(scores: readonly ForecastScore[], level: number): CoverageWindow {
  let count = 0;
  let hits = 0;
  for (const score of scores) {
    const found = score.hits.find((h) => h.level === level);
    if (!found) continue;
    count++;
    if (found.hit) hits++;
  }
  return { forecasts: count, observed: count === 0 ? null : hits / count };
}

/**
 * How calibration changed: the coverage of `level` over the last `recent` scored forecasts
 * against all the earlier ones.
 * @param scoresOldestFirst scores in the order the forecasts were made
 * @param options.level the level (default 85)
 * @param options.recent how many of the latest forecasts form the recent window (default 10)
 */
export function measureCoverageTrend(
  scoresOldestFirst: readonly ForecastScore[],
  options: { level?: number; recent?: number } = {},
): CoverageTrend {
  const { level = 85, recent = 10 } = options;
  const split = Math.max(0, scoresOldestFirst.length - recent);
  return {
    level,
    recent: measureCoverage(scoresOldestFirst.slice(split), level),
    earlier: measureCoverage(scoresOldestFirst.slice(0, split), level),
  };
}

/**
 * Where plan forecasts stand on the workspace's record, in one line for every surface that shows
 * one (the roadmap's cards, the forecast page): how often the P85 of the scored ones held.
 * @param options.scored plan forecasts scored against what happened
 * @param options.withinP85 of those, the ones whose work finished by their P85
 */
export function describePlanTrackRecord(options: { scored: number; withinP85: number }): string {
  const { scored, withinP85 } = options;
  if (scored === 0) return 'not enough data: no plan forecast has been scored yet';
  return `P85 held in ${withinP85} of ${scored} scored plan forecasts`;
}
