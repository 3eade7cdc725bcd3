import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateKaplanMeier, findDistributionQuantile, measureProbabilityBelow } from './kaplan-meier';

const event = (value: number) => ({ value, censored: false });
const bound = (value: number) => ({ value, censored: true });

describe('estimateKaplanMeier', () => {
  it('should give the plain empirical distribution when nothing is censored', () => {
    const result = estimateKaplanMeier([event(3), event(1), event(2), event(2)]);
    expect(result.values).toEqual([1, 2, 3]);
    expect(result.masses).toEqual([0.25, 0.5, 0.25]);
  });

  it('should spread a censored value over the larger observed values when one is running', () => {
    // Textbook case: 1, 2+, 3, 4. After 1 (S = 3/4), the 2+ leaves the risk set; 3 and 4 each
    // take half of what is left: 3/8 each, instead of 1/4 each with the 2+ dropped.
    const result = estimateKaplanMeier([event(1), bound(2), event(3), event(4)]);
    expect(result.values).toEqual([1, 3, 4]);
    expect(result.masses[0]).toBeCloseTo(0.25, 12);
    expect(result.masses[1]).toBeCloseTo(0.375, 12);
    expect(result.masses[2]).toBeCloseTo(0.375, 12);
  });

  it('should keep a value censored at b at risk for events at b when they tie', () => {
    // Events at 2 see a risk set of 3 (two events and the bound at 2).
    const result = estimateKaplanMeier([event(2), event(2), bound(2), event(5)]);
    expect(result.values).toEqual([2, 5]);
    expect(result.masses[0]).toBeCloseTo(0.5, 12);
    expect(result.masses[1]).toBeCloseTo(0.5, 12);
  });

  it('should put the undistributed tail on the largest bound when the largest value is censored', () => {
    const result = estimateKaplanMeier([event(1), bound(7)]);
    expect(result.values).toEqual([1, 7]);
    expect(result.masses).toEqual([0.5, 0.5]);
  });

  it('should be a proper distribution over the observed values whatever is censored', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.integer({ min: 0, max: 20 }), censored: fc.boolean() }), {
          minLength: 1,
          maxLength: 40,
        }),
        (observations) => {
          const result = estimateKaplanMeier(observations);
          const total = result.masses.reduce((a, b) => a + b, 0);
          expect(total).toBeCloseTo(1, 9);
          expect(result.masses.every((m) => m > 0)).toBe(true);
          const seen = new Set(observations.map((o) => o.value));
          expect(result.values.every((v) => seen.has(v))).toBe(true);
          expect([...result.values].sort((a, b) => a - b)).toEqual(result.values);
        },
      ),
    );
  });

  it('should never put less weight above a value than dropping the censored ones would', () => {
    // Censored values are "at least": counting them can only move weight upwards.
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.integer({ min: 0, max: 10 }), censored: fc.boolean() }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 11 }),
        (observations, x) => {
          const events = observations.filter((o) => !o.censored);
          fc.pre(events.length > 0);
          const km = measureProbabilityBelow(estimateKaplanMeier(observations), x);
          const dropped = measureProbabilityBelow(estimateKaplanMeier(events), x);
          expect(km).toBeLessThanOrEqual(dropped + 1e-12);
        },
      ),
    );
  });
});

describe('findDistributionQuantile', () => {
  it('should give the smallest value whose cumulative probability reaches the level', () => {
    const d = { values: [1, 2, 3], masses: [0.5, 0.35, 0.15] };
    expect(findDistributionQuantile(d, 0.5)).toBe(1);
    expect(findDistributionQuantile(d, 0.85)).toBe(2);
    expect(findDistributionQuantile(d, 0.86)).toBe(3);
    expect(measureProbabilityBelow(d, 2)).toBe(0.5);
    expect(measureProbabilityBelow(d, 2.5)).toBeCloseTo(0.85, 12);
  });
});

describe('weighted Kaplan–Meier', () => {
  it('should count an observation of weight w as w observations', () => {
    const weighted = estimateKaplanMeier([
      { value: 1, censored: false, weight: 3 },
      { value: 2, censored: true, weight: 1 },
      { value: 4, censored: false, weight: 2 },
    ]);
    const repeated = estimateKaplanMeier([event(1), event(1), event(1), bound(2), event(4), event(4)]);
    expect(weighted.values).toEqual(repeated.values);
    for (const [i, mass] of weighted.masses.entries()) expect(mass).toBeCloseTo(repeated.masses[i]!, 12);
  });
});
