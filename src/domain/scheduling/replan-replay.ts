/**
 * Replaying the placement sequence after a small change (an estimate, a reorder): an item is
 * copied from the previous plan when nothing it looked at can differ, and placed again otherwise.
 */
import type { Lane, Placements } from './team-placement';
import type { PreparedPlan } from './team-preparation';

/** How the previous plan lines up with the new one. */
export interface PreviousRun {
  /** Placements of the previous plan, indexed by its own item indices. */
  placements: Placements;
  /** Per new item index, its index in the previous plan. */
  oldIndexOf: Int32Array;
  /** Per previous item index, its index in the new plan. */
  newIndexOf: Int32Array;
  /** The previous placement sequence (previous item indices). */
  sequence: Int32Array;
}

/**
 * Places the items from position `keep` of the sequence, copying each from the previous plan
 * when it is provably unchanged: its estimate and dependencies' placements are the same, and
 * every lane it searched (its qualified people's, or everyone's when it had to explain a skill
 * wait) differs from the lanes it saw in the previous run only in stretches that end by the day
 * it became ready. Lanes differ through items placed differently and items whose turn in the
 * sequence moved.
 * @param options the new plan and state (prefix already restored), the sequence, where to
 * start, the previous run, which items changed (new indices) and how to place one item
 * @returns how many items were really placed again
 */
export function replayWithCopies(options: {
  plan: PreparedPlan;
  state: { placements: Placements; lanes: Lane[][] };
  sequence: Int32Array;
  keep: number;
  previous: PreviousRun;
  changed: Uint8Array;
  place: (item: number) => void;
}): number {
  const { plan, state, sequence, keep, previous, changed, place } = options;
  const { placements: old, oldIndexOf, newIndexOf } = previous;
  const now = state.placements;
  const n = plan.itemCount;
  const dirty = { until: new Int32Array(plan.people.length).fill(-1), any: -1 };
  const markDirty = (person: number, end: number) => {
    if (person < 0) return;
    if (end > dirty.until[person]!) dirty.until[person] = end;
    if (end > dirty.any) dirty.any = end;
  };
  const placed = new Uint8Array(n);
  for (let pos = 0; pos < keep; pos++) placed[sequence[pos]!] = 1;
  const oldPosition = new Int32Array(n);
  previous.sequence.forEach((o, pos) => {
    oldPosition[o] = pos;
  });
  // Old positions before `scan` are settled: each item there is placed, or marked as missing.
  let scan = 0;
  const differs = new Uint8Array(n);
  let placedAgain = 0;
  const remap = (o: number) => (o < 0 ? -1 : newIndexOf[o]!);
  for (let pos = keep; pos < n; pos++) {
    const i = sequence[pos]!;
    const o = oldIndexOf[i]!;
    // Items placed before i in the previous run but not yet now: their old stretches are missing.
    for (; scan < oldPosition[o]!; scan++) {
      const other = previous.sequence[scan]!;
      if (placed[remap(other)] === 0) markDirty(old.person[other]!, old.endDay[other]!);
    }
    if (needsPlacing(plan, { i, o, old, oldIndexOf, changed, differs, dirty })) {
      place(i);
      placedAgain++;
      if (!samePlacementMapped(old, o, now, i, remap)) {
        differs[i] = 1;
        markDirty(old.person[o]!, old.endDay[o]!);
        markDirty(now.person[i]!, now.endDay[i]!);
      }
    } else {
      now.person[i] = old.person[o]!;
      now.lane[i] = old.lane[o]!;
      now.startDay[i] = old.startDay[o]!;
      now.endDay[i] = old.endDay[o]!;
      now.durationDays[i] = old.durationDays[o]!;
      const reason = old.reason[o]!;
      now.reason[i] =
        'item' in reason && remap(reason.item) !== reason.item
          ? { ...reason, item: remap(reason.item) }
          : reason;
      now.drivenBy[i] = remap(old.drivenBy[o]!);
      if (now.person[i]! >= 0) {
        occupyLaneAt(state.lanes[now.person[i]!]![now.lane[i]!]!, now.startDay[i]!, now.endDay[i]!, i);
      }
    }
    placed[i] = 1;
    // An item placed ahead of one that preceded it before adds a stretch that one never saw, but
    // that one was marked missing on its own lane when the scan passed it, so it is placed again.
  }
  return placedAgain;
}

function needsPlacing(
  plan: PreparedPlan,
  s: {
    i: number;
    o: number;
    old: Placements;
    oldIndexOf: Int32Array;
    changed: Uint8Array;
    differs: Uint8Array;
    dirty: { until: Int32Array; any: number };
  },
): boolean {
  const { i, o, old, oldIndexOf, changed, differs, dirty } = s;
  if (changed[i] === 1) return true;
  const preds = plan.predecessors[i]!;
  let ready = plan.notBefore[i]!;
  for (let k = 0; k < preds.length; k++) {
    const p = preds[k]!;
    if (differs[p] === 1) return true;
    const t = old.endDay[oldIndexOf[p]!]! + plan.lags[i]![k]!;
    if (t > ready) ready = t;
  }
  if (plan.input.items[i]!.effortDays <= 0 || dirty.any <= ready) return false;
  for (const q of plan.qualified[i]!) if (dirty.until[q]! > ready) return true;
  // A wait explained as a skill wait looked at everyone's lanes.
  const kind = old.reason[o]!.kind;
  return kind === 'busy' || kind === 'skill';
}

/** Whether new item i sits exactly where it sat as old item o (reason and driver mapped to new indices). */
function samePlacementMapped(
  old: Placements,
  o: number,
  now: Placements,
  i: number,
  remap: (o: number) => number,
): boolean {
  if (
    old.person[o] !== now.person[i] ||
    old.lane[o] !== now.lane[i] ||
    old.startDay[o] !== now.startDay[i] ||
    old.endDay[o] !== now.endDay[i] ||
    old.durationDays[o] !== now.durationDays[i] ||
    remap(old.drivenBy[o]!) !== now.drivenBy[i]
  ) {
    return false;
  }
  const a = old.reason[o]!;
  const b = now.reason[i]!;
  if (a.kind !== b.kind) return false;
  return !('item' in a) || remap(a.item) === (b as { item: number }).item;
}

/** Inserts [start, end) for an item into a lane kept sorted by start. */
function occupyLaneAt(lane: Lane, start: number, end: number, item: number): void {
  let lo = 0;
  let hi = lane.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lane.starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  lane.starts.splice(lo, 0, start);
  lane.ends.splice(lo, 0, end);
  lane.items.splice(lo, 0, item);
}
