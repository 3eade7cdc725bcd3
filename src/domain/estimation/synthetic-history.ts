import { MS_PER_DAY } from '../shared/calendar';
import { createSmallRandom } from '../shared/random';
import type { CompletedEstimate } from './calibration';

/**
 * Draws a standard normal number with the Box–Muller transform.
 * @param random a uniform generator on [0, 1)
 * @returns a draw from Normal(0, 1)
 */
export function drawStandardNormal(random: () => number): number {
  // 1 − u keeps the argument of the logarithm in (0, 1].
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Generates a completed-work history whose actual/likely ratio is log-normal with a known bias:
 * ln(actual / likely) ~ Normal(ln(medianRatio), logSd²). Estimators state ranges
 * [likely × rangeLow, likely × rangeHigh] that they call `rangeConfidence` confident.
 * @param options.count number of completed items
 * @param options.seed PRNG seed
 * @param options.medianRatio true median of actual/likely (e.g. 1.3 for a 30% typical overrun)
 * @param options.logSd true standard deviation of ln(actual/likely)
 * @param options.rangeLow lower end of the stated range as a fraction of likely (0.8 by default)
 * @param options.rangeHigh upper end as a multiple of likely (1.5 by default)
 * @param options.rangeConfidence the confidence claimed for the ranges (0.9 by default)
 * @param options.estimators names to cycle through (one by default)
 * @param options.itemTypes types to cycle through (one by default)
 * @param options.startDate first completion date, ISO (2025-01-01 by default); one item per day after
 * @returns the history, oldest first
 */
export function generateSyntheticHistory(options: {
  count: number;
  seed: number;
  medianRatio: number;
  logSd: number;
  rangeLow?: number;
  rangeHigh?: number;
  rangeConfidence?: number;
  estimators?: readonly string[];
  itemTypes?: readonly string[];
  startDate?: string;
}): CompletedEstimate[] {
  const random = createSmallRandom(options.seed).nextFloat;
  const estimators = options.estimators ?? ['estimator'];
  const itemTypes = options.itemTypes ?? ['feature'];
  const start = Date.parse(options.startDate ?? '2025-01-01');
  const history: CompletedEstimate[] = [];
  for (let index = 0; index < options.count; index += 1) {
    // Likely efforts spread over 0.5–16 days, as real backlogs mix small and large work.
    const likely = 0.5 * 2 ** (5 * random());
    const ratio = options.medianRatio * Math.exp(options.logSd * drawStandardNormal(random));
    history.push({
      itemId: `item-${index + 1}`,
      estimate: {
        kind: 'three-point',
        optimistic: likely * (options.rangeLow ?? 0.8),
        likely,
        pessimistic: likely * (options.rangeHigh ?? 1.5),
        rangeConfidence: options.rangeConfidence ?? 0.9,
      },
      actual: likely * ratio,
      estimator: estimators[index % estimators.length] as string,
      itemType: itemTypes[index % itemTypes.length] as string,
      completedOn: new Date(start + index * MS_PER_DAY).toISOString().slice(0, 10),
    });
  }
  return history;
}
