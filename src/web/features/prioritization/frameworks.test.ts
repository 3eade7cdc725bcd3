import { describe, expect, it } from 'vitest';
import { findMedian, findQuadrant, formatNumber, parseScoreInput, readValueEffort } from './frameworks';

describe('parseScoreInput', () => {
  it('should store a number when a free-number input gets a valid value', () => {
    expect(parseScoreInput({ scoreKey: 'rice_reach', raw: ' 1200 ' })).toEqual({ ok: true, value: 1200 });
  });

  it('should refuse zero when the input must be positive', () => {
    expect(parseScoreInput({ scoreKey: 'rice_effort', raw: '0' })).toEqual({
      ok: false,
      error: 'must be more than 0',
    });
  });

  it('should refuse a value off the scale when the input is a select', () => {
    expect(parseScoreInput({ scoreKey: 'wsjf_job_size', raw: '4' }).ok).toBe(false);
  });

  it('should keep the scale value type when a select is picked', () => {
    expect(parseScoreInput({ scoreKey: 'moscow', raw: 'must' })).toEqual({ ok: true, value: 'must' });
    expect(parseScoreInput({ scoreKey: 'rice_impact', raw: '0.25' })).toEqual({ ok: true, value: 0.25 });
  });

  it('should clear the input when the text is empty', () => {
    expect(parseScoreInput({ scoreKey: 'ice_ease', raw: '' })).toEqual({ ok: true, value: null });
  });
});

describe('readValueEffort', () => {
  it('should use reach × impact × confidence as value when ranking by RICE', () => {
    // 1000 × 2 × 0.8 = 1600 against 3 person-months
    const point = readValueEffort({
      framework: 'rice',
      inputs: { rice_reach: 1000, rice_impact: 2, rice_confidence: 80, rice_effort: 3 },
      score: 533,
      likelyDays: null,
    });
    expect(point).toEqual({ value: 1600, effort: 3 });
  });

  it('should use the cost of delay over job size when ranking by WSJF', () => {
    // 8 + 3 + 5 = 16 against a job size of 13
    const point = readValueEffort({
      framework: 'wsjf',
      inputs: { wsjf_value: 8, wsjf_time_criticality: 3, wsjf_risk_reduction: 5, wsjf_job_size: 13 },
      score: 16 / 13,
      likelyDays: 2,
    });
    expect(point).toEqual({ value: 16, effort: 13 });
  });

  it('should fall back to the score against the likely estimate when the framework has no effort', () => {
    expect(readValueEffort({ framework: 'ice', inputs: {}, score: 240, likelyDays: 4 })).toEqual({
      value: 240,
      effort: 4,
    });
    expect(readValueEffort({ framework: 'ice', inputs: {}, score: 240, likelyDays: null })).toBeNull();
  });
});

describe('findQuadrant', () => {
  const split = { value: 10, effort: 5 };

  it('should call high value and low effort a quick win', () => {
    expect(findQuadrant({ value: 12, effort: 2 }, split)).toBe('quick-win');
  });

  it('should call high value and high effort a big bet, counting a point on the split as high', () => {
    expect(findQuadrant({ value: 10, effort: 5 }, split)).toBe('big-bet');
  });

  it('should call low value and low effort a fill-in, and low value with high effort a money pit', () => {
    expect(findQuadrant({ value: 3, effort: 1 }, split)).toBe('fill-in');
    expect(findQuadrant({ value: 3, effort: 8 }, split)).toBe('money-pit');
  });
});

describe('findMedian and formatNumber', () => {
  it('should take the middle value when the count is odd and the mean of the two middle ones when even', () => {
    expect(findMedian([5, 1, 3])).toBe(3);
    expect(findMedian([4, 1, 3, 10])).toBe(3.5);
    expect(findMedian([])).toBe(0);
  });

  it('should drop float noise when a number has many decimals', () => {
    expect(formatNumber(0.09999999999999998)).toBe('0.1');
    expect(formatNumber(1500)).toBe('1,500');
  });
});
