import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import { fitPert, samplePert } from './three-point';

describe('fitPert', () => {
  it('should use the classic PERT shapes when the likely value is given', () => {
    // O=2, M=4, P=12: α = 1 + 4·2/10 = 1.8, β = 1 + 4·8/10 = 4.2, mean = (2+16+12)/6 = 5.
    const d = fitPert({ optimistic: 2, likely: 4, pessimistic: 12 });
    expect(d.alpha).toBeCloseTo(1.8, 12);
    expect(d.beta).toBeCloseTo(4.2, 12);
    expect(d.mean).toBeCloseTo(5, 12);
  });

  it('should throw when the estimate is out of order', () => {
    expect(() => fitPert({ optimistic: 5, likely: 3, pessimistic: 8 })).toThrow(RangeError);
  });
});

describe('samplePert', () => {
  it('should give the single value when all three points are equal', () => {
    const d = fitPert({ optimistic: 3, likely: 3, pessimistic: 3 });
    expect(samplePert(d, createRandom(1))).toBe(3);
  });

  it('should match the PERT mean and lean right when the likely value is near the optimistic', () => {
    const d = fitPert({ optimistic: 2, likely: 4, pessimistic: 12 });
    const rng = createRandom(4);
    const n = 20_000;
    const draws = new Float64Array(n);
    for (let i = 0; i < n; i++) draws[i] = samplePert(d, rng);
    const mean = draws.reduce((a, b) => a + b, 0) / n;
    // Variance of this beta: αβ/((α+β)²(α+β+1)) · 100 = 7.56/(36·7) · 100 = 3.0; SE of the mean ≈ 0.012.
    expect(mean).toBeGreaterThan(4.95);
    expect(mean).toBeLessThan(5.05);
    draws.sort();
    const median = draws[n / 2]!;
    // Right skew: median below mean, and the upper tail longer than the lower.
    expect(median).toBeLessThan(mean);
    expect(draws[Math.floor(n * 0.95)]! - median).toBeGreaterThan(median - draws[Math.floor(n * 0.05)]!);
  });

  it('should stay within optimistic and pessimistic for any estimate', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.integer(),
        (a, b, c, seed) => {
          const [o, m, p] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
          const d = fitPert({ optimistic: o, likely: m, pessimistic: p });
          const rng = createRandom(seed);
          for (let i = 0; i < 20; i++) {
            const x = samplePert(d, rng);
            expect(x).toBeGreaterThanOrEqual(o);
            expect(x).toBeLessThanOrEqual(p);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
