/**
 * Percentile read-outs shared by the forecasts. A level is a percentage (85 means "85% of
 * trials"). Read-outs are order statistics, never interpolated, so that "85% likely by D"
 * is literally true of the simulated trials.
 */

/** The confidence levels shown by default. */
export const DEFAULT_LEVELS: readonly number[] = [50, 70, 85, 95];

/**
 * How many trials must satisfy a statement for it to hold at a level.
 * @param options.level the percentage, in (0, 100].
 * @param options.total the number of trials.
 * @returns ceil(level × total / 100), at least 1.
 */
export function countRequiredForLevel(options: { level: number; total: number }): number {
  const { level, total } = options;
  // The small tolerance keeps 85 × 100 / 100 from rounding up to 86 through float noise.
  return Math.max(1, Math.ceil((level * total) / 100 - 1e-9));
}

/**
 * The earliest day by whose end at least `level`% of trials had finished.
 * @param options.finishHistogram trials finishing on each day offset (index 0 = first day).
 * @param options.trials all trials, finished or not.
 * @param options.level the percentage.
 * @returns the day offset, or null when too few trials finished within the horizon.
 */
export function findEarliestDayForLevel(options: {
  finishHistogram: Int32Array;
  trials: number;
  level: number;
}): number | null {
  const { finishHistogram, trials, level } = options;
  const needed = countRequiredForLevel({ level, total: trials });
  let finished = 0;
  for (let day = 0; day < finishHistogram.length; day++) {
    finished += finishHistogram[day]!;
    if (finished >= needed) return day;
  }
  return null;
}

/**
 * The largest value that at least `level`% of trials reached (value ≥ it).
 * @param options.sortedAscending the per-trial values, sorted ascending.
 * @param options.level the percentage.
 * @returns that value.
 */
export function findLargestReachedForLevel(options: {
  sortedAscending: ArrayLike<number>;
  level: number;
}): number {
  const { sortedAscending, level } = options;
  const total = sortedAscending.length;
  const needed = countRequiredForLevel({ level, total });
  // The `needed` largest values are all ≥ the value at total - needed.
  return sortedAscending[total - needed]!;
}

/**
 * The smallest value that at least `level`% of trials are at or below.
 * @param options.sortedAscending the per-trial values, sorted ascending.
 * @param options.level the percentage.
 * @returns that value.
 */
export function findSmallestCoveringForLevel(options: {
  sortedAscending: ArrayLike<number>;
  level: number;
}): number {
  const { sortedAscending, level } = options;
  const needed = countRequiredForLevel({ level, total: sortedAscending.length });
  return sortedAscending[needed - 1]!;
}
