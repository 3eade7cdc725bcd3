/**
 * The flow metrics of a period, from items' state histories: cycle time and its percentiles,
 * throughput, the cumulative flow diagram, aging work in progress, work in progress per state and
 * per person, blocked time and flow efficiency where the workflow marks the states they need.
 */
import { MS_PER_DAY, toDayNumberOf } from '../shared';
import { buildCumulativeFlow, type CumulativeFlowDay } from './cumulative-flow';
import { type CycleTimePercentiles, computeCycleTimePercentiles, findAgePercentile } from './cycle-time';
import { type ItemTimeline, readTimeline, sumFlaggedTime } from './item-timeline';
import {
  countDailyThroughput,
  type DailyThroughput,
  sumWeeklyThroughput,
  type WeeklyThroughput,
} from './throughput';
import { type FlowItem, type FlowWorkflow, indexWorkflow } from './workflow';

/** The period the metrics cover. */
export interface FlowPeriod {
  /** First day (UTC day number). */
  fromDay: number;
  /** Last day, inclusive. */
  toDay: number;
  /** The moment the period is read at (ms): the end of `toDay`, or now when that is earlier. */
  asOf: number;
}

/** A finished item's cycle time. */
export interface FinishedItem {
  id: string;
  startedAt: number;
  finishedAt: number;
  cycleTimeDays: number;
}

/** A started, unfinished item's age against finished work. */
export interface AgingItem {
  id: string;
  state: string;
  assignee: string | null;
  startedAt: number;
  ageDays: number;
  /** The share (0–100) of the period's cycle times below its age; null when none finished. */
  olderThanPercent: number | null;
}

/** A measure the workflow cannot give, and why. */
export interface Unavailable {
  available: false;
  reason: string;
}

/** Time in flagged states within finished items' cycle times. */
export type FlaggedTime =
  | { available: true; items: number; flaggedDays: number; cycleDays: number; share: number | null }
  | Unavailable;

export interface FlowMetrics {
  cycleTime: {
    count: number;
    percentiles: CycleTimePercentiles | null;
    /** Finished in the period, by finish time. */
    items: FinishedItem[];
    /** Finished in the period without ever entering a started state: no cycle time. */
    finishedWithoutStart: number;
  };
  throughput: { total: number; daily: DailyThroughput[]; weekly: WeeklyThroughput[] };
  cumulativeFlow: { states: string[]; days: CumulativeFlowDay[] };
  /** Started, unfinished items at `asOf`, oldest first. */
  aging: AgingItem[];
  wip: {
    total: number;
    byState: { state: string; count: number }[];
    byPerson: { assignee: string | null; count: number }[];
  };
  blockedTime: FlaggedTime;
  flowEfficiency:
    | { available: true; items: number; activeDays: number; waitingDays: number; percent: number | null }
    | Unavailable;
}

export const NO_BLOCKED_STATE =
  'No state of the workflow is marked as blocked, so blocked time is not recorded.';
export const NO_WAITING_STATE =
  'No started state of the workflow is marked as waiting, so time waiting cannot be told from time worked.';

/**
 * Computes every flow metric of a period.
 * @param options.items the items, each with its transitions oldest first
 * @param options.workflow the workflow, states in board order
 * @param options.period the days covered and the moment they are read at
 * @returns the metrics; an item's history after `asOf` is ignored
 */
export function computeFlowMetrics(options: {
  items: readonly FlowItem[];
  workflow: FlowWorkflow;
  period: FlowPeriod;
}): FlowMetrics {
  const { period } = options;
  const workflow = indexWorkflow(options.workflow);
  const timelines = options.items.map((item) => readTimeline(item, workflow, period.asOf));

  const finished: FinishedItem[] = [];
  const finishedTimelines: ItemTimeline[] = [];
  const finishDays: number[] = [];
  let finishedWithoutStart = 0;
  for (const timeline of timelines) {
    if (timeline.finishedAt === null) continue;
    const day = toDayNumberOf(timeline.finishedAt);
    if (day < period.fromDay || day > period.toDay) continue;
    finishDays.push(day);
    if (timeline.startedAt === null) {
      finishedWithoutStart++;
      continue;
    }
    finishedTimelines.push(timeline);
    finished.push({
      id: timeline.item.id,
      startedAt: timeline.startedAt,
      finishedAt: timeline.finishedAt,
      cycleTimeDays: (timeline.finishedAt - timeline.startedAt) / MS_PER_DAY,
    });
  }
  finished.sort((a, b) => a.finishedAt - b.finishedAt);
  const sortedDays = finished.map((f) => f.cycleTimeDays).sort((a, b) => a - b);

  const aging: AgingItem[] = [];
  const byState = new Map<number, number>();
  const byPerson = new Map<string | null, number>();
  for (const timeline of timelines) {
    const current = timeline.current;
    if (current === null || workflow.categories[current] !== 'started' || timeline.startedAt === null)
      continue;
    const ageDays = (period.asOf - timeline.startedAt) / MS_PER_DAY;
    aging.push({
      id: timeline.item.id,
      state: workflow.names[current]!,
      assignee: timeline.item.assignee,
      startedAt: timeline.startedAt,
      ageDays,
      olderThanPercent: findAgePercentile(sortedDays, ageDays),
    });
    byState.set(current, (byState.get(current) ?? 0) + 1);
    byPerson.set(timeline.item.assignee, (byPerson.get(timeline.item.assignee) ?? 0) + 1);
  }
  aging.sort((a, b) => b.ageDays - a.ageDays);

  const daily = countDailyThroughput(finishDays, period.fromDay, period.toDay);
  const sumFlagged = (flags: readonly boolean[]) =>
    finishedTimelines.reduce(
      (sum, t) => sum + sumFlaggedTime(t, workflow, flags, t.startedAt!, t.finishedAt!),
      0,
    );
  const cycleMs = finished.reduce((sum, f) => sum + (f.finishedAt - f.startedAt), 0);

  return {
    cycleTime: {
      count: finished.length,
      percentiles: computeCycleTimePercentiles(sortedDays),
      items: finished,
      finishedWithoutStart,
    },
    throughput: { total: finishDays.length, daily, weekly: sumWeeklyThroughput(daily) },
    cumulativeFlow: {
      states: [...workflow.names],
      days: buildCumulativeFlow(timelines, workflow, period.fromDay, period.toDay),
    },
    aging,
    wip: {
      total: aging.length,
      byState: workflow.names.flatMap((state, index) =>
        workflow.categories[index] === 'started' ? [{ state, count: byState.get(index) ?? 0 }] : [],
      ),
      // Most loaded first; the unassigned last.
      byPerson: [...byPerson]
        .map(([assignee, count]) => ({ assignee, count }))
        .sort(
          (a, b) =>
            Number(a.assignee === null) - Number(b.assignee === null) ||
            b.count - a.count ||
            (a.assignee ?? '').localeCompare(b.assignee ?? ''),
        ),
    },
    blockedTime: workflow.blocked.some(Boolean)
      ? describeFlaggedTime(sumFlagged(workflow.blocked), cycleMs, finished.length)
      : { available: false, reason: NO_BLOCKED_STATE },
    flowEfficiency: workflow.waiting.some((w, i) => w && workflow.categories[i] === 'started')
      ? describeEfficiency(sumFlagged(workflow.waiting), cycleMs, finished.length)
      : { available: false, reason: NO_WAITING_STATE },
  };
}

function describeFlaggedTime(flaggedMs: number, cycleMs: number, items: number): FlaggedTime {
  return {
    available: true,
    items,
    flaggedDays: flaggedMs / MS_PER_DAY,
    cycleDays: cycleMs / MS_PER_DAY,
    share: cycleMs > 0 ? flaggedMs / cycleMs : null,
  };
}

/** Flow efficiency: time worked over the whole cycle time of the finished items, as a percentage. */
function describeEfficiency(
  waitingMs: number,
  cycleMs: number,
  items: number,
): FlowMetrics['flowEfficiency'] {
  const activeMs = cycleMs - waitingMs;
  return {
    available: true,
    items,
    activeDays: activeMs / MS_PER_DAY,
    waitingDays: waitingMs / MS_PER_DAY,
    percent: cycleMs > 0 ? (100 * activeMs) / cycleMs : null,
  };
}
