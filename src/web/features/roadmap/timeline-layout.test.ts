import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../../domain/shared';
import type { Roadmap, RoadmapItem } from './roadmap-api';
import { layoutTimeline, packLanes } from './timeline-layout';

function item(id: string, start: string, finish: string, extra: Partial<RoadmapItem> = {}): RoadmapItem {
  return {
    itemId: id,
    number: 1,
    title: id,
    type: 'task',
    state: 'ready',
    personId: 'p1',
    personName: 'Ann',
    start,
    finish,
    effortDays: 1,
    durationDays: 1,
    rank: 0,
    reason: { kind: 'ready', text: 'ready' },
    dependsOn: [],
    milestoneId: null,
    critical: false,
    bucket: 'now',
    ...extra,
  };
}

const milestone = {
  id: 'm1',
  number: 1,
  title: 'Launch',
  targetDate: '2026-12-31',
  date: '2026-12-04',
  drivingItemId: 'b',
  slipDays: -27,
  plannedItems: 1,
};

function roadmap(items: RoadmapItem[]): Roadmap {
  return {
    status: 'planned',
    startDate: '2026-12-01',
    endDate: '2026-12-04',
    people: [
      { id: 'p1', name: 'Ann', role: 'developer', fte: 1, skills: [], hypothetical: false },
      { id: 'p2', name: 'Bo', role: 'developer', fte: 1, skills: [], hypothetical: false },
    ],
    items,
    criticalChain: [],
    load: [],
    milestones: [milestone],
    buckets: { now: [], next: [], later: [] },
    unplanned: [],
    problems: [],
    rules: [],
  };
}

describe('packLanes', () => {
  it('should share a lane when items do not overlap', () => {
    const lanes = packLanes([item('a', '2026-12-01', '2026-12-02'), item('b', '2026-12-03', '2026-12-04')]);
    expect(lanes.map((l) => l.map((i) => i.itemId))).toEqual([['a', 'b']]);
  });

  it('should open a second lane when two items overlap on a day', () => {
    // b starts on the day a finishes: finish dates are inclusive, so they overlap.
    const lanes = packLanes([item('a', '2026-12-01', '2026-12-02'), item('b', '2026-12-02', '2026-12-04')]);
    expect(lanes.map((l) => l.map((i) => i.itemId))).toEqual([['a'], ['b']]);
  });
});

describe('layoutTimeline', () => {
  const items = [
    item('a', '2026-12-01', '2026-12-02'),
    item('b', '2026-12-03', '2026-12-04', { personId: 'p2', personName: 'Bo', milestoneId: 'm1' }),
  ];

  it('should put a milestone band first and labelled lanes per busy person when grouped by person', () => {
    const layout = layoutTimeline({ roadmap: roadmap(items), grouping: 'person', today: '2026-12-01' });
    expect(layout.rows.map((r) => r.kind)).toEqual(['milestone', 'lane', 'lane']);
    expect(layout.rows.map((r) => (r.kind === 'lane' ? r.label?.text : null))).toEqual([null, 'Ann', 'Bo']);
    expect(layout.rowOf.get('a')).toBe(1);
    expect(layout.rowOf.get('b')).toBe(2);
  });

  it('should group items under their initiative and the rest last when grouped by initiative', () => {
    const layout = layoutTimeline({ roadmap: roadmap(items), grouping: 'initiative', today: '2026-12-01' });
    const groups = layout.rows.filter((r) => r.kind === 'group').map((r) => r.label);
    expect(groups).toEqual(['Launch', 'No initiative with a target']);
    expect(layout.rowOf.get('b')).toBe(1);
    expect(layout.rowOf.get('a')).toBe(3);
  });

  it('should cover the target date and today when they lie outside the plan', () => {
    const layout = layoutTimeline({ roadmap: roadmap(items), grouping: 'person', today: '2026-11-20' });
    // One day before today, a week after the 31 Dec target.
    expect(layout.firstDay).toBe(Date.UTC(2026, 10, 19) / MS_PER_DAY);
    expect(layout.lastDay).toBe(Date.UTC(2027, 0, 7) / MS_PER_DAY);
  });
});
