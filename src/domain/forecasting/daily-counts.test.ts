import { describe, expect, it } from 'vitest';
import { buildDailyCounts } from './daily-counts';

describe('buildDailyCounts', () => {
  it('should fill days without completions with zero', () => {
    const { history } = buildDailyCounts({
      events: [
        { itemId: 'a', at: '2026-03-01T10:00:00Z' },
        { itemId: 'b', at: '2026-03-04T10:00:00Z' },
        { itemId: 'c', at: '2026-03-04T15:00:00Z' },
      ],
    });
    expect(history).toEqual({ firstDate: '2026-03-01', counts: [1, 0, 0, 2] });
  });

  it('should count a reopened item once on its last completion', () => {
    const { history, report } = buildDailyCounts({
      events: [
        { itemId: 'a', at: '2026-03-01T10:00:00Z' },
        { itemId: 'a', at: '2026-03-02T09:00:00Z', kind: 'reopened' },
        { itemId: 'a', at: '2026-03-03T09:00:00Z' },
        { itemId: 'b', at: '2026-03-01T11:00:00Z' },
      ],
    });
    expect(history).toEqual({ firstDate: '2026-03-01', counts: [1, 0, 1] });
    expect(report.countedItems).toBe(2);
    expect(report.repeatCompletions).toBe(1);
  });

  it('should not count an item whose last event is a reopen', () => {
    const { history, report } = buildDailyCounts({
      events: [
        { itemId: 'a', at: '2026-03-01' },
        { itemId: 'a', at: '2026-03-02', kind: 'reopened' },
        { itemId: 'b', at: '2026-03-03' },
      ],
      from: '2026-03-01',
    });
    expect(history.counts).toEqual([0, 0, 1]);
    expect(report.reopenedNotDone).toBe(1);
  });

  it('should leave out a bulk clean-up when asked to', () => {
    const sweep = Array.from({ length: 5 }, (_, i) => ({
      itemId: `old-${i}`,
      at: `2026-03-02T12:0${i}:00Z`,
    }));
    const events = [
      { itemId: 'a', at: '2026-03-01T09:00:00Z' },
      ...sweep,
      { itemId: 'b', at: '2026-03-02T17:00:00Z' },
    ];
    const kept = buildDailyCounts({ events });
    expect(kept.history.counts).toEqual([1, 6]);
    const cleaned = buildDailyCounts({ events, excludeBulkClosures: { minItems: 5, withinMinutes: 2 } });
    expect(cleaned.history.counts).toEqual([1, 1]);
    expect(cleaned.report.bulkExcluded).toBe(5);
    expect(cleaned.report.bulkSweeps).toEqual([
      { from: '2026-03-02T12:00:00.000Z', to: '2026-03-02T12:04:00.000Z', items: 5 },
    ]);
  });

  it('should keep a run shorter than the rule when excluding bulk closures', () => {
    const events = Array.from({ length: 4 }, (_, i) => ({ itemId: `x${i}`, at: `2026-03-02T12:0${i}:00Z` }));
    const result = buildDailyCounts({ events, excludeBulkClosures: { minItems: 5, withinMinutes: 2 } });
    expect(result.history.counts).toEqual([4]);
  });
});
