/**
 * The track record of predictions, with hand-computed answers, and its invariants on random
 * predictions (HEADWAY_DISCOVERY_RUNS raises the run count).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTrackRecord, medianRatioOf, type PredictionOutcome, tallySources } from './track-record';

const RUNS = Number(process.env.HEADWAY_DISCOVERY_RUNS ?? 100);

function reach(
  ideaId: string,
  predicted: number,
  observed: number,
  extra: Partial<PredictionOutcome> = {},
): PredictionOutcome {
  return {
    ideaId,
    measure: 'reach',
    predicted,
    low: null,
    high: null,
    observed,
    sources: [],
    estimator: 'evidence',
    ...extra,
  };
}

describe('medianRatioOf', () => {
  it('should take the middle ratio when the count is odd', () => {
    expect(medianRatioOf([4, 0.5, 1])).toBe(1);
  });

  it('should take the geometric mean of the two middle ratios when the count is even', () => {
    // √(0.5 × 2) = 1: halving and doubling cancel out.
    expect(medianRatioOf([2, 0.5])).toBeCloseTo(1, 12);
    // √(1 × 4) = 2.
    expect(medianRatioOf([0.25, 1, 4, 8])).toBeCloseTo(2, 12);
  });

  it('should keep a zero ratio as zero rather than failing on its logarithm', () => {
    expect(medianRatioOf([0, 0, 3])).toBe(0);
    expect(medianRatioOf([0, 2])).toBe(0);
  });
});

describe('compareTrackRecord', () => {
  it('should say sales-sourced reach was over-predicted by 2× when it is on five ideas', () => {
    // Observed ÷ predicted: 0.5, 0.4, 0.6, 0.5, 0.5 → median 0.5, i.e. over-predicted by 2×.
    const outcomes = [
      reach('a', 0.2, 0.1, { sources: ['sales'], low: 0.05, high: 0.4 }),
      reach('b', 0.5, 0.2, { sources: ['sales'], low: 0.3, high: 0.7 }),
      reach('c', 0.5, 0.3, { sources: ['sales'], low: 0.25, high: 0.75 }),
      reach('d', 0.4, 0.2, { sources: ['sales'], low: 0.3, high: 0.5 }),
      reach('e', 0.2, 0.1, { sources: ['sales', 'sales'], low: 0.15, high: 0.3 }),
    ];
    const [sales] = compareTrackRecord(outcomes);
    expect(sales).toMatchObject({
      groupBy: 'source',
      key: 'sales',
      measure: 'reach',
      ideas: 5,
      inside: 2,
      withInterval: 5,
      enough: true,
    });
    expect(sales?.medianRatio).toBeCloseTo(0.5, 12);
    expect(sales?.verdict).toBe(
      'sales-sourced reach over-predicted by ~2× on 5 ideas, inside its interval 2 of 5 times',
    );
  });

  it('should say too few to tell under the minimum number of ideas', () => {
    // Ratios 3 and 1.5: the geometric median is √4.5 ≈ 2.12 → under-predicted by ~2.1×.
    const groups = compareTrackRecord([
      reach('a', 10, 30, { measure: 'impact', estimator: 'Ana' }),
      reach('b', 2, 3, { measure: 'impact', estimator: 'Ana' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.medianRatio).toBeCloseTo(Math.sqrt(4.5), 12);
    expect(groups[0]?.enough).toBe(false);
    expect(groups[0]?.verdict).toBe(
      'impact estimated by Ana under-predicted by ~2.1× on 2 ideas; too few to tell (2 of the 5 ideas needed)',
    );
  });

  it('should call a median within the tolerance about right', () => {
    const [group] = compareTrackRecord([reach('a', 10, 11), reach('b', 10, 9), reach('c', 10, 10)], {
      minIdeas: 3,
    });
    expect(group?.verdict).toBe(
      'reach estimated by evidence about right (observed ~1× predicted) on 3 ideas',
    );
  });

  it('should count a prediction fed by two sources under each, and its estimator once', () => {
    const groups = compareTrackRecord([
      reach('a', 0.4, 0.2, { sources: ['support', 'interview'] }),
      reach('b', 0.4, 0.8, { sources: ['support'] }),
    ]);
    expect(groups.map((g) => [g.groupBy, g.key, g.ideas])).toEqual([
      ['source', 'interview', 1],
      ['source', 'support', 2],
      ['estimator', 'evidence', 2],
    ]);
    // Support: ratios 0.5 and 2 → √1 = 1.
    expect(groups[1]?.medianRatio).toBeCloseTo(1, 12);
  });

  it('should leave the ratio out when nothing above zero was predicted', () => {
    const [group] = compareTrackRecord([reach('a', 0, 4)]);
    expect(group?.medianRatio).toBeNull();
    expect(group?.verdict).toBe(
      'reach estimated by evidence had no prediction above zero to compare on 1 idea; too few to tell (1 of the 5 ideas needed)',
    );
  });

  it('should count an observation on the interval edge as inside', () => {
    const [group] = compareTrackRecord([reach('a', 0.3, 0.1, { low: 0.1, high: 0.5 })]);
    expect(group).toMatchObject({ inside: 1, withInterval: 1 });
  });
});

const outcomeArb = fc.record({
  ideaId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  measure: fc.constantFrom('reach' as const, 'impact' as const),
  predicted: fc.double({ min: 0.01, max: 1000, noNaN: true }),
  observed: fc.double({ min: 0, max: 1000, noNaN: true }),
  spread: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  sources: fc.subarray(['support', 'sales', 'interview', 'portal', 'email']),
  estimator: fc.constantFrom('evidence', 'Ana', 'Bo'),
});
const toOutcome = ({
  spread,
  ...o
}: typeof outcomeArb extends fc.Arbitrary<infer T> ? T : never): PredictionOutcome => ({
  ...o,
  low: spread === null ? null : Math.max(0, o.predicted - spread),
  high: spread === null ? null : o.predicted + spread,
});
const outcomesArb = fc.array(outcomeArb, { maxLength: 30 }).map((list) => list.map(toOutcome));

describe('compareTrackRecord properties', () => {
  it('should scale every median ratio by c when every observation is scaled by c', () => {
    fc.assert(
      fc.property(outcomesArb, fc.double({ min: 0.1, max: 10, noNaN: true }), (outcomes, c) => {
        const before = compareTrackRecord(outcomes);
        const after = compareTrackRecord(outcomes.map((o) => ({ ...o, observed: o.observed * c })));
        expect(after.map((g) => g.key)).toEqual(before.map((g) => g.key));
        after.forEach((group, index) => {
          const ratio = before[index]?.medianRatio as number;
          expect(group.medianRatio).toBeCloseTo(ratio * c, 6);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('should not depend on the order of the predictions, and keep inside ≤ with interval ≤ ideas', () => {
    fc.assert(
      fc.property(outcomesArb, (outcomes) => {
        const groups = compareTrackRecord(outcomes);
        expect(compareTrackRecord([...outcomes].reverse())).toEqual(groups);
        for (const g of groups) {
          expect(g.inside).toBeLessThanOrEqual(g.withInterval);
          expect(g.ideas).toBeGreaterThan(0);
        }
        // Every prediction has exactly one estimator group.
        const estimatorIdeas = groups.filter((g) => g.groupBy === 'estimator').length;
        expect(estimatorIdeas).toBe(new Set(outcomes.map((o) => `${o.estimator}/${o.measure}`)).size);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('tallySources', () => {
  it('should count notes per source and each account once per source', () => {
    const note = (id: string, source: string, companyId: string | null, requesterEmail: string | null) => ({
      id,
      ideaId: 'idea',
      companyId,
      requesterEmail,
      importance: 1 as const,
      givenAt: 0,
      source,
    });
    expect(
      tallySources([
        note('1', 'sales', 'acme', null),
        note('2', 'sales', 'acme', null),
        note('3', 'support', 'acme', null),
        note('4', 'sales', null, 'ana@globex.com'),
      ]),
    ).toEqual([
      { source: 'sales', notes: 3, accounts: 2 },
      { source: 'support', notes: 1, accounts: 1 },
    ]);
  });
});
