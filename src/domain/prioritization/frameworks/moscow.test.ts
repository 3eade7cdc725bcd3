import { describe, expect, it } from 'vitest';
import { checkMoscowEffort } from './moscow';

describe('checkMoscowEffort', () => {
  it('should warn when Musts exceed 60% of the effort in scope', () => {
    // in scope = 13 + 4 + 3 = 20 (won't is outside); must share = 13 / 20 = 0.65 > 0.6; could = 3 / 20 = 0.15 < 0.2
    const check = checkMoscowEffort({
      items: [
        { category: 'must', effort: 8 },
        { category: 'must', effort: 5 },
        { category: 'should', effort: 4 },
        { category: 'could', effort: 3 },
        { category: 'wont', effort: 30 },
      ],
    });
    expect(check.inScope).toBe(20);
    expect(check.shares.must).toBeCloseTo(0.65, 12);
    expect(check.findings.map((finding) => finding.code)).toEqual([
      'must-over-limit',
      'could-below-contingency',
    ]);
    expect(check.findings[0]?.message).toBe(
      'Musts take 65% of the effort in scope; keep them at or below 60% so the timebox can absorb surprises',
    );
  });

  it('should find nothing when Musts are exactly 60% and Coulds 20%', () => {
    // 6 / 10 = 0.6 is allowed; 2 / 10 = 0.2 is enough contingency
    const check = checkMoscowEffort({
      items: [
        { category: 'must', effort: 6 },
        { category: 'should', effort: 2 },
        { category: 'could', effort: 2 },
      ],
    });
    expect(check.findings).toEqual([]);
  });

  it('should return zero shares and no findings when nothing is in scope', () => {
    const check = checkMoscowEffort({ items: [{ category: 'wont', effort: 3 }] });
    expect(check.shares).toEqual({ must: 0, should: 0, could: 0 });
    expect(check.findings).toEqual([]);
  });
});
