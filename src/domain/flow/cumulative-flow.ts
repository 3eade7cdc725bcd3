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
  const stride = days + 1;
  const changes = new Int32Array(states * stride);
  // A day's offset in a row: days before the period count from its first day, days after it go to the spare slot.
  const offsetOf = (day: number) => (day < fromDay ? 0 : day > toDay ? days : day - fromDay);
  for (const { item, seen } of timelines) {
    const transitions = item.transitions;
    let entered = seen > 0 ? toDayNumberOf(transitions[0]!.at) : 0;
    for (let i = 0; i < seen; i++) {
      // The state holds at the end of every day from its entry up to the day before the next entry.
      const left = i + 1 < seen ? toDayNumberOf(transitions[i + 1]!.at) : toDay + 1;
      if (left > entered && left > fromDay && entered <= toDay) {
        const row = stateIndex(workflow, transitions[i]!.state) * stride;
        changes[row + offsetOf(entered)]! += 1;
        changes[row + offsetOf(left)]! -= 1;
      }
      entered = left;
    }
  }
  const rows: CumulativeFlowDay[] = [];
  const running = new Array<number>(states).fill(0);
  for (let offset = 0; offset < days; offset++) {
    for (let state = 0; state < states; state++) running[state]! += changes[state * stride + offset]!;
    rows.push({ day: fromDay + offset, counts: [...running] });
  }
  return rows;
}
