import { describe, expect, it } from 'vitest';
import { explainDisagreement } from './disagreement';

const base = {
  focus: { value: 0.4, learned: true },
  unestimated: 0,
  subjectItems: 3,
  comparedItems: 3,
};

describe('explainDisagreement', () => {
  it('should call two P85s within a week of each other agreeing, with no reasons', () => {
    expect(explainDisagreement({ ...base, planP85Days: 20, throughputP85Days: 14 })).toEqual({
      agree: true,
      differenceDays: 6,
      reasons: [],
    });
  });

  it('should name the focus factor, the unestimated items and the scope when the plan is far later', () => {
    const result = explainDisagreement({
      ...base,
      unestimated: 2,
      comparedItems: 12,
      planP85Days: 90,
      throughputP85Days: 30,
    });
    expect(result.agree).toBe(false);
    expect(result.differenceDays).toBe(60);
    expect(result.reasons.map((r) => r.split(':')[0])).toEqual([
      'Scope',
      'Focus factor',
      'Unestimated items',
      'The plan is the later of the two',
    ]);
    expect(result.reasons[0]).toContain('9 other item(s)');
    expect(result.reasons[1]).toContain('40 %');
  });

  it('should say throughput is the later one, and that an assumed focus is an assumption', () => {
    const result = explainDisagreement({
      ...base,
      focus: { value: 1, learned: false },
      planP85Days: 10,
      throughputP85Days: 40,
    });
    expect(result.reasons[0]).toMatch(/^Focus factor: the plan assumes all capacity/);
    expect(result.reasons.at(-1)).toMatch(/^Throughput is the later of the two/);
  });

  it('should not compare when either forecast has no date', () => {
    expect(explainDisagreement({ ...base, planP85Days: null, throughputP85Days: 10 }).agree).toBe(false);
    expect(
      explainDisagreement({ ...base, planP85Days: 10, throughputP85Days: null }).differenceDays,
    ).toBeNull();
  });
});
