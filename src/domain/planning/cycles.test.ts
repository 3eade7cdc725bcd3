import { describe, expect, it } from 'vitest';
import { computeCycleCapacity, findOverlappingCycle } from './cycles';

const dev = (id: string, fte: number) => ({ id, role: 'developer', fte, skills: ['backend'] });

describe('cycles', () => {
  it('should count weekdays times FTE over the members the planner plans on', () => {
    // 2026-01-05 is a Monday: two weeks hold 10 weekdays.
    const capacity = computeCycleCapacity({ startDate: '2026-01-05', endDate: '2026-01-18' }, [
      dev('a', 1),
      dev('b', 0.5),
      { id: 'viewer', role: 'viewer', fte: 1, skills: [] },
      { id: 'founder', role: 'founder', fte: 1, skills: [] },
    ]);
    expect(capacity.personDays).toBe(15);
    expect(capacity.people.map((p) => [p.id, p.workingDays])).toEqual([
      ['a', 10],
      ['b', 10],
    ]);
  });

  it('should take time off out of a person’s capacity', () => {
    const capacity = computeCycleCapacity({ startDate: '2026-01-05', endDate: '2026-01-09' }, [
      { ...dev('a', 1), calendar: { timeOff: [{ from: '2026-01-07', to: '2026-01-08' }] } },
    ]);
    expect(capacity.personDays).toBe(3);
  });

  it('should find a cycle that shares a day and ignore the cycle itself', () => {
    const cycles = [
      { id: '1', startDate: '2026-01-05', endDate: '2026-01-18' },
      { id: '2', startDate: '2026-01-19', endDate: '2026-02-01' },
    ];
    expect(
      findOverlappingCycle(cycles, { id: 'new', startDate: '2026-01-18', endDate: '2026-01-20' })?.id,
    ).toBe('1');
    expect(
      findOverlappingCycle(cycles, { id: 'new', startDate: '2026-02-02', endDate: '2026-02-15' }),
    ).toBeUndefined();
    expect(
      findOverlappingCycle(cycles, { id: '2', startDate: '2026-01-19', endDate: '2026-01-30' }),
    ).toBeUndefined();
  });
});
