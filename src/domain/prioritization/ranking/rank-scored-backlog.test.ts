import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCORING_FRAMEWORKS } from '../frameworks/catalogue';
import { readFrameworkInputs } from '../frameworks/score-keys';
import { checkMoscowBacklog, rankScoredBacklog, type ScoredRow } from './rank-scored-backlog';

const moscow = SCORING_FRAMEWORKS.moscow;
const rice = SCORING_FRAMEWORKS.rice;

describe('rankScoredBacklog', () => {
  it('should keep the inputs each score used as they were stored', () => {
    const rows: ScoredRow[] = [
      {
        id: 'a',
        scores: { rice_reach: 100, rice_impact: 1, rice_confidence: 80, rice_effort: 2, other: 5 },
        estimateLikely: null,
      },
      { id: 'b', scores: { rice_reach: 100 }, estimateLikely: 3 },
    ];
    const result = rankScoredBacklog({
      rows,
      framework: rice,
      readInputs: (s) => readFrameworkInputs(rice, s),
    });
    if (!result.ok) throw new Error('should rank');
    // 100 × 1 × 0.8 / 2 = 40, with confidence shown as stored (80)
    expect(result.ranked).toEqual([
      {
        id: 'a',
        rank: 1,
        manualPosition: 1,
        score: 40,
        inputs: { rice_reach: 100, rice_impact: 1, rice_confidence: 80, rice_effort: 2 },
      },
    ]);
    expect(result.unscored.map((u) => u.missing)).toEqual([
      ['rice_impact', 'rice_confidence', 'rice_effort'],
    ]);
    expect(result.moscowCheck).toBeNull();
  });

  it('should check the MoSCoW balance over estimated items only when ranking by MoSCoW', () => {
    // Musts 6 + 2 = 8 days of 8 + 2 (should) = 10 in scope: 80 % > 60 %; one Could has no estimate.
    const rows: ScoredRow[] = [
      { id: 'm1', scores: { moscow: 'must' }, estimateLikely: 6 },
      { id: 'm2', scores: { moscow: 'must' }, estimateLikely: 2 },
      { id: 's1', scores: { moscow: 'should' }, estimateLikely: 2 },
      { id: 'c1', scores: { moscow: 'could' }, estimateLikely: null },
      { id: 'w1', scores: { moscow: 'wont' }, estimateLikely: 9 },
    ];
    const result = rankScoredBacklog({
      rows,
      framework: moscow,
      readInputs: (s) => readFrameworkInputs(moscow, s),
    });
    if (!result.ok) throw new Error('should rank');
    expect(result.moscowCheck?.effort).toEqual({ must: 8, should: 2, could: 0, wont: 9 });
    expect(result.moscowCheck?.shares.must).toBeCloseTo(0.8);
    expect(result.moscowCheck?.withoutEstimate).toBe(1);
    expect(result.moscowCheck?.findings.map((f) => f.code)).toContain('must-over-limit');
  });

  it('should count every categorised item once in the MoSCoW check', () => {
    const category = fc.constantFrom('must', 'should', 'could', 'wont');
    const rowsOf = fc.array(
      fc.record({ moscow: category, estimate: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(rowsOf, (list) => {
        const rows: ScoredRow[] = list.map((r, i) => ({
          id: `i${i}`,
          scores: { moscow: r.moscow },
          estimateLikely: r.estimate,
        }));
        const ranked = rows.map((r) => ({ id: r.id, label: r.scores.moscow as string }));
        const check = checkMoscowBacklog(rows, ranked);
        const estimated = list.filter((r) => r.estimate !== null);
        expect(check.withoutEstimate).toBe(list.length - estimated.length);
        const total = Object.values(check.effort).reduce((a, b) => a + b, 0);
        expect(total).toBe(estimated.reduce((sum, r) => sum + (r.estimate ?? 0), 0));
      }),
      { numRuns: 200 },
    );
  });
});
