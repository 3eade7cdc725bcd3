/** A three-point estimate in any effort unit (hours, days, person-weeks…). */
export type ThreePointEstimate = { optimistic: number; likely: number; pessimistic: number };

/** PERT (beta) or triangular reading of a three-point estimate. */
export type ThreePointMethod = 'pert' | 'triangular';

/** Mean and spread of a three-point estimate. */
export type ThreePointSummary = {
  method: ThreePointMethod;
  mean: number;
  standardDeviation: number;
  variance: number;
};

/** A problem with the numbers of an estimate. */
export type EstimateProblem = { field: string; message: string };

/**
 * The PERT mean of a three-point estimate, (O + 4M + P) / 6: the expected effort, and the one
 * number to add up across items. Trusts its input (validate at the edge).
 * @param estimate optimistic, likely and pessimistic values
 * @returns the expected value, in the estimate's unit
 */
export function computePertMean(estimate: ThreePointEstimate): number {
  return (estimate.optimistic + 4 * estimate.likely + estimate.pessimistic) / 6;
}

/**
 * Checks that a three-point estimate is usable: finite, non-negative, optimistic ≤ likely ≤ pessimistic.
 * @param estimate the three numbers
 * @returns the problems found (empty when the estimate is valid)
 */
export function validateThreePoint(estimate: ThreePointEstimate): EstimateProblem[] {
  const problems: EstimateProblem[] = [];
  for (const field of ['optimistic', 'likely', 'pessimistic'] as const) {
    const value = estimate[field];
    if (!Number.isFinite(value) || value < 0) {
      problems.push({ field, message: `${field} must be a number ≥ 0, got ${value}` });
    }
  }
  if (problems.length === 0) {
    if (estimate.optimistic > estimate.likely) {
      problems.push({
        field: 'optimistic',
        message: `optimistic (${estimate.optimistic}) must not exceed likely (${estimate.likely})`,
      });
    }
    if (estimate.likely > estimate.pessimistic) {
      problems.push({
        field: 'pessimistic',
        message: `pessimistic (${estimate.pessimistic}) must not be below likely (${estimate.likely})`,
      });
    }
  }
  return problems;
}

/**
 * Summarises a three-point estimate.
 * - PERT: mean (O + 4M + P) / 6, standard deviation (P − O) / 6.
 * - Triangular: mean (O + M + P) / 3, variance (O² + M² + P² − OM − OP − MP) / 18.
 * @param options.estimate optimistic, likely and pessimistic values
 * @param options.method `pert` (default) or `triangular`
 * @returns the mean and spread, or the problems with the estimate
 */
export function summarizeThreePoint(options: {
  estimate: ThreePointEstimate;
  method?: ThreePointMethod;
}): { ok: true; summary: ThreePointSummary } | { ok: false; problems: EstimateProblem[] } {
  const problems = validateThreePoint(options.estimate);
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  const { optimistic: o, likely: m, pessimistic: p } = options.estimate;
  const method = options.method ?? 'pert';
  if (method === 'pert') {
    const standardDeviation = (p - o) / 6;
    return {
      ok: true,
      summary: {
        method,
        mean: computePertMean(options.estimate),
        standardDeviation,
        variance: standardDeviation ** 2,
      },
    };
  }
  const variance = (o * o + m * m + p * p - o * m - o * p - m * p) / 18;
  return {
    ok: true,
    summary: { method, mean: (o + m + p) / 3, standardDeviation: Math.sqrt(variance), variance },
  };
}

/**
 * Combines independent estimates done one after the other: means add, variances add.
 * @param summaries the summaries of the parts
 * @returns the total mean and its standard deviation √Σσ²
 */
export function sumThreePointSummaries(summaries: readonly ThreePointSummary[]): {
  mean: number;
  standardDeviation: number;
} {
  let mean = 0;
  let variance = 0;
  for (const summary of summaries) {
    mean += summary.mean;
    variance += summary.variance;
  }
  return { mean, standardDeviation: Math.sqrt(variance) };
}
