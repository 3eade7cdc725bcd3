/**
 * Cycle time: from an item's first entry into a started state to its last entry into done, in
 * fractional days; its percentiles, and how an unfinished item's age compares with them.
 */
import { computeQuantile } from '../shared';

/** The percentiles shown for cycle times (never the mean ± standard deviation: they are skewed). */
export const CYCLE_TIME_LEVELS = [50, 70, 85, 95] as const;
export type CycleTimeLevel = (typeof CYCLE_TIME_LEVELS)[number];

/** Cycle-time percentiles in days, one per level. */
export type CycleTimePercentiles = Record<CycleTimeLevel, number>;

/**
 * Percentiles of cycle times (linear interpolation, the repository's one quantile).
 * @param sortedDays cycle times in days, ascending
 * @returns the 50th/70th/85th/95th percentiles, or null when there are none
 */
export function computeCycleTimePercentiles(sortedDays: readonly number[]): CycleTimePercentiles | null {
  if (sortedDays.length === 0) return null;
  const at = (level: CycleTimeLevel) => computeQuantile(sortedDays, level / 100);
  return { 50: at(50), 70: at(70), 85: at(85), 95: at(95) };
}

/**
 * The share of finished work an item is already older than: "older than 85 % of finished work".
 * @param sortedDays finished cycle times in days, ascending
 * @param ageDays the item's age since it started, in days
 * @returns the percentage (0–100) of cycle times strictly below the age, or null with none
 */
export function findAgePercentile(sortedDays: readonly number[], ageDays: number): number | null {
  if (sortedDays.length === 0) return null;
  // Binary search for the first cycle time not below the age.
  let low = 0;
  let high = sortedDays.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortedDays[middle]! < ageDays) low = middle + 1;
    else high = middle;
  }
  return (100 * low) / sortedDays.length;
}
