/**
 * Small numeric helpers shared by the estimation engine. All functions are pure and deterministic.
 */

const SQRT_PI = Math.sqrt(Math.PI);

// erf by its Taylor series, accurate to ~1e-14 for |x| ≤ 3.
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n += 1) {
    term *= (-x * x) / n;
    const contribution = term / (2 * n + 1);
    sum += contribution;
    if (Math.abs(contribution) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / SQRT_PI) * sum;
}

// erfc by its continued fraction (modified Lentz), accurate for x > 3 where the series cancels badly.
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n += 1) {
    const a = n / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (f * SQRT_PI);
}

/**
 * The standard normal cumulative distribution Φ(z).
 * @param z any number
 * @returns P(Z ≤ z) for a standard normal Z
 */
export function computeNormalCdf(z: number): number {
  const x = z / Math.SQRT2;
  if (Math.abs(x) <= 3) {
    return 0.5 * (1 + erfSeries(x));
  }
  return x > 0 ? 1 - 0.5 * erfcContinuedFraction(x) : 0.5 * erfcContinuedFraction(-x);
}

/**
 * The standard normal quantile Φ⁻¹(p), by Newton's method on {@link computeNormalCdf}.
 * @param probability strictly between 0 and 1
 * @returns z such that Φ(z) = p
 */
export function computeNormalQuantile(probability: number): number {
  if (!(probability > 0 && probability < 1)) {
    throw new Error(`normal quantile needs 0 < p < 1, got ${probability}`);
  }
  // A logistic-shaped first guess, then Newton steps; converges in a handful of iterations.
  let z = Math.log(probability / (1 - probability)) / 1.702;
  for (let iteration = 0; iteration < 60; iteration += 1) {
    const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    const step = (computeNormalCdf(z) - probability) / Math.max(density, 1e-300);
    z -= Math.max(-1, Math.min(1, step));
    if (Math.abs(step) < 1e-13) break;
  }
  return z;
}
