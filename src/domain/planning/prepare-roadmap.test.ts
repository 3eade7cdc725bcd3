import { describe, expect, it } from 'vitest';
import { expectRemainingEffort } from '../forecasting';
import { describeMissingSkill, expectedEffort, prepareRoadmapInput, withoutItems } from './prepare-roadmap';
import { buildItem, buildPerson, buildSource } from './test-support';

const plannedIds = (source: ReturnType<typeof buildSource>) =>
  prepareRoadmapInput(source).input.items.map((it) => it.id);

describe('expectedEffort', () => {
  it('should be the PERT mean of the estimate', () => {
    // (1 + 4×2 + 9) / 6 = 3
    expect(expectedEffort({ optimistic: 1, likely: 2, pessimistic: 9 })).toBe(3);
  });
});

describe('prepareRoadmapInput', () => {
  it('should plan open leaves in product order with their PERT effort', () => {
    const prepared = prepareRoadmapInput(
      buildSource([
        buildItem({ id: 't2', estimate: { optimistic: 1, likely: 2, pessimistic: 9 } }),
        buildItem({ id: 't1' }),
        buildItem({ id: 'e1', type: 'epic' }),
        buildItem({ id: 't3', state: 'done' }),
      ]),
    );
    expect(prepared.input.items.map((it) => [it.id, it.effortDays])).toEqual([
      ['t2', 3],
      ['t1', 2],
    ]);
    expect(prepared.estimates.get('t2')).toEqual({ optimistic: 1, likely: 2, pessimistic: 9 });
  });

  it('should set aside unestimated items with one issue that asks for estimates', () => {
    const prepared = prepareRoadmapInput(
      buildSource([buildItem({ id: 't1', estimate: null }), buildItem({ id: 't2', estimate: null })]),
    );
    expect(prepared.input.items).toEqual([]);
    expect(prepared.unplanned).toEqual([
      { itemId: 't1', reason: 'unestimated' },
      { itemId: 't2', reason: 'unestimated' },
    ]);
    expect(prepared.issues).toEqual([
      {
        kind: 'unestimated',
        message: '2 open items have no estimate and are not planned: ask the tech side to estimate them',
        itemIds: ['t1', 't2'],
      },
    ]);
  });

  it('should set aside an item needing a skill nobody has, unless it takes no effort', () => {
    const zero = { optimistic: 0, likely: 0, pessimistic: 0 };
    const prepared = prepareRoadmapInput(
      buildSource([
        buildItem({ id: 't1', skills: ['mobile', 'design'] }),
        buildItem({ id: 't2', skills: ['mobile'], estimate: zero }),
      ]),
    );
    expect(prepared.input.items.map((it) => it.id)).toEqual(['t2']);
    expect(prepared.unplanned).toEqual([{ itemId: 't1', reason: 'missing-skill' }]);
    expect(prepared.issues[0]).toMatchObject({
      kind: 'missing-skill',
      message: '#1 “Item t1” needs mobile + design and nobody on the team has all of them',
      skills: ['mobile', 'design'],
    });
  });

  it('should say nobody takes planned work, not name an empty skill, when the team plans nobody', () => {
    const prepared = prepareRoadmapInput(buildSource([buildItem({ id: 't1', skills: [] })], []));
    expect(prepared.unplanned).toEqual([{ itemId: 't1', reason: 'missing-skill' }]);
    expect(prepared.issues[0]?.message).toBe(describeMissingSkill('#1 “Item t1”', []));
    expect(prepared.issues[0]?.message).toMatch(/nobody on the team takes planned work.*invite the team/);
    expect(describeMissingSkill('#2', ['mobile'])).toBe('#2 needs mobile and nobody on the team has it');
  });

  it('should meet a dependency on finished work and expand one on an epic to its open leaves', () => {
    const prepared = prepareRoadmapInput(
      buildSource([
        buildItem({ id: 'e1', type: 'epic' }),
        buildItem({ id: 't1', parentId: 'e1' }),
        buildItem({ id: 't2', parentId: 'e1' }),
        buildItem({ id: 't3', state: 'done' }),
        buildItem({
          id: 't4',
          dependsOn: [
            { itemId: 'e1', lagDays: 2 },
            { itemId: 't3', lagDays: 0 },
          ],
        }),
      ]),
    );
    const t4 = prepared.input.items.find((it) => it.id === 't4');
    expect(t4?.dependsOn).toEqual([
      { itemId: 't2', lagDays: 2 },
      { itemId: 't1', lagDays: 2 },
    ]);
  });

  it('should drop and report a dependency on work that is not planned', () => {
    const prepared = prepareRoadmapInput(
      buildSource([
        buildItem({ id: 't1', estimate: null }),
        buildItem({ id: 't2', dependsOn: [{ itemId: 't1', lagDays: 0 }] }),
      ]),
    );
    expect(prepared.input.items[0]?.dependsOn).toEqual([]);
    expect(prepared.issues.find((i) => i.kind === 'waits-on-unplanned')?.itemIds).toEqual(['t2', 't1']);
  });

  it('should keep an assignee who has the skills and drop one who lacks them', () => {
    const people = [buildPerson({ id: 'p1' }), buildPerson({ id: 'p2', name: 'Bo', skills: ['design'] })];
    const prepared = prepareRoadmapInput(
      buildSource(
        [buildItem({ id: 't1', assigneeId: 'p1' }), buildItem({ id: 't2', assigneeId: 'p2' })],
        people,
      ),
    );
    expect(prepared.input.items.map((it) => it.assigneeId)).toEqual(['p1', undefined]);
    expect(prepared.issues).toEqual([
      {
        kind: 'assignee-cannot-take',
        message: '#2 “Item t2” is assigned to Bo, who lacks backend: planned on someone who has the skills',
        itemIds: ['t2'],
        personId: 'p2',
      },
    ]);
  });

  it('should keep work under way with its assignee whatever skills it lists', () => {
    const people = [buildPerson({ id: 'p1' }), buildPerson({ id: 'p2', skills: ['design'] })];
    const prepared = prepareRoadmapInput(
      buildSource([buildItem({ id: 't1', assigneeId: 'p2', state: 'in_progress' })], people),
    );
    expect(prepared.input.items[0]).toMatchObject({ assigneeId: 'p2', started: true });
    expect(prepared.issues).toEqual([]);
  });

  it('should charge work under way only what is expected to remain after the time given to it', () => {
    // The plan starts Monday 2026-01-05; 2 weekdays (Thu 1 and Fri 2 Jan) have gone into t1.
    const startedAt = new Date('2026-01-01T10:00:00Z');
    const estimate = { optimistic: 1, likely: 3, pessimistic: 9 };
    const prepared = prepareRoadmapInput(
      buildSource([
        buildItem({ id: 't1', assigneeId: 'p1', state: 'in_progress', estimate, startedAt }),
        buildItem({ id: 't2', assigneeId: 'p1', state: 'ready', estimate, startedAt }),
      ]),
    );
    expect(prepared.elapsed).toEqual(new Map([['t1', 2]]));
    expect(prepared.input.items[0]!.effortDays).toBeCloseTo(expectRemainingEffort(estimate, 2), 12);
    expect(prepared.input.items[0]!.effortDays).toBeLessThan(expectedEffort(estimate) - 1);
    // Work not started keeps its whole expected effort, and so does its estimate.
    expect(prepared.input.items[1]!.effortDays).toBe(expectedEffort(estimate));
    expect(prepared.estimates.get('t1')).toEqual(estimate);
  });

  it('should share a person’s time among everything they have under way', () => {
    const startedAt = new Date('2025-12-29T10:00:00Z');
    const people = [buildPerson({ id: 'p1', fte: 0.5 })];
    const prepared = prepareRoadmapInput(
      buildSource(
        [
          buildItem({ id: 't1', assigneeId: 'p1', state: 'in_progress', startedAt }),
          buildItem({ id: 't2', assigneeId: 'p1', state: 'in_review', startedAt }),
          buildItem({ id: 't3', state: 'in_progress', startedAt }),
          buildItem({ id: 't4', assigneeId: 'p1', state: 'in_progress', startedAt: null }),
        ],
        people,
      ),
    );
    // 5 weekdays × 0.5 FTE shared by t1, t2 and t4 (whose start is unknown); t3 has nobody on it.
    expect(prepared.elapsed).toEqual(
      new Map([
        ['t1', 2.5 / 3],
        ['t2', 2.5 / 3],
      ]),
    );
  });

  it('should report an assignee who takes no planned work', () => {
    const prepared = prepareRoadmapInput(buildSource([buildItem({ id: 't1', assigneeId: 'viewer' })]));
    expect(prepared.input.items[0]?.assigneeId).toBeUndefined();
    expect(prepared.issues[0]?.message).toBe(
      '#1 “Item t1” is assigned to someone who takes no planned work: planned on someone else',
    );
  });

  it('should make initiatives with a target date milestones, with or without planned work', () => {
    const prepared = prepareRoadmapInput(
      buildSource([
        buildItem({ id: 'i1', type: 'initiative', title: 'Launch', targetDate: '2026-03-01' }),
        buildItem({ id: 'i2', type: 'initiative', title: 'Later', targetDate: '2026-06-01' }),
        buildItem({ id: 'i3', type: 'initiative', title: 'No date' }),
        buildItem({ id: 'e1', type: 'epic', parentId: 'i1' }),
        buildItem({ id: 't1', parentId: 'e1' }),
        buildItem({ id: 't2', parentId: 'i3' }),
      ]),
    );
    expect(prepared.input.milestones).toEqual([
      { id: 'i1', name: 'Launch', targetDate: '2026-03-01' },
      { id: 'i2', name: 'Later', targetDate: '2026-06-01' },
    ]);
    expect([...prepared.milestoneOf]).toEqual([['t1', 'i1']]);
    expect(prepared.input.items.find((it) => it.id === 't1')?.milestoneId).toBe('i1');
  });

  it('should plan every open leaf or set it aside, never both', () => {
    const source = buildSource([
      buildItem({ id: 't1' }),
      buildItem({ id: 't2', estimate: null }),
      buildItem({ id: 't3', skills: ['mobile'] }),
    ]);
    const prepared = prepareRoadmapInput(source);
    const planned = plannedIds(source);
    const aside = prepared.unplanned.map((u) => u.itemId);
    expect([...planned, ...aside].sort()).toEqual(['t1', 't2', 't3']);
  });
});

describe('withoutItems', () => {
  it('should take items out, drop dependencies on them and list them as unplanned', () => {
    const prepared = prepareRoadmapInput(
      buildSource([
        buildItem({ id: 't1' }),
        buildItem({ id: 't2', dependsOn: [{ itemId: 't1', lagDays: 0 }] }),
      ]),
    );
    const after = withoutItems(prepared, new Set(['t1']), 'cycle');
    expect(after.input.items.map((it) => [it.id, it.dependsOn])).toEqual([['t2', []]]);
    expect(after.unplanned).toEqual([{ itemId: 't1', reason: 'cycle' }]);
    expect(prepared.input.items).toHaveLength(2);
  });
});
