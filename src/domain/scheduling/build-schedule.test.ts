import { describe, expect, it } from 'vitest';
import { buildSchedule, planIncrementally } from './build-schedule';
import type { TeamPlanInput } from './team-types';

// 2024-01-01 is a Monday.
const base: TeamPlanInput = {
  startDate: '2024-01-01',
  people: [
    { id: 'ann', name: 'Ann', fte: 1, skills: ['backend'] },
    {
      id: 'bob',
      name: 'Bob',
      fte: 0.5,
      skills: ['frontend'],
      calendar: { timeOff: [{ from: '2024-01-03', to: '2024-01-04' }] },
    },
  ],
  milestones: [{ id: 'm1', name: 'MVP', targetDate: '2024-01-08' }],
  items: [
    { id: 'api', effortDays: 3, skills: ['backend'], milestoneId: 'm1' },
    { id: 'ui', effortDays: 2, skills: ['frontend'], dependsOn: [{ itemId: 'api' }], milestoneId: 'm1' },
    { id: 'db', effortDays: 2, skills: ['backend'] },
  ],
};

function planned(input: TeamPlanInput) {
  const r = buildSchedule(input);
  if (r.status !== 'planned') throw new Error(JSON.stringify(r));
  return r;
}

describe('buildSchedule', () => {
  it('should date items and explain each start when the team is small', () => {
    const r = planned(base);
    const byId = Object.fromEntries(r.items.map((x) => [x.itemId, x]));
    // api: Ann Mon-Wed. ui: ready Thu (day 3) but Bob is off Wed-Thu, so Fri (day 4); at 0.5 FTE
    // 2 days take 4 working days: Fri, Mon, Tue, Wed → finish 2024-01-10.
    expect(byId.api).toMatchObject({
      personId: 'ann',
      start: '2024-01-01',
      finish: '2024-01-03',
      reason: { kind: 'ready' },
    });
    expect(byId.ui).toMatchObject({
      personId: 'bob',
      start: '2024-01-05',
      finish: '2024-01-10',
      durationDays: 4,
    });
    expect(byId.ui!.reason).toEqual({ kind: 'calendar', personId: 'bob' });
    // db waits for Ann, who does the higher-ranked api first.
    expect(byId.db).toMatchObject({
      start: '2024-01-04',
      reason: { kind: 'order', personId: 'ann', busyItemId: 'api' },
    });
    expect(r.criticalChain).toEqual(['api', 'ui']);
    expect(r.milestones).toEqual([
      { milestoneId: 'm1', date: '2024-01-10', drivingItemId: 'ui', targetDate: '2024-01-08', slipDays: 2 },
    ]);
    expect(r.endDate).toBe('2024-01-10');
  });

  it('should say the item waits on a dependency when its predecessor ends later than the person is free', () => {
    const r = planned({
      ...base,
      people: [{ id: 'ann', name: 'Ann', fte: 1, skills: ['backend', 'frontend'] }],
    });
    const ui = r.items.find((x) => x.itemId === 'ui')!;
    expect(ui.reason).toEqual({ kind: 'dependency', itemId: 'api' });
  });

  it('should say the item waits on a skill when only busy people have it and others are free', () => {
    const r = planned({
      startDate: '2024-01-01',
      people: [
        { id: 'ann', name: 'Ann', fte: 1, skills: ['backend'] },
        { id: 'bob', name: 'Bob', fte: 1, skills: [] },
      ],
      items: [
        { id: 'a', effortDays: 2, skills: ['backend'] },
        { id: 'b', effortDays: 1, skills: ['backend'] },
      ],
    });
    expect(r.items[1]!.reason).toEqual({ kind: 'skill', skills: ['backend'], busyItemId: 'a' });
    expect(r.items[1]!.startDay).toBe(2);
  });

  it('should honour a fixed date when the item would otherwise start earlier', () => {
    const r = planned({ ...base, items: [{ id: 'x', effortDays: 1, notBefore: '2024-01-10' }] });
    expect(r.items[0]).toMatchObject({
      start: '2024-01-10',
      reason: { kind: 'fixed-date', date: '2024-01-10' },
    });
  });

  it('should report the missing skill when nobody has it', () => {
    const r = buildSchedule({ ...base, items: [{ id: 'x', effortDays: 1, skills: ['design'] }] });
    expect(r).toEqual({
      status: 'infeasible',
      problems: [{ kind: 'missing-skill', itemId: 'x', skills: ['design'] }],
    });
  });

  it('should report the loop when dependencies form a cycle', () => {
    const r = buildSchedule({
      ...base,
      items: [
        { id: 'x', effortDays: 1, dependsOn: [{ itemId: 'z' }] },
        { id: 'y', effortDays: 1, dependsOn: [{ itemId: 'x' }] },
        { id: 'z', effortDays: 1, dependsOn: [{ itemId: 'y' }] },
      ],
    });
    expect(r).toEqual({ status: 'infeasible', problems: [{ kind: 'cycle', itemIds: ['x', 'y', 'z', 'x'] }] });
  });

  it('should report unknown dependencies and bad dates when the input is wrong', () => {
    const r = buildSchedule({
      ...base,
      items: [{ id: 'x', effortDays: 1, dependsOn: [{ itemId: 'nope' }], notBefore: '2024-13-01' }],
    });
    expect(r.status).toBe('infeasible');
    if (r.status === 'infeasible')
      expect(r.problems.map((p) => p.kind).sort()).toEqual(['invalid-value', 'unknown-dependency']);
  });

  it('should pull forward the work a top item depends on when it is ranked low', () => {
    // 'top' depends on 'low' (ranked last); 'mid' is independent. One person: low first, then top, then mid.
    const r = planned({
      startDate: '2024-01-01',
      people: [{ id: 'ann', name: 'Ann', fte: 1, skills: [] }],
      items: [
        { id: 'top', effortDays: 1, dependsOn: [{ itemId: 'low' }] },
        { id: 'mid', effortDays: 1 },
        { id: 'low', effortDays: 1 },
      ],
    });
    expect(r.items.map((x) => x.startDay)).toEqual([1, 2, 0]);
    expect(r.items[1]!.reason).toEqual({ kind: 'order', personId: 'ann', busyItemId: 'top' });
  });
});

describe('planIncrementally', () => {
  it('should give the same plan as a full plan when one estimate changes', () => {
    const first = planIncrementally(base);
    const changed = { ...base, items: base.items.map((x) => (x.id === 'ui' ? { ...x, effortDays: 5 } : x)) };
    const again = planIncrementally(changed, first);
    expect(again.result).toEqual(buildSchedule(changed));
    // api is placed before ui and unaffected; ui and db are placed again
    expect(again.replacedItems).toBe(2);
  });

  it('should give the same plan as a full plan when the order changes', () => {
    const first = planIncrementally(base);
    const reordered = { ...base, items: [base.items[2]!, base.items[0]!, base.items[1]!] };
    expect(planIncrementally(reordered, first).result).toEqual(buildSchedule(reordered));
  });
});
