import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMedian, computeQuantile } from './stats';

describe('computeMedian', () => {
  it('should take the middle value or the mean of the two middle values', () => {
    expect(computeMedian([5, 1, 3])).toBe(3);
    expect(computeMedian([4, 1, 3, 2])).toBe(2.5);
  });

  it('should refuse an empty list', () => {
    expect(() => computeMedian([])).toThrow();
  });

  it('should not depend on the order of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (values) => {
        expect(computeMedian([...values].reverse())).toBe(computeMedian(values));
      }),
    );
  });
});

describe('computeQuantile', () => {
  it('should interpolate between order statistics', () => {
    // sorted 10 20 30 40 50, p = 0.9 → position 0.9 × 4 = 3.6 → 40 + 0.6 × 10 = 46
    expect(computeQuantile([50, 10, 40, 20, 30], 0.9)).toBeCloseTo(46, 12);
  });

  it('should grow with the probability and stay within the values', () => {
    const input = fc.tuple(
      fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(input, ([values, p, q]) => {
        const [low, high] = p <= q ? [p, q] : [q, p];
        expect(computeQuantile(values, low)).toBeLessThanOrEqual(computeQuantile(values, high) + 1e-9);
        expect(computeQuantile(values, low)).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
        expect(computeQuantile(values, high)).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
      }),
    );
  });
});
