/**
 * What a re-plan can take over from the previous plan of the same team: when only estimates
 * changed, the whole prepared input (checked items, calendars, ranks) and the placement
 * sequence stay valid, and every placement before the first changed item stays as it was.
 */
import type { Lane, PlacementReason, Placements } from './team-placement';
import { computeEffectiveRanks, type PreparedPlan } from './team-preparation';
import type { TeamPlanInput, WorkItem } from './team-types';

/** The parts of a previous plan a re-plan reads. */
export interface ReusablePlan {
  input: TeamPlanInput;
  prepared: PreparedPlan;
  sequence: Int32Array;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function sameDependencies(a: WorkItem['dependsOn'], b: WorkItem['dependsOn']): boolean {
  if (a === b) return true;
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i]!.itemId !== y[i]!.itemId || (x[i]!.lagDays ?? 0) !== (y[i]!.lagDays ?? 0)) return false;
  }
  return true;
}

/** Whether two versions of an item differ at most in their estimate (and in fields the plan ignores). */
function differsOnlyInEffort(a: WorkItem, b: WorkItem): boolean {
  return (
    a.id === b.id &&
    a.notBefore === b.notBefore &&
    a.assigneeId === b.assigneeId &&
    a.started === b.started &&
    a.milestoneId === b.milestoneId &&
    sameList(a.skills, b.skills) &&
    sameDependencies(a.dependsOn, b.dependsOn)
  );
}

/**
 * Reuses the previous preparation when the new input has the same items in the same order and
 * only estimates changed to values that raise no new problem.
 * @param previous the previous plan's preparation and sequence (same team already checked)
 * @param input the new input
 * @returns the prepared plan, its sequence and the indices of the changed items; null when a
 * full preparation is needed
 */
export function reusePreparation(
  previous: ReusablePlan,
  input: TeamPlanInput,
): { plan: PreparedPlan; sequence: Int32Array; changed: number[] } | null {
  const before = previous.input.items;
  const after = input.items;
  if (before.length !== after.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a === b) continue;
    if (!differsOnlyInEffort(a, b)) return null;
    if (a.effortDays === b.effortDays) continue;
    // A bad estimate, or work for nobody, must be reported exactly as a full preparation would.
    if (!(Number.isFinite(b.effortDays) && b.effortDays >= 0)) return null;
    if (b.effortDays > 0 && previous.prepared.qualified[i]!.length === 0) return null;
    changed.push(i);
  }
  return { plan: { ...previous.prepared, input }, sequence: previous.sequence, changed };
}

/**
 * Reuses the previous preparation when the new input holds the same items, unchanged, in
 * another order (a reorder): every per-item array is permuted and only the effective ranks,
 * which depend on the order, are computed again.
 * @param previous the previous plan's preparation (same team already checked)
 * @param input the new input
 * @returns the prepared plan and, per new index, the old index; null when items were added,
 * removed or changed
 */
export function reusePreparationForReorder(
  previous: ReusablePlan,
  input: TeamPlanInput,
): { plan: PreparedPlan; oldIndexOf: Int32Array } | null {
  const before = previous.input.items;
  const after = input.items;
  const n = after.length;
  if (before.length !== n) return null;
  const oldIndexById = new Map<string, number>();
  before.forEach((item, o) => {
    oldIndexById.set(item.id, o);
  });
  const oldIndexOf = new Int32Array(n);
  const newIndexOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const o = oldIndexById.get(after[i]!.id);
    if (o === undefined || newIndexOf[o] !== -1) return null;
    const a = before[o]!;
    const b = after[i]!;
    if (a !== b && (!differsOnlyInEffort(a, b) || a.effortDays !== b.effortDays)) return null;
    oldIndexOf[i] = o;
    newIndexOf[o] = i;
  }
  const old = previous.prepared;
  const predecessors: number[][] = [];
  const lags: number[][] = [];
  const successors: number[][] = Array.from({ length: n }, () => []);
  const notBefore = new Int32Array(n);
  const qualified: number[][] = [];
  for (let i = 0; i < n; i++) {
    const o = oldIndexOf[i]!;
    const preds = old.predecessors[o]!.map((p) => newIndexOf[p]!);
    predecessors.push(preds);
    lags.push(old.lags[o]!);
    notBefore[i] = old.notBefore[o]!;
    qualified.push(old.qualified[o]!);
    for (const p of preds) successors[p]!.push(i);
  }
  const plan: PreparedPlan = {
    ...old,
    input,
    predecessors,
    lags,
    successors,
    notBefore,
    qualified,
    effectiveRank: computeEffectiveRanks(input.items, successors),
  };
  return { plan, oldIndexOf };
}

/**
 * Copies the placements of the first `keep` items of the sequence from an earlier plan with the
 * same item indices, and rebuilds the lanes from them in one sort per lane.
 * @param options the sequence, how many to keep, the old placements and the new state
 */
export function restoreSameIndices(options: {
  sequence: Int32Array;
  keep: number;
  old: Placements;
  state: { placements: Placements; lanes: Lane[][] };
}): void {
  const { sequence, keep, old, state } = options;
  const now = state.placements;
  const byLane = new Map<Lane, number[]>();
  for (let pos = 0; pos < keep; pos++) {
    const i = sequence[pos]!;
    now.person[i] = old.person[i]!;
    now.lane[i] = old.lane[i]!;
    now.startDay[i] = old.startDay[i]!;
    now.endDay[i] = old.endDay[i]!;
    now.durationDays[i] = old.durationDays[i]!;
    now.reason[i] = old.reason[i]!;
    now.drivenBy[i] = old.drivenBy[i]!;
    if (now.person[i]! < 0) continue;
    const lane = state.lanes[now.person[i]!]![now.lane[i]!]!;
    let members = byLane.get(lane);
    if (members === undefined) {
      members = [];
      byLane.set(lane, members);
    }
    members.push(i);
  }
  fillLanes(byLane, now);
}

/**
 * Fills lanes with their items sorted by start (items on one lane never overlap, so ends sort too).
 * @param byLane items per lane
 * @param placements where the items sit
 */
export function fillLanes(byLane: Map<Lane, number[]>, placements: Placements): void {
  for (const [lane, members] of byLane) {
    members.sort((a, b) => placements.startDay[a]! - placements.startDay[b]! || a - b);
    for (const i of members) {
      lane.starts.push(placements.startDay[i]!);
      lane.ends.push(placements.endDay[i]!);
      lane.items.push(i);
    }
  }
}

/**
 * Whether an item sits exactly where it sat in an earlier plan with the same item indices.
 * @returns true when person, lane, dates, duration and reason are all the same
 */
export function samePlacement(a: Placements, b: Placements, i: number): boolean {
  return (
    a.person[i] === b.person[i] &&
    a.lane[i] === b.lane[i] &&
    a.startDay[i] === b.startDay[i] &&
    a.endDay[i] === b.endDay[i] &&
    a.durationDays[i] === b.durationDays[i] &&
    a.drivenBy[i] === b.drivenBy[i] &&
    sameReason(a.reason[i]!, b.reason[i]!)
  );
}

function sameReason(a: PlacementReason, b: PlacementReason): boolean {
  if (a.kind !== b.kind) return false;
  return !('item' in a) || a.item === (b as { item: number }).item;
}
