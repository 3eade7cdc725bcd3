import { describe, expect, it } from 'vitest';
import type { Cycle } from './cycles-api';
import { findNextOpenCycle, formatWork, groupCycles } from './cycles-format';

function cycle(id: string, startDate: string, endDate: string, closedAt: string | null = null): Cycle {
  const none = { items: 0, estimateDays: 0 };
  return {
    id,
    name: id,
    startDate,
    endDate,
    closedAt,
    capacityDays: 0,
    committed: none,
    completed: none,
    carriedOver: { items: 0, toCycleId: null },
    version: 1,
  };
}

describe('groupCycles', () => {
  const all = [
    cycle('a', '2026-11-02', '2026-11-13', '2026-11-13T17:00:00.000Z'),
    cycle('b', '2026-11-16', '2026-11-27'),
    cycle('c', '2026-11-30', '2026-12-11'),
    cycle('d', '2026-12-14', '2026-12-25'),
    cycle('e', '2026-12-28', '2027-01-08', '2026-12-01T09:00:00.000Z'),
  ];

  it('should put the running cycle in current, later open ones in upcoming and the rest in past, latest first', () => {
    const groups = groupCycles(all, '2026-12-03');
    expect(groups.current.map((c) => c.id)).toEqual(['c']);
    expect(groups.upcoming.map((c) => c.id)).toEqual(['d']);
    expect(groups.past.map((c) => c.id)).toEqual(['e', 'b', 'a']);
  });

  it('should count a cycle as current on its first and last day', () => {
    expect(groupCycles(all, '2026-11-30').current.map((c) => c.id)).toEqual(['c']);
    expect(groupCycles(all, '2026-12-11').current.map((c) => c.id)).toEqual(['c']);
  });

  it('should find the next open cycle after a cycle, skipping closed ones', () => {
    expect(findNextOpenCycle(all, all[3]!)).toBeUndefined();
    expect(findNextOpenCycle(all, all[1]!)?.id).toBe('c');
  });

  it('should write one item in the singular', () => {
    expect(formatWork({ items: 1, estimateDays: 2.25 })).toBe('1 item · 2.3 d');
    expect(formatWork({ items: 3, estimateDays: 0 })).toBe('3 items · 0.0 d');
  });
});
