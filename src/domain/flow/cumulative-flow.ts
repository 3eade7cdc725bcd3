/**
 * The cumulative flow diagram: how many items stood in each state at the end of each day.
 */

import { toDayNumberOf } from '../shared';
import type { ItemTimeline } from './item-timeline';
import { type IndexedWorkflow, stateIndex } from './workflow';

/** One day of the diagram: the count in each state, in workflow order. */
export interface CumulativeFlowDay {
  day: number;
  counts: number[];
}

/**
 * Counts items per state at the end of each day. Each item adds +1 to its state on the day it
 * entered it and −1 on the day it left, so the work grows with the transitions, not with
 * items × days.
 * @param timelines every item, read up to the end of the period
 * @param workflow the indexed workflow
 * @param fromDay the first day
 * @param toDay the last day (inclusive)
 * @returns one row per day; an item counts from the day of its first state on
 */
export function buildCumulativeFlow(
  timelines: readonly ItemTimeline[],
  workflow: IndexedWorkflow,
  fromDay: number,
  toDay: number,
): CumulativeFlowDay[] {
  const days = toDay - fromDay + 1;
  const states = workflow.names.length;
  // One row of changes per state, with a spare slot for changes after the period.
  const changes = new Int32Array(states * (days + 1));
  const mark = (state: number, day: number, delta: number) => {
    const offset = Math.min(Math.max(day - fromDay, 0), days);
    changes[state * (days + 1) + offset]! += delta;
  };
  for (const { item, seen } of timelines) {
    for (let i = 0; i < seen; i++) {
      const transition = item.transitions[i]!;
      const state = stateIndex(workflow, transition.state);
      // The state holds at the end of every day from its entry up to the day before the next entry.
      const entered = toDayNumberOf(transition.at);
      const left = i + 1 < seen ? toDayNumberOf(item.transitions[i + 1]!.at) : toDay + 1;
      if (left <= entered || left <= fromDay || entered > toDay) continue;
      mark(state, entered, 1);
      mark(state, left, -1);
    }
  }
  const rows: CumulativeFlowDay[] = [];
  const running = new Array<number>(states).fill(0);
  for (let offset = 0; offset < days; offset++) {
    for (let state = 0; state < states; state++) running[state]! += changes[state * (days + 1) + offset]!;
    rows.push({ day: fromDay + offset, counts: [...running] });
  }
  return rows;
}
