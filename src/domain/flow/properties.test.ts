/**
 * Invariants of the flow metrics on random histories. HEADWAY_FLOW_RUNS raises the run count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, toDayNumberOf } from '../shared';
import { findAgePercentile } from './cycle-time';
import { computeFlowMetrics } from './flow-metrics';
import { at, D0, TEST_WORKFLOW } from './test-workflow';
import type { FlowItem } from './workflow';

const RUNS = Number(process.env.HEADWAY_FLOW_RUNS ?? 100);
const STATES = TEST_WORKFLOW.states.map((s) => s.name);

/** An item: its first state at a random moment, then random states after random gaps. */
const itemArbitrary = (id: number) =>
  fc
    .record({
      start: fc.double({ min: -30, max: 40, noNaN: true }),
      steps: fc.array(
        fc.record({ state: fc.constantFrom(...STATES), gap: fc.double({ min: 0, max: 6, noNaN: true }) }),
        { minLength: 1, maxLength: 8 },
      ),
      assignee: fc.constantFrom(null, 'ana', 'sam'),
    })
    .map(({ start, steps, assignee }): FlowItem => {
      let t = start;
      const transitions = steps.map(({ state, gap }) => {
        t += gap;
        return { state, at: at(t) };
      });
      return { id: `i${id}`, assignee, transitions };
    });

const scenario = fc.record({
  items: fc
    .integer({ min: 0, max: 40 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => itemArbitrary(i)))),
  fromOffset: fc.integer({ min: -10, max: 20 }),
  length: fc.integer({ min: 1, max: 40 }),
  readAt: fc.double({ min: 0, max: 1, noNaN: true }),
});

type Scenario = { items: FlowItem[]; fromOffset: number; length: number; readAt: number };

function run({ items, fromOffset, length, readAt }: Scenario) {
  const fromDay = D0 + fromOffset;
  const toDay = fromDay + length - 1;
  const asOf = Math.floor((toDay + readAt) * MS_PER_DAY);
  return {
    asOf,
    fromDay,
    toDay,
    metrics: computeFlowMetrics({ items, workflow: TEST_WORKFLOW, period: { fromDay, toDay, asOf } }),
  };
}

/** The state an item is in at a moment, read naively. */
function stateAt(item: FlowItem, moment: number): string | null {
  let state: string | null = null;
  for (const t of item.transitions) if (t.at <= moment) state = t.state;
  return state;
}

describe('flow metrics properties', () => {
  it('should sum throughput to the items that completed in the period', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { asOf, fromDay, toDay, metrics } = run(s);
        const completed = s.items.filter((item) => {
          if (stateAt(item, asOf) !== 'done') return false;
          const lastDone = item.transitions.filter((t) => t.at <= asOf && t.state === 'done').at(-1)!;
          const day = toDayNumberOf(lastDone.at);
          return day >= fromDay && day <= toDay;
        }).length;
        const daily = metrics.throughput.daily.reduce((sum, d) => sum + d.count, 0);
        const weekly = metrics.throughput.weekly.reduce((sum, w) => sum + w.count, 0);
        expect([daily, weekly, metrics.throughput.total]).toEqual([completed, completed, completed]);
      }),
      { numRuns: RUNS },
    );
  });

  it('should keep every band of the cumulative flow non-negative and summing to the items present', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { asOf, metrics } = run(s);
        for (const { day, counts } of metrics.cumulativeFlow.days) {
          const endOfDay = Math.min(asOf, (day + 1) * MS_PER_DAY - 1);
          expect(counts.every((c) => c >= 0)).toBe(true);
          const present = s.items.filter((item) => item.transitions[0]!.at <= endOfDay).length;
          expect(counts.reduce((a, b) => a + b, 0)).toBe(present);
          // And each band holds the items in that state then.
          const expected = STATES.map(
            (state) => s.items.filter((i) => stateAt(i, endOfDay) === state).length,
          );
          expect(counts).toEqual(expected);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('should never give a negative cycle time and keep percentiles in order', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { metrics } = run(s);
        for (const item of metrics.cycleTime.items) expect(item.cycleTimeDays).toBeGreaterThanOrEqual(0);
        const p = metrics.cycleTime.percentiles;
        if (p) expect([p[50] <= p[70], p[70] <= p[85], p[85] <= p[95]]).toEqual([true, true, true]);
      }),
      { numRuns: RUNS },
    );
  });

  it('should give older work an aging percentile at least as high', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { metrics } = run(s);
        if (metrics.cycleTime.count === 0) return;
        // Aging work is listed oldest first, so percentiles never rise down the list.
        for (let i = 1; i < metrics.aging.length; i++) {
          expect(metrics.aging[i]!.olderThanPercent!).toBeLessThanOrEqual(
            metrics.aging[i - 1]!.olderThanPercent!,
          );
        }
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        (days, a, b) => {
          const sorted = [...days].sort((x, y) => x - y);
          const [younger, older] = a <= b ? [a, b] : [b, a];
          expect(findAgePercentile(sorted, younger)!).toBeLessThanOrEqual(findAgePercentile(sorted, older)!);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
