import { describe, expect, it } from 'vitest';
import {
  noOverbookedPerson,
  requireSkill,
  respectAssignee,
  respectCalendar,
  respectDependencies,
  respectFixedDates,
} from './team-constraints';
import { preparePlan } from './team-preparation';
import type { ScheduledItem, TeamPlanInput } from './team-types';

// 2024-01-01 is a Monday; day 5-6 are the weekend.
const input: TeamPlanInput = {
  startDate: '2024-01-01',
  people: [
    { id: 'ann', name: 'Ann', fte: 1, skills: ['backend'] },
    { id: 'bob', name: 'Bob', fte: 0.5, skills: ['frontend'], calendar: { holidays: ['2024-01-03'] } },
  ],
  items: [
    { id: 'a', effortDays: 2, skills: ['backend'] },
    { id: 'b', effortDays: 1, skills: ['frontend'], dependsOn: [{ itemId: 'a', lagDays: 1 }] },
    { id: 'c', effortDays: 1, notBefore: '2024-01-04', assigneeId: 'ann' },
  ],
};

function prepared() {
  const p = preparePlan(input);
  if (!p.ok) throw new Error('test input must be valid');
  return p.plan;
}

function at(
  itemId: string,
  rank: number,
  personId: string | null,
  startDay: number,
  endDay: number,
): ScheduledItem {
  return {
    itemId,
    personId,
    startDay,
    endDay,
    start: '',
    finish: '',
    durationDays: 0,
    rank,
    reason: { kind: 'ready' },
  };
}

// A valid plan: a on Ann Mon-Tue (0,2); b on Bob (2 working days at 0.5 FTE) from day 3
// (a ends day 2, lag 1) — Thu, Fri; c on Ann Thu (day 3).
const valid = [at('a', 0, 'ann', 0, 2), at('b', 1, 'bob', 3, 5), at('c', 2, 'ann', 3, 4)];

describe('respectDependencies', () => {
  it('should flag an item when it starts before its dependency finishes plus lag', () => {
    const items = [valid[0]!, at('b', 1, 'bob', 2, 4), valid[2]!];
    expect(respectDependencies({ plan: prepared(), items }).map((v) => v.itemId)).toEqual(['b']);
  });
  it('should pass when every dependency is respected', () => {
    expect(respectDependencies({ plan: prepared(), items: valid })).toEqual([]);
  });
});

describe('noOverbookedPerson', () => {
  it('should flag a person when two items overlap beyond the WIP limit', () => {
    const items = [valid[0]!, valid[1]!, at('c', 2, 'ann', 1, 2)];
    expect(noOverbookedPerson({ plan: prepared(), items }).map((v) => v.itemId)).toEqual(['c']);
  });
  it('should allow one item to start on the day another ends when they follow each other', () => {
    expect(noOverbookedPerson({ plan: prepared(), items: valid })).toEqual([]);
  });
});

describe('requireSkill', () => {
  it('should flag an item when its assignee lacks a required skill', () => {
    const items = [at('a', 0, 'bob', 0, 4), valid[1]!, valid[2]!];
    expect(requireSkill({ plan: prepared(), items }).map((v) => v.itemId)).toEqual(['a']);
  });
  it('should pass when every assignee has the skills', () => {
    expect(requireSkill({ plan: prepared(), items: valid })).toEqual([]);
  });
});

describe('respectCalendar', () => {
  it('should flag work that spans a holiday without the extra day', () => {
    // Bob needs 2 working days; days 1-3 contain his holiday (day 2), so [1,3) is only 1 day.
    const items = [valid[0]!, at('b', 1, 'bob', 1, 3), valid[2]!];
    expect(respectCalendar({ plan: prepared(), items }).map((v) => v.itemId)).toEqual(['b']);
  });
  it('should flag work that starts on a weekend', () => {
    const items = [valid[0]!, valid[1]!, at('c', 2, 'ann', 5, 8)];
    expect(respectCalendar({ plan: prepared(), items }).map((v) => v.itemId)).toEqual(['c']);
  });
  it('should pass when all work falls on working days', () => {
    expect(respectCalendar({ plan: prepared(), items: valid })).toEqual([]);
  });
});

describe('respectFixedDates', () => {
  it('should flag an item when it starts before its fixed date', () => {
    const items = [valid[0]!, valid[1]!, at('c', 2, 'ann', 2, 3)];
    expect(respectFixedDates({ plan: prepared(), items }).map((v) => v.itemId)).toEqual(['c']);
  });
  it('should pass when fixed dates are kept', () => {
    expect(respectFixedDates({ plan: prepared(), items: valid })).toEqual([]);
  });
});

describe('respectAssignee', () => {
  it('should flag a pinned item when it is planned for someone else', () => {
    const items = [valid[0]!, valid[1]!, at('c', 2, 'bob', 3, 5)];
    expect(respectAssignee({ plan: prepared(), items }).map((v) => v.itemId)).toEqual(['c']);
  });
  it('should pass when pinned items stay with their person', () => {
    expect(respectAssignee({ plan: prepared(), items: valid })).toEqual([]);
  });
});
