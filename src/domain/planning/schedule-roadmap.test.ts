import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareRoadmapInput } from './prepare-roadmap';
import { findProblemItems, MAX_SCHEDULE_ATTEMPTS, scheduleRoadmap } from './schedule-roadmap';
import { buildItem, buildPerson, buildSource } from './test-support';

describe('findProblemItems', () => {
  it('should name the items of a cycle, the item of an item problem, and none for a plan problem', () => {
    expect(findProblemItems({ kind: 'cycle', itemIds: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(findProblemItems({ kind: 'unknown-assignee', itemId: 'a', personId: 'p' })).toEqual(['a']);
    expect(findProblemItems({ kind: 'invalid-value', field: 'startDate', message: 'bad' })).toEqual([]);
  });
});

describe('scheduleRoadmap', () => {
  it('should set aside items that wait on each other in a circle and plan the rest', () => {
    const source = buildSource([
      buildItem({ id: 't1', dependsOn: [{ itemId: 't2', lagDays: 0 }] }),
      buildItem({ id: 't2', dependsOn: [{ itemId: 't1', lagDays: 0 }] }),
      buildItem({ id: 't3' }),
    ]);
    const { prepared, result } = scheduleRoadmap(prepareRoadmapInput(source));
    expect(result.status).toBe('planned');
    expect(result.status === 'planned' && result.items.map((s) => s.itemId)).toEqual(['t3']);
    expect(prepared.unplanned.map((u) => [u.itemId, u.reason]).sort()).toEqual([
      ['t1', 'cycle'],
      ['t2', 'cycle'],
    ]);
    expect(prepared.issues).toEqual([
      {
        kind: 'cycle',
        message: 'These items wait on each other in a circle: remove one of the dependencies',
        itemIds: expect.arrayContaining(['t1', 't2']),
      },
    ]);
  });

  it('should stop with a not-planned issue when the problem is the whole plan', () => {
    const source = { ...buildSource([buildItem({ id: 't1' })]), startDate: 'someday' };
    const { prepared, result } = scheduleRoadmap(prepareRoadmapInput(source));
    expect(result.status).toBe('infeasible');
    expect(prepared.issues.map((i) => i.kind)).toEqual(['not-planned']);
    expect(prepared.issues[0]?.message).toMatch(/^The plan cannot be made: /);
  });

  it('should end after its last attempt when more circles remain than it has attempts', () => {
    const selfLoops = Array.from({ length: MAX_SCHEDULE_ATTEMPTS + 2 }, (_, i) =>
      buildItem({ id: `t${i}`, dependsOn: [{ itemId: `t${i}`, lagDays: 0 }] }),
    );
    const { prepared, result } = scheduleRoadmap(prepareRoadmapInput(buildSource(selfLoops)));
    expect(result.status).toBe('infeasible');
    expect(prepared.unplanned).toHaveLength(MAX_SCHEDULE_ATTEMPTS);
  });

  // Each attempt sets aside at least one item, so with no more items than attempts every circle goes.
  it('should account for every open leaf exactly once when there are no more items than attempts', () => {
    const graph = fc.record({
      size: fc.integer({ min: 1, max: MAX_SCHEDULE_ATTEMPTS }),
      edges: fc.array(fc.tuple(fc.nat(MAX_SCHEDULE_ATTEMPTS - 1), fc.nat(MAX_SCHEDULE_ATTEMPTS - 1)), {
        maxLength: 16,
      }),
      unestimated: fc.array(fc.nat(MAX_SCHEDULE_ATTEMPTS - 1), { maxLength: 2 }),
      mobile: fc.array(fc.nat(MAX_SCHEDULE_ATTEMPTS - 1), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(graph, ({ size, edges, unestimated, mobile }) => {
        const items = Array.from({ length: size }, (_, i) =>
          buildItem({
            id: `t${i}`,
            estimate: unestimated.includes(i) ? null : { optimistic: 1, likely: 1 + (i % 3), pessimistic: 5 },
            skills: mobile.includes(i) ? ['mobile'] : ['backend'],
            dependsOn: edges
              .filter(([from, to]) => from === i && to < size)
              .map(([, to]) => ({ itemId: `t${to}`, lagDays: 0 })),
          }),
        );
        const { prepared, result } = scheduleRoadmap(
          prepareRoadmapInput(buildSource(items, [buildPerson({ id: 'p1' }), buildPerson({ id: 'p2' })])),
        );
        expect(result.status).toBe('planned');
        const scheduled = result.status === 'planned' ? result.items.map((s) => s.itemId) : [];
        const accounted = [...scheduled, ...prepared.unplanned.map((u) => u.itemId)].sort();
        expect(accounted).toEqual(items.map((it) => it.id).sort());
      }),
      { numRuns: 100 },
    );
  });
});
