import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRankings } from './compare-rankings';

describe('compareRankings', () => {
  it('should compute Spearman and Kendall by hand for a small reordering', () => {
    // A: a b c d e (ranks 1..5); B: b a c e d → ranks in B along A: 2 1 3 5 4
    // d = −1, 1, 0, −1, 1 → Σd² = 4; rho = 1 − 6×4 / (5×24) = 1 − 24/120 = 0.8
    // discordant pairs: (a,b) and (d,e) = 2 of 10; tau = (8 − 2) / 10 = 0.6
    const comparison = compareRankings({ a: ['a', 'b', 'c', 'd', 'e'], b: ['b', 'a', 'c', 'e', 'd'] });
    expect(comparison.common).toBe(5);
    expect(comparison.spearman).toBeCloseTo(0.8, 12);
    expect(comparison.kendall).toBeCloseTo(0.6, 12);
    expect(comparison.movers.map((move) => [move.id, move.shift])).toEqual([
      ['a', 1],
      ['b', -1],
      ['d', 1],
      ['e', -1],
    ]);
  });

  it('should give −1 for a reversed order and report items present in one order only', () => {
    // Common items a, b, c: B order c, b, a is the reverse → rho = −1, tau = −1
    const comparison = compareRankings({ a: ['a', 'x', 'b', 'c'], b: ['c', 'b', 'y', 'a'], movers: 1 });
    expect(comparison.spearman).toBeCloseTo(-1, 12);
    expect(comparison.kendall).toBeCloseTo(-1, 12);
    expect(comparison.onlyInA).toEqual(['x']);
    expect(comparison.onlyInB).toEqual(['y']);
    expect(comparison.movers).toEqual([{ id: 'a', rankA: 1, rankB: 3, shift: 2 }]);
  });

  it('should return null correlations when fewer than two items are shared', () => {
    const comparison = compareRankings({ a: ['a'], b: ['a', 'b'] });
    expect([comparison.spearman, comparison.kendall]).toEqual([null, null]);
  });

  it('should match a quadratic count of discordant pairs on random orders', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 40 })
          .chain((n) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })),
        (order) => {
          const ids = order.map((index) => `i${index}`);
          const sorted = [...ids].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));
          let discordant = 0;
          for (let i = 0; i < order.length; i += 1) {
            for (let j = i + 1; j < order.length; j += 1)
              if ((order[i] as number) > (order[j] as number)) discordant += 1;
          }
          const pairs = (order.length * (order.length - 1)) / 2;
          const comparison = compareRankings({ a: sorted, b: ids });
          expect(comparison.kendall).toBeCloseTo((pairs - 2 * discordant) / pairs, 12);
          expect(comparison.spearman).toBeGreaterThanOrEqual(-1 - 1e-12);
          expect(comparison.spearman).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });
});
