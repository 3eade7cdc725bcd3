import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePertMean, summarizeThreePoint, sumThreePointSummaries } from './three-point';

describe('computePertMean', () => {
  it('should weigh the likely value four times when the range is skewed', () => {
    // (1 + 4×2 + 9) / 6 = 18 / 6 = 3
    expect(computePertMean({ optimistic: 1, likely: 2, pessimistic: 9 })).toBe(3);
  });

  it('should stay between optimistic and pessimistic when the estimate is ordered', () => {
    const ordered = fc
      .tuple(fc.nat(1000), fc.nat(1000), fc.nat(1000))
      .map((xs) => xs.sort((a, b) => a - b) as [number, number, number]);
    fc.assert(
      fc.property(ordered, ([optimistic, likely, pessimistic]) => {
        const mean = computePertMean({ optimistic, likely, pessimistic });
        expect(mean).toBeGreaterThanOrEqual(optimistic);
        expect(mean).toBeLessThanOrEqual(pessimistic);
      }),
    );
  });
});

describe('summarizeThreePoint', () => {
  it('should compute the PERT mean and spread when given O, M, P', () => {
    // (2 + 4×4 + 12) / 6 = 30 / 6 = 5; σ = (12 − 2) / 6 = 10/6 ≈ 1.6667
    const result = summarizeThreePoint({ estimate: { optimistic: 2, likely: 4, pessimistic: 12 } });
    expect(result.ok && result.summary.mean).toBe(5);
    expect(result.ok && result.summary.standardDeviation).toBeCloseTo(10 / 6, 12);
  });

  it('should compute the triangular mean and spread when that method is chosen', () => {
    // mean (2 + 4 + 12) / 3 = 6; variance (4 + 16 + 144 − 8 − 24 − 48) / 18 = 84 / 18 = 4.6667
    const result = summarizeThreePoint({
      estimate: { optimistic: 2, likely: 4, pessimistic: 12 },
      method: 'triangular',
    });
    expect(result.ok && result.summary.mean).toBe(6);
    expect(result.ok && result.summary.variance).toBeCloseTo(84 / 18, 12);
  });

  it('should refuse an estimate whose values are out of order or negative', () => {
    const result = summarizeThreePoint({ estimate: { optimistic: 5, likely: 3, pessimistic: 2 } });
    expect(result.ok || result.problems.map((problem) => problem.field)).toEqual([
      'optimistic',
      'pessimistic',
    ]);
    const negative = summarizeThreePoint({
      estimate: { optimistic: -1, likely: 3, pessimistic: Number.NaN },
    });
    expect(negative.ok || negative.problems.map((problem) => problem.field)).toEqual([
      'optimistic',
      'pessimistic',
    ]);
  });

  it('should add means and variances when parts are summed', () => {
    // parts: mean 5, σ 10/6 (var 100/36) and mean 2, σ 1 (var 1) → mean 7, σ = √(100/36 + 1) = √(136/36)
    const first = summarizeThreePoint({ estimate: { optimistic: 2, likely: 4, pessimistic: 12 } });
    const second = summarizeThreePoint({ estimate: { optimistic: 0, likely: 1.5, pessimistic: 6 } });
    if (!first.ok || !second.ok) throw new Error('valid estimates');
    // second: (0 + 6 + 6) / 6 = 2, σ = 6/6 = 1
    const total = sumThreePointSummaries([first.summary, second.summary]);
    expect(total.mean).toBeCloseTo(7, 12);
    expect(total.standardDeviation).toBeCloseTo(Math.sqrt(136 / 36), 12);
  });
});
