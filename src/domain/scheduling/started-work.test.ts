import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSchedule, planIncrementally } from './build-schedule';
import { checkTeamPlan, keepStartedWorkWithAssignee } from './team-constraints';
import { preparePlan } from './team-preparation';
import type { TeamPlanInput, WorkItem } from './team-types';

// 2024-01-01 is a Monday.
const team: TeamPlanInput['people'] = [
  { id: 'ann', name: 'Ann', fte: 1, skills: ['backend'] },
  { id: 'bob', name: 'Bob', fte: 1, skills: ['frontend'] },
];

function planned(input: TeamPlanInput) {
  const r = buildSchedule(input);
  if (r.status !== 'planned') throw new Error(JSON.stringify(r));
  return r;
}

describe('in-progress work stays with its person', () => {
  it('should keep a started item on its assignee when the assignee lacks a listed skill', () => {
    const r = planned({
      startDate: '2024-01-01',
      people: team,
      items: [{ id: 'login', effortDays: 2, skills: ['backend'], assigneeId: 'bob', started: true }],
    });
    expect(r.items[0]).toMatchObject({ personId: 'bob', startDay: 0, reason: { kind: 'ready' } });
  });

  it('should still refuse an unstarted item pinned to someone without the skill', () => {
    const r = buildSchedule({
      startDate: '2024-01-01',
      people: team,
      items: [{ id: 'login', effortDays: 2, skills: ['backend'], assigneeId: 'bob' }],
    });
    expect(r).toEqual({
      status: 'infeasible',
      problems: [{ kind: 'assignee-lacks-skill', itemId: 'login', personId: 'bob', skills: ['backend'] }],
    });
  });

  it('should plan started work first when higher-ranked new work goes to the same person', () => {
    const r = planned({
      startDate: '2024-01-01',
      people: [team[1]!],
      items: [
        { id: 'top', effortDays: 2, skills: ['frontend'] },
        { id: 'doing', effortDays: 3, assigneeId: 'bob', started: true },
      ],
    });
    const [top, doing] = r.items;
    expect(doing).toMatchObject({ personId: 'bob', startDay: 0, endDay: 3 });
    expect(top).toMatchObject({ personId: 'bob', startDay: 3 });
    expect(top!.reason).toEqual({ kind: 'started', personId: 'bob', busyItemId: 'doing' });
  });

  it('should plan a started item without an assignee like any other item', () => {
    const r = planned({
      startDate: '2024-01-01',
      people: team,
      items: [
        { id: 'top', effortDays: 2, skills: ['frontend'] },
        { id: 'doing', effortDays: 3, skills: ['frontend'], started: true },
      ],
    });
    expect(r.items.map((x) => [x.personId, x.startDay])).toEqual([
      ['bob', 0],
      ['bob', 2],
    ]);
  });

  it('should flag a started item planned on someone other than its assignee', () => {
    const input: TeamPlanInput = {
      startDate: '2024-01-01',
      people: team,
      items: [{ id: 'login', effortDays: 2, skills: ['backend'], assigneeId: 'bob', started: true }],
    };
    const prepared = preparePlan(input);
    if (!prepared.ok) throw new Error('input must be valid');
    const moved = [
      {
        itemId: 'login',
        personId: 'ann',
        startDay: 0,
        endDay: 2,
        start: '',
        finish: '',
        durationDays: 2,
        rank: 0,
        reason: { kind: 'ready' as const },
      },
    ];
    expect(keepStartedWorkWithAssignee({ plan: prepared.plan, items: moved }).map((v) => v.rule)).toEqual([
      'started-work',
    ]);
  });

  it('should never place a started assigned item on another person when planning random backlogs', () => {
    const skills = ['backend', 'frontend', 'design'];
    const itemArb = (index: number, people: number) =>
      fc
        .record({
          effort: fc.integer({ min: 0, max: 5 }),
          skills: fc.subarray(skills, { maxLength: 2 }),
          deps: fc.subarray(
            Array.from({ length: index }, (_, k) => k),
            { maxLength: Math.min(2, index) },
          ),
          assignee: fc.option(fc.integer({ min: 0, max: people - 1 }), { nil: undefined }),
          started: fc.boolean(),
        })
        .map(
          (x): WorkItem => ({
            id: `i${index}`,
            effortDays: x.effort,
            skills: x.skills,
            dependsOn: x.deps.map((d) => ({ itemId: `i${d}` })),
            ...(x.assignee === undefined ? {} : { assigneeId: `p${x.assignee}` }),
            ...(x.started ? { started: true } : {}),
          }),
        );
    const inputArb = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 10 }))
      .chain(([people, items]) =>
        fc.tuple(
          fc.tuple(
            ...Array.from({ length: people }, (_, k) =>
              fc.record({ skills: fc.subarray(skills), wip: fc.integer({ min: 1, max: 2 }) }).map((p) => ({
                id: `p${k}`,
                name: `P${k}`,
                fte: 1,
                skills: p.skills,
                wipLimit: p.wip,
              })),
            ),
          ),
          fc.tuple(...Array.from({ length: items }, (_, k) => itemArb(k, people))),
          fc.nat(),
        ),
      )
      .map(([people, items, shift]): TeamPlanInput => {
        // Rotate the product order so dependencies do not always follow it.
        const k = shift % items.length;
        return { startDate: '2024-01-01', people, items: [...items.slice(k), ...items.slice(0, k)] };
      });
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = buildSchedule(input);
        if (result.status === 'infeasible') {
          // Refusals may only concern work that is not under way with its assignee.
          for (const p of result.problems) {
            const item = input.items.find((it) => 'itemId' in p && it.id === p.itemId);
            expect(item?.started === true && item.assigneeId !== undefined).toBe(false);
          }
          return;
        }
        input.items.forEach((item, i) => {
          if (item.started && item.assigneeId !== undefined && item.effortDays > 0)
            expect(result.items[i]!.personId).toBe(item.assigneeId);
        });
        const prepared = preparePlan(input);
        if (!prepared.ok) throw new Error('prepared must succeed when planned');
        expect(checkTeamPlan({ plan: prepared.plan, items: result.items })).toEqual([]);
        // A re-plan after taking one item out of progress matches a full plan.
        const changed = {
          ...input,
          items: input.items.map((it, i) => (i === 0 ? { ...it, started: !it.started } : it)),
        };
        expect(planIncrementally(changed, planIncrementally(input)).result).toEqual(buildSchedule(changed));
      }),
      { numRuns: 200 },
    );
  });
});
