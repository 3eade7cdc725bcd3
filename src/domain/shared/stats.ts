/**
 * Headway's one median and sample quantile, for engines, the web app and the benchmarks.
 */

/**
 * A sample quantile with linear interpolation between order statistics (Hyndman–Fan type 7, the
 * default of R and NumPy).
 * @param values numbers, in any order; must not be empty
 * @param probability between 0 and 1
 * @returns the interpolated quantile
 */
export function computeQuantile(values: readonly number[], probability: number): number {
  if (values.length === 0) {
    throw new Error('quantile of an empty list');
  }
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

/**
 * The median of a list (mean of the two middle values for an even count).
 * @param values numbers, in any order; must not be empty
 * @returns the median
 */
export function computeMedian(values: readonly number[]): number {
  return computeQuantile(values, 0.5);
}
