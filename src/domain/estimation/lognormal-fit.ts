import { computeNormalQuantile } from './statistics';

/** A log-normal distribution fitted to ratios: ln(ratio) ~ Normal(logMean, logSd²). */
export type LogNormalFit = {
  count: number;
  /** Mean of ln(ratio) (the MLE of μ). */
  logMean: number;
  /** Standard deviation of ln(ratio) with divisor n (the MLE of σ). */
  logSd: number;
};

/**
 * Fits a log-normal distribution by maximum likelihood on the logarithms: μ̂ = mean of ln x,
 * σ̂² = mean of (ln x − μ̂)² (divisor n, the MLE, not n − 1).
 * @param values positive numbers (e.g. actual/estimate ratios); at least one
 * @returns the fitted parameters
 */
export function fitLogNormal(values: readonly number[]): LogNormalFit {
  if (values.length === 0 || values.some((value) => !(value > 0) || !Number.isFinite(value))) {
    throw new Error('a log-normal fit needs at least one positive finite value');
  }
  const logs = values.map(Math.log);
  const logMean = logs.reduce((sum, value) => sum + value, 0) / logs.length;
  const logVariance = logs.reduce((sum, value) => sum + (value - logMean) ** 2, 0) / logs.length;
  return { count: values.length, logMean, logSd: Math.sqrt(logVariance) };
}

/**
 * A quantile of a fitted log-normal distribution: exp(μ + σ·Φ⁻¹(p)).
 * @param fit the fitted distribution
 * @param probability strictly between 0 and 1 (0.5 gives the median, which is also the geometric mean)
 * @returns the quantile
 */
export function computeLogNormalQuantile(fit: LogNormalFit, probability: number): number {
  return Math.exp(fit.logMean + fit.logSd * computeNormalQuantile(probability));
}

/**
 * The mean of a fitted log-normal distribution, exp(μ + σ²/2): larger than the median, which is why
 * totals of many tasks overrun even when each task's median is right.
 * @param fit the fitted distribution
 * @returns the mean
 */
export function computeLogNormalMean(fit: LogNormalFit): number {
  return Math.exp(fit.logMean + (fit.logSd * fit.logSd) / 2);
}
