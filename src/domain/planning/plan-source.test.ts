import { describe, expect, it } from 'vitest';
import { findInitiative, findOpenLeaves, isOpenLeaf, isPlannedMember, isUnderWay } from './plan-source';
import { buildItem, buildSource } from './test-support';

describe('isPlannedMember', () => {
  it('should plan a developer with some FTE', () => {
    expect(isPlannedMember({ role: 'developer', fte: 0.5, skills: [] })).toBe(true);
  });

  it('should not plan anyone at 0 FTE', () => {
    expect(isPlannedMember({ role: 'developer', fte: 0, skills: ['backend'] })).toBe(false);
  });

  it('should not plan a viewer whatever their skills', () => {
    expect(isPlannedMember({ role: 'viewer', fte: 1, skills: ['backend'] })).toBe(false);
  });

  it('should plan a founder only when they list a skill', () => {
    expect(isPlannedMember({ role: 'founder', fte: 1, skills: [] })).toBe(false);
    expect(isPlannedMember({ role: 'founder', fte: 1, skills: ['design'] })).toBe(true);
  });
});

describe('isUnderWay', () => {
  it('should count in progress and in review as under way, and nothing else', () => {
    const states = ['todo', 'in_progress', 'in_review', 'done', 'cancelled'];
    expect(states.filter((state) => isUnderWay({ state }))).toEqual(['in_progress', 'in_review']);
  });
});

describe('isOpenLeaf', () => {
  it('should take open features, tasks and bugs only', () => {
    expect(isOpenLeaf({ type: 'bug', state: 'in_review' })).toBe(true);
    expect(isOpenLeaf({ type: 'epic', state: 'todo' })).toBe(false);
    expect(isOpenLeaf({ type: 'initiative', state: 'todo' })).toBe(false);
    expect(isOpenLeaf({ type: 'feature', state: 'done' })).toBe(false);
    expect(isOpenLeaf({ type: 'task', state: 'cancelled' })).toBe(false);
  });
});

describe('findInitiative', () => {
  it('should find the initiative above an epic when the item is nested twice', () => {
    const items = [
      buildItem({ id: 'i1', type: 'initiative' }),
      buildItem({ id: 'e1', type: 'epic', parentId: 'i1' }),
      buildItem({ id: 't1', parentId: 'e1' }),
    ];
    const byId = new Map(items.map((it) => [it.id, it]));
    expect(findInitiative(items[2]!, byId)?.id).toBe('i1');
  });

  it('should stop with null when the parents loop without an initiative', () => {
    const items = [
      buildItem({ id: 'e1', type: 'epic', parentId: 'e2' }),
      buildItem({ id: 'e2', type: 'epic', parentId: 'e1' }),
    ];
    const byId = new Map(items.map((it) => [it.id, it]));
    expect(findInitiative(items[0]!, byId)).toBeNull();
  });
});

describe('findOpenLeaves', () => {
  it('should list the open leaves under a container, skipping finished work', () => {
    const source = buildSource([
      buildItem({ id: 'e1', type: 'epic' }),
      buildItem({ id: 't1', parentId: 'e1' }),
      buildItem({ id: 't2', parentId: 'e1', state: 'done' }),
      buildItem({ id: 'e2', type: 'epic', parentId: 'e1' }),
      buildItem({ id: 't3', parentId: 'e2' }),
      buildItem({ id: 't4' }),
    ]);
    expect(
      findOpenLeaves(source, 'e1')
        .map((it) => it.id)
        .sort(),
    ).toEqual(['t1', 't3']);
  });

  it('should list a leaf itself, and nothing for an unknown id', () => {
    const source = buildSource([buildItem({ id: 't1' })]);
    expect(findOpenLeaves(source, 't1').map((it) => it.id)).toEqual(['t1']);
    expect(findOpenLeaves(source, 'nope')).toEqual([]);
  });

  it('should list each leaf once when the hierarchy loops', () => {
    const source = buildSource([
      buildItem({ id: 'e1', type: 'epic', parentId: 'e2' }),
      buildItem({ id: 'e2', type: 'epic', parentId: 'e1' }),
      buildItem({ id: 't1', parentId: 'e2' }),
    ]);
    expect(findOpenLeaves(source, 'e1').map((it) => it.id)).toEqual(['t1']);
  });
});
