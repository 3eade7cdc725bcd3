import { readDayNumber } from '../../../domain/shared';
import type { Roadmap, RoadmapItem } from './roadmap-api';

export type TimelineGrouping = 'person' | 'initiative';
type Milestone = Roadmap['milestones'][number];

/** One horizontal row of the timeline. */
export type TimelineRow =
  | { kind: 'group'; key: string; label: string; detail: string; milestone: Milestone | null }
  | {
      kind: 'lane';
      key: string;
      items: RoadmapItem[];
      /** Set on the first lane of a group that has no header row of its own. */
      label?: { text: string; detail: string };
    }
  | { kind: 'milestone'; key: string; milestone: Milestone };

export interface TimelineLayout {
  rows: TimelineRow[];
  /** First and last day shown (day numbers, both included). */
  firstDay: number;
  lastDay: number;
  /** Row index of every planned item, for drawing dependency connectors. */
  rowOf: Map<string, number>;
}

/**
 * Puts items in as few lanes as possible without two overlapping in one lane (greedy by start,
 * which is optimal for interval partitioning).
 */
export function packLanes(items: readonly RoadmapItem[]): RoadmapItem[][] {
  const sorted = [...items].sort(
    (a, b) => readDayNumber(a.start) - readDayNumber(b.start) || a.rank - b.rank,
  );
  const lanes: RoadmapItem[][] = [];
  const laneEnds: number[] = [];
  for (const item of sorted) {
    const start = readDayNumber(item.start);
    const lane = laneEnds.findIndex((end) => end < start);
    if (lane === -1) {
      lanes.push([item]);
      laneEnds.push(readDayNumber(item.finish));
    } else {
      lanes[lane]?.push(item);
      laneEnds[lane] = readDayNumber(item.finish);
    }
  }
  return lanes;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}% busy`;
}

/**
 * Arranges a roadmap into timeline rows: by person (a milestone band on top, then the lanes of
 * each person with work, labelled on the first) or by initiative (a group per milestone carrying its diamond, then work
 * outside any initiative). The date range covers the plan, every target date and today.
 * @param options.roadmap the plan to draw
 * @param options.grouping by person or by initiative
 * @param options.today YYYY-MM-DD, kept in range so the today line is visible
 * @returns the rows, the day range and each item's row
 */
export function layoutTimeline(options: {
  roadmap: Roadmap;
  grouping: TimelineGrouping;
  today: string;
}): TimelineLayout {
  const { roadmap, grouping } = options;
  const rows: TimelineRow[] = [];
  const addLanes = (groupKey: string, items: RoadmapItem[], label?: { text: string; detail: string }) => {
    for (const [i, lane] of packLanes(items).entries()) {
      rows.push({
        kind: 'lane',
        key: `${groupKey}:${i}`,
        items: lane,
        ...(i === 0 && label ? { label } : {}),
      });
    }
  };

  if (grouping === 'person') {
    for (const m of roadmap.milestones) rows.push({ kind: 'milestone', key: `m:${m.id}`, milestone: m });
    const byPerson = new Map<string, RoadmapItem[]>();
    for (const item of roadmap.items) {
      const key = item.personId ?? '';
      const list = byPerson.get(key) ?? [];
      list.push(item);
      byPerson.set(key, list);
    }
    const load = new Map(roadmap.load.map((l) => [l.personId, l] as const));
    for (const person of roadmap.people) {
      const items = byPerson.get(person.id);
      if (!items?.length) continue;
      const l = load.get(person.id);
      const detail = [
        `${person.fte} FTE`,
        l ? percent(l.utilisation) : null,
        person.hypothetical ? 'what-if' : null,
      ]
        .filter(Boolean)
        .join(' · ');
      // By person, the name sits on the person's first lane: no header row, a denser chart.
      addLanes(person.id, items, {
        text: person.hypothetical ? `${person.name} (what-if)` : person.name,
        detail,
      });
    }
    const nobody = byPerson.get('');
    if (nobody?.length) {
      addLanes('nobody', nobody, { text: 'Needs nobody', detail: 'no effort' });
    }
  } else {
    const byMilestone = new Map<string, RoadmapItem[]>();
    for (const item of roadmap.items) {
      const key = item.milestoneId ?? '';
      const list = byMilestone.get(key) ?? [];
      list.push(item);
      byMilestone.set(key, list);
    }
    for (const m of roadmap.milestones) {
      const items = byMilestone.get(m.id) ?? [];
      const detail = `${items.length} planned ${items.length === 1 ? 'item' : 'items'}`;
      rows.push({ kind: 'group', key: `i:${m.id}`, label: m.title, detail, milestone: m });
      addLanes(m.id, items);
      byMilestone.delete(m.id);
    }
    // Items of initiatives without a target date, then items outside any initiative.
    const rest = [...byMilestone.entries()].filter(([key]) => key !== '').flatMap(([, v]) => v);
    const none = [...rest, ...(byMilestone.get('') ?? [])];
    if (none.length) {
      rows.push({
        kind: 'group',
        key: 'i:',
        label: 'No initiative with a target',
        detail: `${none.length} planned ${none.length === 1 ? 'item' : 'items'}`,
        milestone: null,
      });
      addLanes('none', none);
    }
  }

  const days = [
    readDayNumber(roadmap.startDate),
    readDayNumber(roadmap.endDate),
    readDayNumber(options.today),
  ];
  for (const m of roadmap.milestones) {
    if (m.targetDate) days.push(readDayNumber(m.targetDate));
    if (m.date) days.push(readDayNumber(m.date));
  }
  for (const item of roadmap.items) days.push(readDayNumber(item.start), readDayNumber(item.finish));
  const rowOf = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    if (row.kind === 'lane') for (const item of row.items) rowOf.set(item.itemId, index);
  }
  // A little room after the last date for labels and diamonds.
  return { rows, firstDay: Math.min(...days) - 1, lastDay: Math.max(...days) + 7, rowOf };
}
