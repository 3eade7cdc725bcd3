/**
 * Does a log-normal describe these actual/estimate ratios? A Kolmogorov–Smirnov test of the log
 * ratios against the normal fitted to them. The fit is used only where it passes; where it does
 * not, observed quantiles are the truth and the fit would mislead (on real Jira data the fitted
 * median is ×0.57 while half the items took at least their estimate).
 *
 * Because the normal's mean and spread are estimated from the same data, the classical KS
 * critical values (1.36/√n at 5%) are far too lenient; the test here is Lilliefors' version,
 * with Stephens' (1974) closed form for the 5% point: reject when
 *     D · (√n − 0.01 + 0.85/√n) > 0.895,
 * i.e. the critical D is 0.895 / (√n − 0.01 + 0.85/√n) (0.262 at n = 10, 0.161 at n = 30,
 * 0.018 at n = 2,500). Mean and standard deviation use the sample formulas (divisor n − 1), as
 * Stephens' constants assume.
 */
import { computeNormalCdf } from './statistics';

/** The significance level of the test: a fit is rejected when data this far from it would happen less than 5% of the time. */
export const FIT_SIGNIFICANCE = 0.05;

/** The outcome of testing a log-normal fit. */
export type LogNormalFitTest =
  | {
      tested: true;
      test: 'kolmogorov-smirnov-lilliefors';
      /** D: the largest gap between the observed and the fitted cumulative distribution. */
      statistic: number;
      /** The largest D accepted at the significance level. */
      critical: number;
      significance: number;
      count: number;
      passes: boolean;
    }
  | { tested: false; reason: string };

/**
 * Tests whether positive values follow a log-normal distribution.
 * @param values positive finite numbers (e.g. actual/estimate ratios).
 * @returns D, the 5% critical value and whether the fit passes; or why it could not be tested.
 */
export function testLogNormalFit(values: readonly number[]): LogNormalFitTest {
  const n = values.length;
  if (n < 5) return { tested: false, reason: `a fit test needs at least 5 values; there are ${n}` };
  const logs = values.map(Math.log).sort((a, b) => a - b);
  const mean = logs.reduce((sum, x) => sum + x, 0) / n;
  const sd = Math.sqrt(logs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1));
  if (!(sd > 0)) return { tested: false, reason: 'every ratio is the same: there is no spread to fit' };
  // With ties, i/n at the last of a group is the observed CDF there, and (i − 1)/n at the first
  // is its left limit, so taking both over every i gives the exact supremum.
  let statistic = 0;
  for (let i = 0; i < n; i++) {
    const fitted = computeNormalCdf((logs[i]! - mean) / sd);
    statistic = Math.max(statistic, (i + 1) / n - fitted, fitted - i / n);
  }
  const root = Math.sqrt(n);
  const critical = 0.895 / (root - 0.01 + 0.85 / root);
  return {
    tested: true,
    test: 'kolmogorov-smirnov-lilliefors',
    statistic,
    critical,
    significance: FIT_SIGNIFICANCE,
    count: n,
    passes: statistic <= critical,
  };
}
