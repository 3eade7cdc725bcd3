import { describe, expect, it } from 'vitest';
import { buildWeeklySamplePool, isWeeklyThroughput } from './weekly-samples';

const small = { sampleDays: 1, items: 1, activeDays: 1 };
// Weeks start on 2026-01-05, 12, 19, 26.
const fourWeeks = { firstWeekStart: '2026-01-05', weeklyCounts: [1, 2, 3, 4] };

describe('buildWeeklySamplePool', () => {
  it('should keep every week and count 7 days each when no window is given', () => {
    const result = buildWeeklySamplePool({ history: fourWeeks, minimum: small });
    if (result.status !== 'ok') throw new Error(result.reason);
    expect(Array.from(result.pool.samples)).toEqual([1, 2, 3, 4]);
    expect(result.pool.sampleDays).toBe(28);
    expect(result.pool.from).toBe('2026-01-05');
    expect(result.pool.to).toBe('2026-02-01');
  });

  it('should use only the weeks wholly inside the window when a window is given', () => {
    // Window 2026-01-15 .. 2026-01-28: only the week of 2026-01-19 (to 01-25) fits in it.
    const result = buildWeeklySamplePool({
      history: fourWeeks,
      window: { endBefore: '2026-01-29', days: 14 },
      minimum: small,
    });
    if (result.status !== 'ok') throw new Error(result.reason);
    expect(Array.from(result.pool.samples)).toEqual([3]);
    expect(result.pool.from).toBe('2026-01-19');
    expect(result.pool.to).toBe('2026-01-25');
  });

  it('should say what is needed when there are too few active weeks', () => {
    const result = buildWeeklySamplePool({ history: { firstWeekStart: '2026-01-05', weeklyCounts: [9, 0] } });
    expect(result.status).toBe('insufficient-history');
    if (result.status !== 'insufficient-history') return;
    expect(result.found).toEqual({ sampleDays: 14, items: 9, activeDays: 1 });
    expect(result.reason).toContain('3 weeks with a completion');
  });
});

describe('isWeeklyThroughput', () => {
  it('should tell weekly counts from daily counts', () => {
    expect(isWeeklyThroughput(fourWeeks)).toBe(true);
    expect(isWeeklyThroughput({ firstDate: '2026-01-05', counts: [1] })).toBe(false);
  });
});
