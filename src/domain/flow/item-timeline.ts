/**
 * What one item's state history says: where it stood at the end of the period, when it first
 * started and when it last entered done.
 */
import { type FlowItem, type IndexedWorkflow, stateIndex } from './workflow';

/** One item read up to a moment. */
export interface ItemTimeline {
  item: FlowItem;
  /** How many of its transitions happened at or before the moment. */
  seen: number;
  /** Its state's index at the moment, or null when it did not exist yet. */
  current: number | null;
  /** Its first entry into a started state, or null. */
  startedAt: number | null;
  /** Its last entry into done when it is done at the moment, else null. */
  finishedAt: number | null;
}

/**
 * Reads an item's history up to a moment.
 * @param item the item, transitions oldest first
 * @param workflow the indexed workflow
 * @param asOf the moment (ms); later transitions are ignored
 * @returns its state then, first start and finish
 */
export function readTimeline(item: FlowItem, workflow: IndexedWorkflow, asOf: number): ItemTimeline {
  let seen = 0;
  let current: number | null = null;
  let startedAt: number | null = null;
  let lastDoneAt: number | null = null;
  for (const transition of item.transitions) {
    if (transition.at > asOf) break;
    seen++;
    current = stateIndex(workflow, transition.state);
    const category = workflow.categories[current];
    if (category === 'started' && startedAt === null) startedAt = transition.at;
    if (category === 'done') lastDoneAt = transition.at;
  }
  const done = current !== null && workflow.categories[current] === 'done';
  return { item, seen, current, startedAt, finishedAt: done ? lastDoneAt : null };
}

/**
 * Time an item spent in flagged states between two moments.
 * @param timeline the item read up to the end of the period
 * @param workflow the indexed workflow
 * @param flags one flag per state index (waiting, blocked)
 * @param from the first moment counted (ms)
 * @param until the last moment counted (ms)
 * @returns milliseconds spent in flagged states within [from, until]
 */
export function sumFlaggedTime(
  timeline: ItemTimeline,
  workflow: IndexedWorkflow,
  flags: readonly boolean[],
  from: number,
  until: number,
): number {
  const { transitions } = timeline.item;
  let total = 0;
  for (let i = 0; i < timeline.seen; i++) {
    const transition = transitions[i]!;
    if (!flags[stateIndex(workflow, transition.state)]) continue;
    const next = i + 1 < timeline.seen ? transitions[i + 1]!.at : until;
    const start = Math.max(transition.at, from);
    const end = Math.min(next, until);
    if (end > start) total += end - start;
  }
  return total;
}
