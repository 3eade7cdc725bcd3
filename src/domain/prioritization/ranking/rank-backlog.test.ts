import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCORING_FRAMEWORKS } from '../frameworks/catalogue';
import { type BacklogItem, rankBacklog } from './rank-backlog';

const ranked = (result: ReturnType<typeof rankBacklog>) => {
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('; '));
  return result;
};

describe('rankBacklog', () => {
  it('should order by RICE and list items with missing inputs apart', () => {
    const items: BacklogItem[] = [
      // 500 × 1 × 0.8 / 2 = 200
      { id: 'search', inputs: { rice_reach: 500, rice_impact: 1, rice_confidence: 0.8, rice_effort: 2 } },
      // 1000 × 2 × 1 / 4 = 500
      { id: 'billing', inputs: { rice_reach: 1000, rice_impact: 2, rice_confidence: 1, rice_effort: 4 } },
      { id: 'dark-mode', inputs: { rice_reach: 300, rice_impact: 0.5 } },
      // 100 × 3 × 0.5 / 0.5 = 300
      { id: 'sso', inputs: { rice_reach: 100, rice_impact: 3, rice_confidence: 0.5, rice_effort: 0.5 } },
    ];
    const result = ranked(rankBacklog({ items, framework: SCORING_FRAMEWORKS.rice }));
    expect(result.ranked.map((item) => [item.id, item.score, item.rank, item.manualPosition])).toEqual([
      ['billing', 500, 1, 2],
      ['sso', 300, 2, 4],
      ['search', 200, 3, 1],
    ]);
    expect(result.unscored.map((item) => [item.id, item.missing])).toEqual([
      ['dark-mode', ['rice_confidence', 'rice_effort']],
    ]);
    expect(result.framework.id).toBe('rice');
  });

  it('should keep the manual order among equal scores', () => {
    // WSJF: (3 + 2 + 1) / 2 = 3 for a, c and d; (8 + 8 + 8) / 8 = 3 for b as well; e = (13 + 1 + 1) / 3 = 5.
    const items: BacklogItem[] = [
      {
        id: 'a',
        inputs: { wsjf_value: 3, wsjf_time_criticality: 2, wsjf_risk_reduction: 1, wsjf_job_size: 2 },
      },
      {
        id: 'b',
        inputs: { wsjf_value: 8, wsjf_time_criticality: 8, wsjf_risk_reduction: 8, wsjf_job_size: 8 },
      },
      {
        id: 'c',
        inputs: { wsjf_value: 3, wsjf_time_criticality: 2, wsjf_risk_reduction: 1, wsjf_job_size: 2 },
      },
      {
        id: 'e',
        inputs: { wsjf_value: 13, wsjf_time_criticality: 1, wsjf_risk_reduction: 1, wsjf_job_size: 3 },
      },
      {
        id: 'd',
        inputs: { wsjf_value: 1, wsjf_time_criticality: 3, wsjf_risk_reduction: 2, wsjf_job_size: 2 },
      },
    ];
    const result = ranked(rankBacklog({ items, framework: SCORING_FRAMEWORKS.wsjf }));
    expect(result.ranked.map((item) => item.id)).toEqual(['e', 'a', 'b', 'c', 'd']);
  });

  it('should rank by a custom formula and return its errors when it is malformed', () => {
    const items: BacklogItem[] = [
      { id: 'x', inputs: { value: 4, risk: 1 } }, // 4 − 2×1 = 2
      { id: 'y', inputs: { value: 9, risk: 3 } }, // 9 − 2×3 = 3
      { id: 'z', inputs: { value: 1, risk: 0 } }, // 1 − 0 = 1
    ];
    expect(ranked(rankBacklog({ items, formula: 'value - 2 * risk' })).ranked.map((item) => item.id)).toEqual(
      ['y', 'x', 'z'],
    );
    const lowerFirst = ranked(rankBacklog({ items, formula: 'value - 2 * risk', direction: 'lower-first' }));
    expect(lowerFirst.ranked.map((item) => item.id)).toEqual(['z', 'x', 'y']);
    const broken = rankBacklog({ items, formula: 'value - * risk' });
    expect(broken.ok || broken.errors[0]?.message).toBe(
      "unexpected '*' at column 9: expected a number, a field or '('",
    );
  });

  it('should refuse duplicate ids as a programming error', () => {
    expect(() =>
      rankBacklog({
        items: [
          { id: 'a', inputs: {} },
          { id: 'a', inputs: {} },
        ],
        formula: '1',
      }),
    ).toThrow(/duplicate/);
  });
});

const itemsArbitrary = fc
  .array(
    fc.record({
      value: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      urgency: fc.integer({ min: 0, max: 5 }),
      effort: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 30 },
  )
  .map((rows): BacklogItem[] => rows.map((inputs, index) => ({ id: `item-${index}`, inputs })));

const WEIGHTED = '3 * value + 2 * urgency + effort';

describe('rankBacklog properties', () => {
  it('should return every item exactly once, ranked or unscored', () => {
    fc.assert(
      fc.property(itemsArbitrary, (items) => {
        const result = ranked(rankBacklog({ items, formula: WEIGHTED }));
        const ids = [...result.ranked.map((item) => item.id), ...result.unscored.map((item) => item.id)];
        expect([...ids].sort()).toEqual(items.map((item) => item.id).sort());
        expect(result.ranked.map((item) => item.rank)).toEqual(result.ranked.map((_, index) => index + 1));
      }),
      { numRuns: 200 },
    );
  });

  it('should keep the manual order among items with equal scores', () => {
    fc.assert(
      fc.property(itemsArbitrary, (items) => {
        const result = ranked(rankBacklog({ items, formula: WEIGHTED }));
        for (let index = 1; index < result.ranked.length; index += 1) {
          const previous = result.ranked[index - 1];
          const current = result.ranked[index];
          if (!previous || !current) continue;
          expect(previous.score).toBeGreaterThanOrEqual(current.score);
          if (previous.score === current.score) {
            expect(previous.manualPosition).toBeLessThan(current.manualPosition);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('should never move an item down when one of its positively weighted inputs increases', () => {
    fc.assert(
      fc.property(
        itemsArbitrary.filter((items) => items.length > 0),
        fc.nat(),
        fc.constantFrom('value', 'urgency', 'effort'),
        fc.integer({ min: 1, max: 4 }),
        (items, pick, field, increase) => {
          const target = items[pick % items.length] as BacklogItem;
          const before = ranked(rankBacklog({ items, formula: WEIGHTED })).ranked.find(
            (item) => item.id === target.id,
          );
          if (!before) return;
          const raised = items.map((item) =>
            item.id === target.id
              ? { ...item, inputs: { ...item.inputs, [field]: (item.inputs[field] as number) + increase } }
              : item,
          );
          const after = ranked(rankBacklog({ items: raised, formula: WEIGHTED })).ranked.find(
            (item) => item.id === target.id,
          );
          expect(after?.rank).toBeLessThanOrEqual(before.rank);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('should never move an item down when its RICE reach increases', () => {
    const riceItems = fc
      .array(
        fc.record({
          rice_reach: fc.integer({ min: 0, max: 1000 }),
          rice_impact: fc.constantFrom(0.25, 0.5, 1, 2, 3),
          rice_confidence: fc.constantFrom(0.5, 0.8, 1),
          rice_effort: fc.constantFrom(0.5, 1, 2, 3),
        }),
        { minLength: 1, maxLength: 20 },
      )
      .map((rows): BacklogItem[] => rows.map((inputs, index) => ({ id: `r${index}`, inputs })));
    fc.assert(
      fc.property(riceItems, fc.nat(), fc.integer({ min: 1, max: 500 }), (items, pick, increase) => {
        const target = items[pick % items.length] as BacklogItem;
        const rankOf = (list: BacklogItem[]) =>
          ranked(rankBacklog({ items: list, framework: SCORING_FRAMEWORKS.rice })).ranked.find(
            (item) => item.id === target.id,
          )?.rank;
        const raised = items.map((item) =>
          item.id === target.id
            ? {
                ...item,
                inputs: { ...item.inputs, rice_reach: (item.inputs.rice_reach as number) + increase },
              }
            : item,
        );
        expect(rankOf(raised)).toBeLessThanOrEqual(rankOf(items) as number);
      }),
      { numRuns: 150 },
    );
  });
});
