/**
 * The team roadmap scheduler: places ordered work onto people, and re-plans incrementally
 * after a small change by replaying only the part of the placement sequence it affects.
 */
import { summarisePlan } from './plan-summary';
import { replayWithCopies } from './replan-replay';
import { fillLanes, restoreSameIndices, reusePreparation, reusePreparationForReorder } from './replan-reuse';
import { createPlacementState, type Lane, type Placements, placeItem, sequenceItems } from './team-placement';
import { type PreparedPlan, preparePlan } from './team-preparation';
import type { TeamPlanInput, TeamPlanResult, WorkItem } from './team-types';

/** What a later re-plan needs from an earlier one. Treat as opaque. */
export interface PlanMemory {
  input: TeamPlanInput;
  teamKey: string;
  sequenceIds: string[];
  signatures: string[];
  placements: Placements;
  /** The checked input, calendars included, reused when only estimates change. */
  prepared?: PreparedPlan;
  sequence?: Int32Array;
  /** The readable plan, whose unchanged entries a re-plan takes over. */
  result?: TeamPlanResult;
}

/** A plan plus the memory for incremental re-planning. */
export interface IncrementalPlan {
  result: TeamPlanResult;
  memory: PlanMemory | null;
  /** How many items were placed again or checked and copied (all of them for a full plan). */
  replacedItems: number;
  /** Of those, how many were really placed again (absent when all of them were). */
  placedAgain?: number;
}

/**
 * Plans the ordered work onto the team. Deterministic: the same input gives the same plan.
 * @param input items in product order, people, milestones, start date
 * @returns the plan, or the problems that make one impossible (cycle, missing skill, …)
 */
export function buildSchedule(input: TeamPlanInput): TeamPlanResult {
  return planIncrementally(input).result;
}

function signatureOf(item: WorkItem): string {
  const deps = (item.dependsOn ?? []).map((d) => `${d.itemId}+${d.lagDays ?? 0}`).join(',');
  return `${item.id}|${item.effortDays}|${(item.skills ?? []).join(',')}|${deps}|${item.notBefore ?? ''}|${item.assigneeId ?? ''}|${item.started === true}`;
}

function teamKeyOf(input: TeamPlanInput): string {
  return JSON.stringify([input.startDate, input.people, input.holidays ?? []]);
}

/**
 * Plans, reusing a previous plan of the same team when given: items placed before the first
 * position where the placement sequence or an item changed keep their placement, the rest are
 * placed again. The result is identical to a full plan of the new input.
 * @param input the (possibly changed) input
 * @param previous the earlier plan of this team, if any
 * @returns the plan and the memory for the next re-plan
 */
export function planIncrementally(input: TeamPlanInput, previous?: IncrementalPlan): IncrementalPlan {
  const memory = previous?.memory;
  if (memory?.prepared !== undefined && memory.sequence !== undefined) {
    const fast = replanEstimates(input, memory) ?? replanReorder(input, memory);
    if (fast !== null) return fast;
  }
  const prepared = preparePlan(input);
  if (!prepared.ok)
    return { result: { status: 'infeasible', problems: prepared.problems }, memory: null, replacedItems: 0 };
  const plan = prepared.plan;
  const sequence = sequenceItems(plan);
  const n = plan.itemCount;
  const sequenceIds = Array.from(sequence, (i) => input.items[i]!.id);
  const signatures = Array.from(sequence, (i) => signatureOf(input.items[i]!));
  const teamKey = teamKeyOf(input);
  const state = createPlacementState(plan);

  let keep = 0;
  if (memory && memory.teamKey === teamKey) {
    const limit = Math.min(n, memory.sequenceIds.length);
    while (
      keep < limit &&
      memory.sequenceIds[keep] === sequenceIds[keep] &&
      memory.signatures[keep] === signatures[keep]
    ) {
      keep++;
    }
    restorePrefix(plan, state, sequence, keep, memory);
  }
  for (let pos = keep; pos < n; pos++) placeItem(plan, state, sequence[pos]!);
  const result = summarisePlan(plan, state.placements);
  return {
    result,
    memory: {
      input,
      teamKey,
      sequenceIds,
      signatures,
      placements: state.placements,
      prepared: plan,
      sequence,
      result,
    },
    replacedItems: n - keep,
  };
}

function sameTeam(a: TeamPlanInput, b: TeamPlanInput, teamKey: string): boolean {
  if (a.startDate !== b.startDate) return false;
  if (a.people === b.people && a.holidays === b.holidays) return true;
  return teamKeyOf(b) === teamKey;
}

/**
 * The fast path when only estimates changed: the preparation and sequence are reused, placements
 * before the first changed item are copied, and unchanged entries of the summary are kept.
 * @returns the plan, or null when the change needs the general path
 */
function replanEstimates(input: TeamPlanInput, memory: PlanMemory): IncrementalPlan | null {
  const { prepared, sequence, result: earlier } = memory;
  if (prepared === undefined || sequence === undefined || earlier?.status !== 'planned') return null;
  if (!sameTeam(memory.input, input, memory.teamKey)) return null;
  const reuse = reusePreparation({ input: memory.input, prepared, sequence }, input);
  if (reuse === null) return null;
  const { plan, changed } = reuse;
  const n = plan.itemCount;
  let keep = n;
  const signatures = changed.length === 0 ? memory.signatures : [...memory.signatures];
  if (changed.length > 0) {
    const position = new Int32Array(n);
    for (let pos = 0; pos < n; pos++) position[sequence[pos]!] = pos;
    for (const i of changed) {
      keep = Math.min(keep, position[i]!);
      signatures[position[i]!] = signatureOf(input.items[i]!);
    }
  }
  const state = createPlacementState(plan);
  restoreSameIndices({ sequence, keep, old: memory.placements, state });
  const isChanged = new Uint8Array(n);
  for (const i of changed) isChanged[i] = 1;
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  const placedAgain = replayWithCopies({
    plan,
    state,
    sequence,
    keep,
    previous: { placements: memory.placements, oldIndexOf: identity, newIndexOf: identity, sequence },
    changed: isChanged,
    place: (item) => placeItem(plan, state, item),
  });
  const result = summarisePlan(plan, state.placements, {
    placements: memory.placements,
    input: memory.input,
    items: earlier.items,
  });
  return {
    result,
    memory: { ...memory, input, signatures, placements: state.placements, prepared: plan, result },
    replacedItems: n - keep,
    placedAgain,
  };
}

/**
 * The fast path for a reorder of unchanged items: the preparation is permuted instead of redone,
 * signatures are carried over by item, placements before the first change of the placement
 * sequence are copied, and summary entries that cannot differ are kept.
 * @returns the plan, or null when the change needs the general path
 */
function replanReorder(input: TeamPlanInput, memory: PlanMemory): IncrementalPlan | null {
  const { prepared, sequence: oldSequence, result: earlier } = memory;
  if (prepared === undefined || oldSequence === undefined || earlier?.status !== 'planned') return null;
  if (!sameTeam(memory.input, input, memory.teamKey)) return null;
  const reuse = reusePreparationForReorder({ input: memory.input, prepared, sequence: oldSequence }, input);
  if (reuse === null) return null;
  const { plan, oldIndexOf } = reuse;
  const n = plan.itemCount;
  const sequence = sequenceItems(plan);
  const signatureByOld: string[] = new Array(n);
  for (let pos = 0; pos < n; pos++) signatureByOld[oldSequence[pos]!] = memory.signatures[pos]!;
  const sequenceIds = Array.from(sequence, (i) => input.items[i]!.id);
  const signatures = Array.from(sequence, (i) => signatureByOld[oldIndexOf[i]!]!);
  let keep = 0;
  while (keep < n && memory.sequenceIds[keep] === sequenceIds[keep]) keep++;
  const state = createPlacementState(plan);
  restorePrefix(plan, state, sequence, keep, memory);
  const newIndexOf = new Int32Array(n);
  for (let i = 0; i < n; i++) newIndexOf[oldIndexOf[i]!] = i;
  const placedAgain = replayWithCopies({
    plan,
    state,
    sequence,
    keep,
    previous: { placements: memory.placements, oldIndexOf, newIndexOf, sequence: oldSequence },
    changed: new Uint8Array(n),
    place: (item) => placeItem(plan, state, item),
  });
  const result = summarisePlan(plan, state.placements, {
    input: memory.input,
    placements: memory.placements,
    items: earlier.items,
  });
  return {
    result,
    memory: {
      ...memory,
      input,
      sequenceIds,
      signatures,
      placements: state.placements,
      prepared: plan,
      sequence,
      result,
    },
    replacedItems: n - keep,
    placedAgain,
  };
}

/** Copies the first `keep` placements of the old plan (mapped by item id) and rebuilds the lanes. */
function restorePrefix(
  plan: PreparedPlan,
  state: { placements: Placements; lanes: Lane[][] },
  sequence: Int32Array,
  keep: number,
  memory: PlanMemory,
): void {
  if (keep === 0) return;
  const idToNew = new Map<string, number>();
  plan.input.items.forEach((item, i) => {
    idToNew.set(item.id, i);
  });
  const oldItems = memory.input.items;
  const oldToNew = new Int32Array(oldItems.length);
  const newToOld = new Int32Array(plan.itemCount).fill(-1);
  oldItems.forEach((item, o) => {
    const i = idToNew.get(item.id) ?? -1;
    oldToNew[o] = i;
    if (i >= 0) newToOld[i] = o;
  });
  const remap = (o: number) => (o < 0 ? -1 : oldToNew[o]!);
  const old = memory.placements;
  const now = state.placements;
  const byLane = new Map<Lane, number[]>();
  for (let pos = 0; pos < keep; pos++) {
    const i = sequence[pos]!;
    const o = newToOld[i]!;
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
