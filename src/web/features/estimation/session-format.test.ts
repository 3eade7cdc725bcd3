import { describe, expect, it } from 'vitest';
import type { EstimationSessionItem } from '../../../contract';
import { formatDays, suggestEstimate } from './session-format';

const item = (spread: EstimationSessionItem['spread']): EstimationSessionItem => ({
  itemId: '00000000-0000-4000-8000-000000000001',
  number: 1,
  title: 'x',
  version: 1,
  estimate: null,
  voters: [],
  votes: [],
  spread,
  accepted: null,
  acceptedPoints: null,
  storyPoints: null,
});

describe('suggestEstimate', () => {
  it('should offer lowest, median and highest vote rounded to half days when revealed', () => {
    const spread = {
      count: 3,
      min: 2.2,
      max: 10.954,
      median: 6.477,
      spreadRatio: 4.98,
      spreadSteps: null,
      outliers: [],
      needsDiscussion: true,
      reasons: [],
    };
    // 2.2 → 2, 6.477 → 6.5, 10.954 → 11.
    expect(suggestEstimate(item(spread))).toEqual({ optimistic: 2, likely: 6.5, pessimistic: 11 });
  });

  it('should offer nothing when the votes are still hidden', () => {
    expect(suggestEstimate(item(null))).toBeNull();
  });
});

describe('formatDays', () => {
  it('should say one day in the singular and round to one decimal when fractional', () => {
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(10.954)).toBe('11 days');
    expect(formatDays(2.25)).toBe('2.3 days');
  });
});
