/**
 * The beta distribution's cumulative function and quantiles, for credible intervals on a share
 * (the reach of an idea among the accounts heard from). Written from the textbook definitions:
 * the regularized incomplete beta function I_x(a, b) by its continued fraction (evaluated with
 * the modified Lentz method), ln Γ by the Lanczos approximation (g = 7, nine coefficients), and
 * the quantile by bisection safeguarded Newton steps on I_x.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0.
 * @param x a positive number
 * @returns the natural logarithm of the gamma function at x
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const TINY = 1e-300;
const EPSILON = 1e-15;

/** The continued fraction of I_x(a, b), convergent for x < (a + 1) / (a + b + 2). */
function continuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let result = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    // Even step.
    let numerator = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + numerator * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + numerator / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    result *= d * c;
    // Odd step.
    numerator = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + numerator * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + numerator / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    result *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return result;
}

function checkShape(a: number, b: number): void {
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
    throw new RangeError(`beta shape parameters must be positive and finite (got ${a}, ${b})`);
  }
}

/**
 * The regularized incomplete beta function I_x(a, b): the probability that a Beta(a, b) variable
 * is at most x.
 * @param x between 0 and 1 (values outside are clamped)
 * @param a first shape, > 0
 * @param b second shape, > 0
 * @returns P(X ≤ x) for X ~ Beta(a, b)
 */
export function betaCdf(x: number, a: number, b: number): number {
  checkShape(a, b);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (front * continuedFraction(1 - x, b, a)) / b;
}

/** The density of Beta(a, b) at x, for Newton steps. */
function betaDensity(x: number, a: number, b: number): number {
  return Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x),
  );
}

/**
 * The p-quantile of Beta(a, b): the x with I_x(a, b) = p.
 * @param p a probability between 0 and 1
 * @param a first shape, > 0
 * @param b second shape, > 0
 * @returns the quantile, between 0 and 1 (its cdf within 1e-12 of p, or the bracket as narrow
 *   as doubles allow)
 */
export function betaQuantile(p: number, a: number, b: number): number {
  checkShape(a, b);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be between 0 and 1 (got ${p})`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  let low = 0;
  let high = 1;
  let x = a / (a + b);
  for (let i = 0; i < 2000; i++) {
    const error = betaCdf(x, a, b) - p;
    if (Math.abs(error) < 1e-12) break;
    if (error > 0) high = x;
    else low = x;
    // Relative width: a quantile near 0 of a small shape can be far below any absolute tolerance.
    if (high - low <= 1e-15 * high) break;
    const density = betaDensity(x, a, b);
    let next = density > 0 && Number.isFinite(density) ? x - error / density : Number.NaN;
    // Keep Newton inside the bracket; fall back to bisection when it would leave it.
    if (!(next > low && next < high)) next = (low + high) / 2;
    x = next;
  }
  return x;
}
