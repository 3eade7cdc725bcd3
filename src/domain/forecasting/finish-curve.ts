/**
 * The whole distribution of a simulated finish, in a bounded size: the chance of being done by the
 * end of each day on which some trial finished. A chart draws it as a cumulative curve, and the
 * chance by any date (a target) reads off it without re-running the simulation.
 */

/** The most points a curve keeps; longer ones keep evenly spaced days, first and last included. */
export const MAX_CURVE_POINTS = 120;

/** The chance of being done by the end of a day. */
export interface FinishCurvePoint {
  /** Days after the start (0 = the start day itself). */
  dayOffset: number;
  /** Share of all trials done by the end of that day, including trials that never finished. */
  probability: number;
}

/**
 * The day on which work finishing at time `finish` is done.
 * @param finish days since the start of the first day (1 = the end of that day)
 * @returns the day offset, 0 for the start day
 */
export function finishDayOffset(finish: number): number {
  return Math.max(0, Math.ceil(finish - 1e-9) - 1);
}

/**
 * Builds the cumulative finish curve of one column of trials.
 * @param options.sortedFinishes the trials' finish times, ascending (non-finite = never placed)
 * @param options.maxPoints the most points to keep (default MAX_CURVE_POINTS, at least 2)
 * @returns one point per day on which a trial finished (thinned to maxPoints), probabilities
 *   rising to the share of trials that finished at all
 */
export function buildFinishCurve(options: {
  sortedFinishes: ArrayLike<number>;
  maxPoints?: number;
}): FinishCurvePoint[] {
  const { sortedFinishes, maxPoints = MAX_CURVE_POINTS } = options;
  const total = sortedFinishes.length;
  const points: FinishCurvePoint[] = [];
  for (let i = 0; i < total; i++) {
    const finish = sortedFinishes[i]!;
    if (!Number.isFinite(finish)) break;
    const dayOffset = finishDayOffset(finish);
    const probability = (i + 1) / total;
    const last = points[points.length - 1];
    if (last && last.dayOffset === dayOffset) last.probability = probability;
    else points.push({ dayOffset, probability });
  }
  const limit = Math.max(2, Math.floor(maxPoints));
  if (points.length <= limit) return points;
  const kept: FinishCurvePoint[] = [];
  for (let k = 0; k < limit; k++) kept.push(points[Math.round((k * (points.length - 1)) / (limit - 1))]!);
  return kept;
}

/**
 * A finish curve as a stored distribution (trials finishing on each day offset), so that the
 * track record can say where each outcome landed in its forecast (its PIT). A thinned curve puts
 * each skipped day's trials on the next kept day.
 * @param curve the finish curve
 * @param trials all trials, finished or not
 * @returns histogram[d] = trials done on day offset d, and the total
 */
export function buildFinishHistogram(
  curve: readonly FinishCurvePoint[],
  trials: number,
): { histogram: number[]; total: number } {
  const histogram = new Array<number>((curve.at(-1)?.dayOffset ?? -1) + 1).fill(0);
  let counted = 0;
  for (const point of curve) {
    const upTo = Math.round(point.probability * trials);
    histogram[point.dayOffset] = upTo - counted;
    counted = upTo;
  }
  return { histogram, total: trials };
}
