import type { Random } from '../shared/random';
/**
 * Right-skewed durations from three-point estimates (optimistic / likely / pessimistic), using
 * the PERT-beta distribution: a beta distribution stretched over [optimistic, pessimistic] whose
 * mode is the likely value. When the likely value sits nearer the optimistic end, as it usually
 * does, the long tail points to the late side, which is how real work overruns.
 */

/** A three-point estimate in any time unit (days in plan forecasts). */
export interface ThreePointEstimate {
  optimistic: number;
  likely: number;
  pessimistic: number;
}

/** A fitted PERT-beta distribution, with the constants its sampler needs precomputed. */
export interface PertDistribution {
  low: number;
  range: number;
  alpha: number;
  beta: number;
  /** Mean (O + λM + P) / (λ + 2). */
  mean: number;
  // Marsaglia–Tsang constants for the two gamma draws.
  dAlpha: number;
  cAlpha: number;
  dBeta: number;
  cBeta: number;
}

/**
 * Fits a PERT-beta distribution to a three-point estimate.
 * @param estimate with 0 ≤ optimistic ≤ likely ≤ pessimistic (throws otherwise: validate at the edge).
 * @param lambda weight of the likely value (4 is the classic PERT choice).
 * @returns the distribution.
 */
export function fitPert(estimate: ThreePointEstimate, lambda = 4): PertDistribution {
  const { optimistic: o, likely: m, pessimistic: p } = estimate;
  if (!(o >= 0 && o <= m && m <= p)) {
    throw new RangeError(
      `three-point estimate must have 0 ≤ optimistic ≤ likely ≤ pessimistic: ${o}/${m}/${p}`,
    );
  }
  const range = p - o;
  const alpha = range === 0 ? 1 : 1 + (lambda * (m - o)) / range;
  const beta = range === 0 ? 1 : 1 + (lambda * (p - m)) / range;
  const dAlpha = alpha - 1 / 3;
  const dBeta = beta - 1 / 3;
  return {
    low: o,
    range,
    alpha,
    beta,
    mean: (o + lambda * m + p) / (lambda + 2),
    dAlpha,
    cAlpha: 1 / Math.sqrt(9 * dAlpha),
    dBeta,
    cBeta: 1 / Math.sqrt(9 * dBeta),
  };
}

// Marsaglia & Tsang (2000) gamma sampler for shape ≥ 1, which PERT shapes always are.
function sampleGamma(d: number, c: number, random: Random): number {
  for (;;) {
    const x = random.nextNormal();
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = random.nextFloat();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Draws one duration.
 * @param distribution from fitPert.
 * @param random the generator.
 * @returns a value in [optimistic, pessimistic].
 */
export function samplePert(distribution: PertDistribution, random: Random): number {
  if (distribution.range === 0) return distribution.low;
  const x = sampleGamma(distribution.dAlpha, distribution.cAlpha, random);
  const y = sampleGamma(distribution.dBeta, distribution.cBeta, random);
  return distribution.low + (distribution.range * x) / (x + y);
}
