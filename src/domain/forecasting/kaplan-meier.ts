/**
 * The Kaplan–Meier estimate of a distribution from right-censored values: some values are
 * known exactly, others only to be at least some bound (the outcome had not happened yet when
 * we looked). Dropping the censored ones would bias the estimate towards small values, since the
 * values still running are the large ones; counting them as if they had ended at their bound
 * would bias it the same way. Kaplan–Meier keeps each censored value "at risk" up to its bound
 * and then spreads its weight over the larger values that were observed, which is unbiased when
 * censoring does not depend on the value itself (here: when it depends only on how recently a
 * forecast was made).
 *
 * Ties: a value censored at b counts as still at risk at b (it is known to be ≥ b), so events
 * at b are processed with it in the risk set. Tail: when the largest value is censored, the
 * estimate leaves some weight undistributed; Efron's convention (1967) puts it on that largest
 * bound, so that the result is a proper distribution whose quantiles always exist.
 *
 * Weights: an observation of weight w counts as w observations in the risk set and in the events
 * (the weighted Kaplan–Meier estimator); with every weight 1 it is the ordinary one.
 */

/** A value, or a lower bound on it when `censored`. */
export interface CensoredValue {
  value: number;
  /** true when the true value is only known to be ≥ `value`. */
  censored: boolean;
  /** How much this observation counts (default 1): recent past forecasts may count more. */
  weight?: number;
}

/** A distribution as probability masses at sorted values. */
export interface DiscreteDistribution {
  /** Distinct values, ascending. */
  values: number[];
  /** masses[i] = probability of values[i]; they sum to 1. */
  masses: number[];
}

/**
 * Estimates a distribution from right-censored values (Kaplan–Meier, with Efron's tail).
 * @param observations values and lower bounds, in any order; at least one.
 * @returns masses at the observed values (and, for the tail, at the largest bound).
 */
export function estimateKaplanMeier(observations: readonly CensoredValue[]): DiscreteDistribution {
  if (observations.length === 0) throw new RangeError('Kaplan–Meier needs at least one observation');
  // Events before censorings at the same value: a bound b means "≥ b", still at risk at b.
  const sorted = [...observations].sort(
    (a, b) => a.value - b.value || Number(a.censored) - Number(b.censored),
  );
  const values: number[] = [];
  const masses: number[] = [];
  let atRisk = sorted.reduce((sum, o) => sum + (o.weight ?? 1), 0);
  let survival = 1;
  let i = 0;
  while (i < sorted.length) {
    const value = sorted[i]!.value;
    let events = 0;
    let censored = 0;
    while (i < sorted.length && sorted[i]!.value === value) {
      const weight = sorted[i]!.weight ?? 1;
      if (sorted[i]!.censored) censored += weight;
      else events += weight;
      i++;
    }
    if (events > 0 && atRisk > 0) {
      const mass = (survival * events) / atRisk;
      values.push(value);
      masses.push(mass);
      survival -= mass;
    }
    atRisk -= events + censored;
  }
  if (survival > 1e-12) {
    // Efron's tail: what is left belongs beyond the largest value, known only to be ≥ it.
    const largest = sorted[sorted.length - 1]!.value;
    if (values[values.length - 1] === largest) masses[masses.length - 1]! += survival;
    else {
      values.push(largest);
      masses.push(survival);
    }
  }
  return { values, masses };
}

/**
 * The lower quantile of a discrete distribution: the smallest value whose cumulative
 * probability reaches `probability`.
 * @param distribution the distribution.
 * @param probability in (0, 1].
 * @returns that value.
 */
export function findDistributionQuantile(distribution: DiscreteDistribution, probability: number): number {
  const { values, masses } = distribution;
  let cumulative = 0;
  for (let i = 0; i < values.length; i++) {
    cumulative += masses[i]!;
    // The tolerance keeps 0.85 from being missed by float noise in the running sum.
    if (cumulative >= probability - 1e-9) return values[i]!;
  }
  return values[values.length - 1]!;
}

/**
 * The cumulative probability strictly below a value.
 * @param distribution the distribution.
 * @param value any number.
 * @returns P(X < value).
 */
export function measureProbabilityBelow(distribution: DiscreteDistribution, value: number): number {
  let cumulative = 0;
  for (let i = 0; i < distribution.values.length && distribution.values[i]! < value; i++) {
    cumulative += distribution.masses[i]!;
  }
  return Math.min(1, cumulative);
}
