import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile, logGamma } from './beta';

const RUNS = Number(process.env.HEADWAY_BETA_RUNS ?? 200);

describe('logGamma', () => {
  it('should give ln of the factorial at whole numbers and ln √π at one half', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3_628_800), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });
});

describe('betaCdf', () => {
  it('should match the closed forms of small shapes', () => {
    // Beta(1, 1) is uniform; Beta(2, 1) has cdf x²; Beta(1, 2) has cdf 1 − (1 − x)²;
    // Beta(½, ½) is the arcsine law, cdf (2/π)·asin(√x).
    for (const x of [0.01, 0.2, 0.5, 0.73, 0.99]) {
      expect(betaCdf(x, 1, 1)).toBeCloseTo(x, 12);
      expect(betaCdf(x, 2, 1)).toBeCloseTo(x * x, 12);
      expect(betaCdf(x, 1, 2)).toBeCloseTo(1 - (1 - x) ** 2, 12);
      expect(betaCdf(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 10);
    }
  });

  it('should put half the mass below one half for symmetric shapes', () => {
    for (const a of [0.5, 3, 40, 500]) expect(betaCdf(0.5, a, a)).toBeCloseTo(0.5, 10);
  });

  it('should clamp outside [0, 1] and refuse shapes that are not positive', () => {
    expect(betaCdf(-1, 2, 3)).toBe(0);
    expect(betaCdf(2, 2, 3)).toBe(1);
    expect(() => betaCdf(0.5, 0, 1)).toThrow(RangeError);
    expect(() => betaCdf(0.5, 1, Number.NaN)).toThrow(RangeError);
  });
});

describe('betaQuantile', () => {
  it('should invert the closed forms', () => {
    for (const p of [0.05, 0.5, 0.95]) {
      expect(betaQuantile(p, 1, 1)).toBeCloseTo(p, 10);
      expect(betaQuantile(p, 2, 1)).toBeCloseTo(Math.sqrt(p), 10);
      expect(betaQuantile(p, 0.5, 0.5)).toBeCloseTo(Math.sin((Math.PI * p) / 2) ** 2, 9);
    }
    // Beta(0.2, 0.2) at 0.001: far below any absolute tolerance, found by the relative one.
    const tiny = betaQuantile(0.001, 0.2, 0.2);
    expect(tiny).toBeGreaterThan(0);
    expect(betaCdf(tiny, 0.2, 0.2)).toBeCloseTo(0.001, 12);
    expect(betaQuantile(0, 3, 4)).toBe(0);
    expect(betaQuantile(1, 3, 4)).toBe(1);
  });

  // From ½ up: a posterior with Jeffreys' prior never has a smaller shape. Below it, a quantile
  // near 1 sits closer to 1 than doubles can tell apart, and the cdf there jumps by more than 1e-7.
  it('should be the inverse of the cdf for shapes from one half up', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 2000, noNaN: true }),
        fc.double({ min: 0.5, max: 2000, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (a, b, p) => {
          const x = betaQuantile(p, a, b);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          expect(Math.abs(betaCdf(x, a, b) - p)).toBeLessThan(1e-7);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
