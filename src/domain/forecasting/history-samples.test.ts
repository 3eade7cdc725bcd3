import { describe, expect, it } from 'vitest';
import { buildSamplePool } from './history-samples';

// 2026-11-02 is a Monday.
const twoWeeks = { firstDate: '2026-11-02', counts: [1, 2, 3, 4, 5, 9, 9, 1, 2, 3, 4, 5, 9, 9] };

describe('buildSamplePool', () => {
  it('should keep every calendar day including weekends when no calendar is given', () => {
    const result = buildSamplePool({ history: twoWeeks });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(Array.from(result.pool.samples)).toEqual(twoWeeks.counts);
    expect(result.pool.items).toBe(66);
    expect(result.pool.from).toBe('2026-11-02');
    expect(result.pool.to).toBe('2026-11-15');
  });

  it('should drop weekend days when a weekday calendar is given', () => {
    const result = buildSamplePool({ history: twoWeeks, calendar: { workingWeekdays: [1, 2, 3, 4, 5] } });
    if (result.status !== 'ok') throw new Error(result.reason);
    expect(Array.from(result.pool.samples)).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    expect(result.pool.sampleDays).toBe(10);
  });

  it('should use only the last days before the end when a window is given', () => {
    const result = buildSamplePool({
      history: twoWeeks,
      window: { endBefore: '2026-11-13', days: 4 },
      minimum: { sampleDays: 1, items: 1, activeDays: 1 },
    });
    if (result.status !== 'ok') throw new Error(result.reason);
    // 2026-11-09 .. 2026-11-12 are indices 7..10.
    expect(Array.from(result.pool.samples)).toEqual([1, 2, 3, 4]);
  });

  it('should say what minimum is needed when the history is too short', () => {
    const result = buildSamplePool({ history: { firstDate: '2026-11-02', counts: [0, 3, 0, 0] } });
    expect(result.status).toBe('insufficient-history');
    if (result.status !== 'insufficient-history') return;
    expect(result.needed).toEqual({ sampleDays: 7, items: 5, activeDays: 3 });
    expect(result.found).toEqual({ sampleDays: 4, items: 3, activeDays: 1 });
    expect(result.reason).toContain('7 days');
  });
});
