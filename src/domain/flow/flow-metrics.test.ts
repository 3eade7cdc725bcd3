import { describe, expect, it } from 'vitest';
import { computeFlowMetrics, NO_BLOCKED_STATE, NO_WAITING_STATE } from './flow-metrics';
import { at, D0, itemOf, TEST_WORKFLOW } from './test-workflow';

// Ten items over the week of Monday D0 to Sunday D0+6, read at noon on the Sunday.
const ITEMS = [
  itemOf('A', [
    ['new', -10],
    ['in_progress', 0.5],
    ['in_review', 2],
    ['done', 3.5],
  ]),
  itemOf('B', [
    ['new', -5],
    ['in_progress', -2],
    ['done', 1.25],
  ]),
  // Reopened: the cycle runs from its first start to its last entry into done.
  itemOf('C', [
    ['new', -5],
    ['in_progress', 1],
    ['done', 2],
    ['in_progress', 3],
    ['done', 5],
  ]),
  // Done without ever starting: counted in throughput, without a cycle time.
  itemOf('D', [
    ['new', -3],
    ['done', 2],
  ]),
  itemOf('E', [
    ['new', 0],
    ['in_progress', 4.5],
  ]),
  itemOf('F', [
    ['new', -20],
    ['in_progress', -10],
  ]),
  itemOf('G', [
    ['new', 1],
    ['cancelled', 2],
  ]),
  // Finished before the period.
  itemOf('H', [
    ['new', -30],
    ['in_progress', -25],
    ['done', -20],
  ]),
  // Starts after the moment the period is read at.
  itemOf('I', [
    ['new', -1],
    ['in_progress', 6.75],
  ]),
  itemOf(
    'J',
    [
      ['new', -2],
      ['in_progress', 3],
      ['in_review', 3.5],
    ],
    'ana',
  ),
];
const PERIOD = { fromDay: D0, toDay: D0 + 6, asOf: at(6.5) };
const metrics = computeFlowMetrics({ items: ITEMS, workflow: TEST_WORKFLOW, period: PERIOD });

describe('computeFlowMetrics', () => {
  it('should measure cycle time from the first start to the last entry into done, in days', () => {
    const byId = Object.fromEntries(metrics.cycleTime.items.map((i) => [i.id, i.cycleTimeDays]));
    expect(byId).toEqual({ A: 3, B: 3.25, C: 4 });
    expect(metrics.cycleTime.items.map((i) => i.id)).toEqual(['B', 'A', 'C']);
    expect(metrics.cycleTime.finishedWithoutStart).toBe(1);
  });

  it('should give interpolated percentiles of the period’s cycle times', () => {
    // [3, 3.25, 4]: positions 1, 1.4, 1.7 and 1.9 between order statistics.
    expect(metrics.cycleTime.count).toBe(3);
    const p = metrics.cycleTime.percentiles!;
    expect(p[50]).toBeCloseTo(3.25, 10);
    expect(p[70]).toBeCloseTo(3.55, 10);
    expect(p[85]).toBeCloseTo(3.775, 10);
    expect(p[95]).toBeCloseTo(3.925, 10);
  });

  it('should count throughput per day, including items done without a start', () => {
    expect(metrics.throughput.daily.map((d) => d.count)).toEqual([0, 1, 1, 1, 0, 1, 0]);
    expect(metrics.throughput.total).toBe(4);
    expect(metrics.throughput.weekly).toEqual([{ weekStart: D0, days: 7, count: 4 }]);
  });

  it('should split weeks at Monday and say how many days of each lie in the period', () => {
    const wednesday = computeFlowMetrics({
      items: ITEMS,
      workflow: TEST_WORKFLOW,
      period: { fromDay: D0 + 2, toDay: D0 + 8, asOf: at(8.5) },
    });
    expect(wednesday.throughput.weekly).toEqual([
      { weekStart: D0, days: 5, count: 3 },
      { weekStart: D0 + 7, days: 2, count: 0 },
    ]);
  });

  it('should stack each state’s count at the end of every day', () => {
    const { states, days } = metrics.cumulativeFlow;
    expect(states).toEqual(['new', 'ready', 'in_progress', 'in_review', 'done', 'cancelled']);
    expect(days[0]).toEqual({ day: D0, counts: [5, 0, 3, 0, 1, 0] });
    expect(days[2]).toEqual({ day: D0 + 2, counts: [3, 0, 1, 1, 4, 1] });
    // I's start at 6.75 is after the moment read, so it is still new.
    expect(days[6]).toEqual({ day: D0 + 6, counts: [1, 0, 2, 1, 5, 1] });
  });

  it('should list aging work oldest first with the share of finished work each is older than', () => {
    expect(
      metrics.aging.map((a) => [a.id, a.state, a.ageDays, Number(a.olderThanPercent?.toFixed(2))]),
    ).toEqual([
      ['F', 'in_progress', 16.5, 100],
      ['J', 'in_review', 3.5, 66.67],
      ['E', 'in_progress', 2, 0],
    ]);
  });

  it('should count work in progress per started state and per person', () => {
    expect(metrics.wip.total).toBe(3);
    expect(metrics.wip.byState).toEqual([
      { state: 'in_progress', count: 2 },
      { state: 'in_review', count: 1 },
    ]);
    expect(metrics.wip.byPerson).toEqual([
      { assignee: 'ana', count: 1 },
      { assignee: null, count: 2 },
    ]);
  });

  it('should say why blocked time and flow efficiency are unavailable when no state is marked', () => {
    expect(metrics.blockedTime).toEqual({ available: false, reason: NO_BLOCKED_STATE });
    expect(metrics.flowEfficiency).toEqual({ available: false, reason: NO_WAITING_STATE });
  });

  it('should give flow efficiency and blocked time when states are marked waiting and blocked', () => {
    const workflow = {
      states: TEST_WORKFLOW.states.map((s) =>
        s.name === 'in_review'
          ? { ...s, waiting: true }
          : s.name === 'in_progress'
            ? { ...s, blocked: true }
            : s,
      ),
    };
    const marked = computeFlowMetrics({ items: ITEMS, workflow, period: PERIOD });
    // Cycle days 3 + 3.25 + 4 = 10.25; A waited in review from 2 to 3.5.
    expect(marked.flowEfficiency).toEqual({
      available: true,
      items: 3,
      activeDays: 8.75,
      waitingDays: 1.5,
      percent: (100 * 8.75) / 10.25,
    });
    // In progress: A 1.5, B 3.25, C 1 + 2 (the time in done between is not blocked).
    expect(marked.blockedTime).toMatchObject({ available: true, flaggedDays: 7.75, cycleDays: 10.25 });
  });

  it('should give no percentiles and no aging percentile when nothing finished in the period', () => {
    const empty = computeFlowMetrics({
      items: [
        itemOf('E', [
          ['new', 0],
          ['in_progress', 1],
        ]),
      ],
      workflow: TEST_WORKFLOW,
      period: PERIOD,
    });
    expect(empty.cycleTime).toMatchObject({ count: 0, percentiles: null });
    expect(empty.aging[0]?.olderThanPercent).toBeNull();
  });
});
