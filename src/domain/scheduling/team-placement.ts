/**
 * Serial schedule generation for a team: items are taken in product order (respecting
 * dependencies) and each is placed on the qualified person and WIP lane where it finishes
 * first, at the earliest working day when its dependencies are done and the lane is free.
 * Later items may fill gaps left earlier but never push an already placed item.
 */
import type { PreparedPlan } from './team-preparation';

/** The busy intervals of one WIP lane of one person, sorted by start (ends are then sorted too). */
export interface Lane {
  starts: number[];
  ends: number[];
  items: number[];
}

/** Why an item starts when it does, in index form; `busy` becomes order/person in the output. */
export type PlacementReason =
  | { kind: 'ready' }
  | { kind: 'fixed-date' }
  | { kind: 'dependency'; item: number }
  | { kind: 'calendar' }
  | { kind: 'skill'; item: number }
  | { kind: 'busy'; item: number };

/** Where every placed item sits. Arrays are indexed by item (product-order position). */
export interface Placements {
  person: Int32Array;
  lane: Int32Array;
  startDay: Int32Array;
  endDay: Int32Array;
  durationDays: Int32Array;
  reason: PlacementReason[];
  /** The item whose finish fixed this start (dependency or the busy item before it), or -1. */
  drivenBy: Int32Array;
}

/**
 * The order in which items are placed: repeatedly the eligible item (all dependencies placed)
 * with the best effective rank, then own rank.
 * @param plan the prepared plan
 * @returns item indices in placement order
 */
export function sequenceItems(plan: PreparedPlan): Int32Array {
  const n = plan.itemCount;
  const key = (i: number) => plan.effectiveRank[i]! * n + i;
  const missing = new Int32Array(n);
  const heap: number[] = [];
  const push = (i: number) => {
    heap.push(i);
    let c = heap.length - 1;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (key(heap[parent]!) <= key(heap[c]!)) break;
      [heap[parent], heap[c]] = [heap[c]!, heap[parent]!];
      c = parent;
    }
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < heap.length && key(heap[l]!) < key(heap[m]!)) m = l;
        if (r < heap.length && key(heap[r]!) < key(heap[m]!)) m = r;
        if (m === c) break;
        [heap[m], heap[c]] = [heap[c]!, heap[m]!];
        c = m;
      }
    }
    return top;
  };
  for (let i = 0; i < n; i++) {
    missing[i] = plan.predecessors[i]!.length;
    if (missing[i] === 0) push(i);
  }
  const sequence = new Int32Array(n);
  for (let pos = 0; pos < n; pos++) {
    const i = pop();
    sequence[pos] = i;
    for (const s of plan.successors[i]!) {
      missing[s]! -= 1;
      if (missing[s] === 0) push(s);
    }
  }
  return sequence;
}

/**
 * Allocates empty placements and lanes for a prepared plan.
 * @returns placements (all unset) and, per person, their WIP lanes
 */
export function createPlacementState(plan: PreparedPlan): { placements: Placements; lanes: Lane[][] } {
  const n = plan.itemCount;
  return {
    placements: {
      person: new Int32Array(n).fill(-1),
      lane: new Int32Array(n).fill(-1),
      startDay: new Int32Array(n),
      endDay: new Int32Array(n),
      durationDays: new Int32Array(n),
      reason: new Array<PlacementReason>(n).fill({ kind: 'ready' }),
      drivenBy: new Int32Array(n).fill(-1),
    },
    lanes: plan.people.map((p) =>
      Array.from({ length: p.wipLimit }, () => ({ starts: [], ends: [], items: [] })),
    ),
  };
}

/**
 * Working days an item takes for a person: effort / (FTE / WIP limit), rounded up, at least 1.
 * @returns the duration in the person's working days
 */
export function durationFor(effortDays: number, fte: number, wipLimit: number): number {
  if (effortDays <= 0) return 0;
  return Math.max(1, Math.ceil((effortDays * wipLimit) / fte - 1e-9));
}

/** First index whose interval ends after `day`. */
function firstEndingAfter(lane: Lane, day: number): number {
  let lo = 0;
  let hi = lane.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lane.ends[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Earliest start on a lane at or after `ready`: a working day of the person from which
 * `duration` working days fit before the next busy interval.
 * @returns start and exclusive end day
 */
export function findEarliestSlot(
  lane: Lane,
  calendar: { nextWorkingDay(day: number): number; finishAfter(start: number, days: number): number },
  ready: number,
  duration: number,
): { start: number; end: number } {
  let t = ready;
  let idx = firstEndingAfter(lane, t);
  for (;;) {
    const start = calendar.nextWorkingDay(t);
    const end = calendar.finishAfter(start, duration);
    while (idx < lane.ends.length && lane.ends[idx]! <= start) idx++;
    if (idx < lane.starts.length && lane.starts[idx]! < end) {
      t = lane.ends[idx]!;
      idx++;
      continue;
    }
    return { start, end };
  }
}

/**
 * Like {@link findEarliestSlot}, but gives up as soon as the slot could no longer beat the best
 * found so far (ending earlier, or as early and starting earlier): the walk along a packed lane
 * only moves later, so it can stop there.
 * @returns the slot, or null when it cannot beat `bestEnd`/`bestStart`
 */
function findSlotBeating(
  lane: Lane,
  calendar: { nextWorkingDay(day: number): number; finishAfter(start: number, days: number): number },
  ready: number,
  duration: number,
  bestEnd: number,
  bestStart: number,
): { start: number; end: number } | null {
  let t = ready;
  let idx = firstEndingAfter(lane, t);
  for (;;) {
    const start = calendar.nextWorkingDay(t);
    const end = calendar.finishAfter(start, duration);
    if (end > bestEnd || (end === bestEnd && start >= bestStart)) return null;
    while (idx < lane.ends.length && lane.ends[idx]! <= start) idx++;
    if (idx < lane.starts.length && lane.starts[idx]! < end) {
      t = lane.ends[idx]!;
      idx++;
      continue;
    }
    return { start, end };
  }
}

/**
 * Marks [start, end) busy on a lane for an item.
 */
export function occupyLane(lane: Lane, start: number, end: number, item: number): void {
  let lo = 0;
  let hi = lane.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lane.starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  if (lo === lane.starts.length) {
    lane.starts.push(start);
    lane.ends.push(end);
    lane.items.push(item);
  } else {
    lane.starts.splice(lo, 0, start);
    lane.ends.splice(lo, 0, end);
    lane.items.splice(lo, 0, item);
  }
}

/** The item on the lane that ends last at or before `day`, if it ends after `after`. */
function busyItemBefore(lane: Lane, day: number, after: number): number {
  const idx = firstEndingAfter(lane, day) - 1;
  if (idx < 0) return -1;
  return lane.ends[idx]! > after ? lane.items[idx]! : -1;
}

/**
 * Places one item (its dependencies are already placed) and records why it starts then.
 * @param plan the prepared plan
 * @param state placements and lanes, updated in place
 * @param item the item index
 */
export function placeItem(
  plan: PreparedPlan,
  state: { placements: Placements; lanes: Lane[][] },
  item: number,
): void {
  const { placements, lanes } = state;
  const spec = plan.input.items[item]!;
  let ready = plan.notBefore[item]!;
  let readyReason: PlacementReason = ready > 0 ? { kind: 'fixed-date' } : { kind: 'ready' };
  let readyDriver = -1;
  const preds = plan.predecessors[item]!;
  for (let k = 0; k < preds.length; k++) {
    const p = preds[k]!;
    const t = placements.endDay[p]! + plan.lags[item]![k]!;
    if (t > ready || (t === ready && readyDriver < 0 && t > 0)) {
      ready = t;
      readyReason = { kind: 'dependency', item: p };
      readyDriver = p;
    }
  }
  if (spec.effortDays <= 0) {
    placements.startDay[item] = ready;
    placements.endDay[item] = ready;
    placements.reason[item] = readyReason;
    placements.drivenBy[item] = readyDriver;
    return;
  }
  let best = { person: -1, lane: -1, start: 0, end: Number.POSITIVE_INFINITY, duration: 0 };
  for (const q of plan.qualified[item]!) {
    const person = plan.people[q]!;
    const duration = durationFor(spec.effortDays, person.fte, person.wipLimit);
    const personLanes = lanes[q]!;
    for (let l = 0; l < personLanes.length; l++) {
      const slot = findSlotBeating(personLanes[l]!, person.calendar, ready, duration, best.end, best.start);
      if (slot !== null) best = { person: q, lane: l, start: slot.start, end: slot.end, duration };
    }
  }
  const person = plan.people[best.person]!;
  const firstDay = person.calendar.nextWorkingDay(ready);
  let reason: PlacementReason = readyReason;
  let driver = readyDriver;
  if (best.start > firstDay) {
    const blocker = busyItemBefore(lanes[best.person]![best.lane]!, best.start, ready);
    driver = blocker;
    reason = { kind: 'busy', item: blocker };
    if (
      (spec.skills?.length ?? 0) > 0 &&
      spec.assigneeId === undefined &&
      someoneElseIsFree(plan, lanes, item, ready)
    ) {
      reason = { kind: 'skill', item: blocker };
    }
  } else if (best.start > ready) {
    for (let d = ready; d < best.start; d++) {
      if (person.calendar.isWorkingWeekday(d)) {
        reason = { kind: 'calendar' };
        break;
      }
    }
  }
  placements.person[item] = best.person;
  placements.lane[item] = best.lane;
  placements.startDay[item] = best.start;
  placements.endDay[item] = best.end;
  placements.durationDays[item] = best.duration;
  placements.reason[item] = reason;
  placements.drivenBy[item] = driver;
  occupyLane(lanes[best.person]![best.lane]!, best.start, best.end, item);
}

/** Whether someone outside the qualified set could have started the item when it was ready. */
function someoneElseIsFree(plan: PreparedPlan, lanes: Lane[][], item: number, ready: number): boolean {
  const qualified = new Uint8Array(plan.people.length);
  for (const q of plan.qualified[item]!) qualified[q] = 1;
  const effort = plan.input.items[item]!.effortDays;
  for (const person of plan.people) {
    if (qualified[person.index] === 1) continue;
    const duration = durationFor(effort, person.fte, person.wipLimit);
    const first = person.calendar.nextWorkingDay(ready);
    const end = person.calendar.finishAfter(first, duration);
    // Free from its first working day: the first busy stretch ending after that day starts after `end`.
    for (const lane of lanes[person.index]!) {
      const idx = firstEndingAfter(lane, first);
      if (idx >= lane.starts.length || lane.starts[idx]! >= end) return true;
    }
  }
  return false;
}
