import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import {
  capSpentPert,
  expectRemainingEffort,
  prepareRemainingFromList,
  prepareRemainingPert,
} from './remaining-effort';
import { fitPert } from './three-point';

// 0/0/10 fits Beta(1, 5) on [0, 10]: given X > c, (X − c) / (10 − c) is Beta(1, 5) again, mean 1/6.
const SKEWED = { optimistic: 0, likely: 0, pessimistic: 10 };
// Its 90th percentile: 1 − 0.1^(1/5) of the range.
const SKEWED_P90 = 10 * (1 - 0.1 ** (1 / 5));

describe('expectRemainingEffort', () => {
  it('is the PERT mean minus what was spent while nothing of the range is used', () => {
    expect(expectRemainingEffort({ optimistic: 2, likely: 4, pessimistic: 12 }, 0)).toBeCloseTo(5, 12);
    expect(expectRemainingEffort({ optimistic: 2, likely: 4, pessimistic: 12 }, 1.5)).toBeCloseTo(3.5, 12);
  });

  it('is the conditional mean excess above what was spent', () => {
    expect(expectRemainingEffort(SKEWED, 2)).toBeCloseTo(8 / 6, 9);
    expect(expectRemainingEffort(SKEWED, 3)).toBeCloseTo(7 / 6, 9);
  });

  it('counts what was spent only up to the 90th percentile, so an overrun item keeps work left', () => {
    expect(capSpentPert(fitPert(SKEWED), 50)).toBeCloseTo(SKEWED_P90, 9);
    expect(expectRemainingEffort(SKEWED, 50)).toBeCloseTo((10 - SKEWED_P90) / 6, 9);
    expect(expectRemainingEffort(SKEWED, 50)).toBeGreaterThan(1);
  });

  it('leaves nothing of a point estimate once it is spent', () => {
    expect(expectRemainingEffort({ optimistic: 5, likely: 5, pessimistic: 5 }, 2)).toBe(3);
    expect(expectRemainingEffort({ optimistic: 5, likely: 5, pessimistic: 5 }, 9)).toBe(0);
  });

  it('agrees with the mean of the sampler it stands for', () => {
    const estimate = { optimistic: 1, likely: 3, pessimistic: 9 };
    for (const spent of [0.5, 2.5, 4, 20]) {
      const draw = prepareRemainingPert(fitPert(estimate), spent);
      const random = createRandom(7);
      let sum = 0;
      const n = 40_000;
      for (let i = 0; i < n; i++) sum += draw(random);
      expect(sum / n).toBeCloseTo(expectRemainingEffort(estimate, spent), 1);
    }
  });

  it('never exceeds what the whole estimate allows and never goes below zero', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (a, b, c, spent) => {
          const [optimistic, likely, pessimistic] = [a, b, c].sort((x, y) => x - y) as [
            number,
            number,
            number,
          ];
          const left = expectRemainingEffort({ optimistic, likely, pessimistic }, spent);
          expect(left).toBeGreaterThanOrEqual(0);
          expect(left).toBeLessThanOrEqual(pessimistic + 1e-9);
        },
      ),
    );
  });
});

describe('prepareRemainingPert', () => {
  it('draws only positive remainders, below the range left', () => {
    const draw = prepareRemainingPert(fitPert(SKEWED), 3);
    const random = createRandom(1);
    for (let i = 0; i < 2_000; i++) {
      const left = draw(random);
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(7);
    }
  });
});

describe('prepareRemainingFromList', () => {
  const efforts = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

  it('draws one of the larger efforts, less what was spent', () => {
    const draw = prepareRemainingFromList(efforts, 4.5);
    const random = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(draw(random));
    expect([...seen].sort((a, b) => a - b)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
  });

  it('caps what was spent at the list’s 90th percentile', () => {
    const draw = prepareRemainingFromList(efforts, 100);
    expect(draw(createRandom(1))).toBeCloseTo(10 - 9.1, 12);
  });

  it('leaves nothing when no effort lies above (an empty list or ties at the top)', () => {
    expect(prepareRemainingFromList(new Float64Array(0), 3)(createRandom(1))).toBe(0);
    expect(prepareRemainingFromList(Float64Array.from([2, 2, 2]), 5)(createRandom(1))).toBe(0);
  });
});
