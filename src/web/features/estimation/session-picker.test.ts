import { describe, expect, it } from 'vitest';
import { groupForPicking, isEstimatedIn } from './session-picker';

const estimate = { optimistic: 1, likely: 2, pessimistic: 4 };
const item = (id: string, days: boolean, points: number | null = null) => ({
  id,
  estimate: days ? estimate : null,
  storyPoints: points,
});
// Backlog order: a, b, c, d, e.
const backlog = [
  item('a', true),
  item('b', false, 3),
  item('c', false),
  item('d', true, 5),
  item('e', false),
];
const ids = (group: { items: Array<{ id: string }> }) => group.items.map((i) => i.id);

describe('groupForPicking', () => {
  it('should offer items without a days estimate first, each group in backlog order, when the session is in days', () => {
    const { groups, hidden } = groupForPicking(backlog, 'days', 60);
    expect(groups.map((g) => g.label)).toEqual(['Not estimated yet', 'Estimated']);
    expect(groups.map(ids)).toEqual([
      ['b', 'c', 'e'],
      ['a', 'd'],
    ]);
    expect(hidden).toBe(0);
  });

  it('should group by story points when the session is in points', () => {
    const { groups } = groupForPicking(backlog, 'points', 60);
    expect(groups.map(ids)).toEqual([
      ['a', 'c', 'e'],
      ['b', 'd'],
    ]);
  });

  it('should spend the limit on unestimated items first and count the rest as hidden', () => {
    const { groups, hidden } = groupForPicking(backlog, 'days', 4);
    expect(groups.map(ids)).toEqual([['b', 'c', 'e'], ['a']]);
    expect(hidden).toBe(1);
    const tight = groupForPicking(backlog, 'days', 2);
    expect(tight.groups.map((g) => g.key)).toEqual(['unestimated']);
    expect(tight.groups.map(ids)).toEqual([['b', 'c']]);
    expect(tight.hidden).toBe(3);
  });

  it('should leave out an empty group when every item is estimated', () => {
    const { groups } = groupForPicking([item('a', true), item('d', true)], 'days', 60);
    expect(groups.map((g) => g.label)).toEqual(['Estimated']);
  });
});

describe('isEstimatedIn', () => {
  it('should read the three-point estimate for days and story points for points', () => {
    expect(isEstimatedIn(item('x', true), 'days')).toBe(true);
    expect(isEstimatedIn(item('x', true), 'points')).toBe(false);
    expect(isEstimatedIn(item('x', false, 8), 'points')).toBe(true);
  });
});
