/**
 * The team roadmap scheduler: places ordered work onto people, and re-plans incrementally
 * after a small change by replaying only the part of the placement sequence it affects.
 */
import { summarisePlan } from './plan-summary';
import {
  createPlacementState,
  type Lane,
  occupyLane,
  type Placements,
  placeItem,
  sequenceItems,
} from './team-placement';
import { type PreparedPlan, preparePlan } from './team-preparation';
import type { TeamPlanInput, TeamPlanResult, WorkItem } from './team-types';

/** What a later re-plan needs from an earlier one. Treat as opaque. */
export interface PlanMemory {
  input: TeamPlanInput;
  teamKey: string;
  sequenceIds: string[];
  signatures: string[];
  placements: Placements;
}

/** A plan plus the memory for incremental re-planning. */
export interface IncrementalPlan {
  result: TeamPlanResult;
  memory: PlanMemory | null;
  /** How many items were placed again (all of them for a full plan). */
  replacedItems: number;
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
  return `${item.id}|${item.effortDays}|${(item.skills ?? []).join(',')}|${deps}|${item.notBefore ?? ''}|${item.assigneeId ?? ''}`;
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
  const memory = previous?.memory;
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
  return {
    result: summarisePlan(plan, state.placements),
    memory: { input, teamKey, sequenceIds, signatures, placements: state.placements },
    replacedItems: n - keep,
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
  const oldIndex = new Map<string, number>();
  memory.input.items.forEach((item, i) => {
    oldIndex.set(item.id, i);
  });
  const idToNew = new Map<string, number>();
  plan.input.items.forEach((item, i) => {
    idToNew.set(item.id, i);
  });
  const old = memory.placements;
  const now = state.placements;
  for (let pos = 0; pos < keep; pos++) {
    const i = sequence[pos]!;
    const o = oldIndex.get(plan.input.items[i]!.id)!;
    now.person[i] = old.person[o]!;
    now.lane[i] = old.lane[o]!;
    now.startDay[i] = old.startDay[o]!;
    now.endDay[i] = old.endDay[o]!;
    now.durationDays[i] = old.durationDays[o]!;
    const reason = old.reason[o]!;
    const remap = (oi: number) => idToNew.get(memory.input.items[oi]?.id ?? '') ?? -1;
    now.reason[i] = 'item' in reason ? { ...reason, item: remap(reason.item) } : reason;
    now.drivenBy[i] = old.drivenBy[o]! < 0 ? -1 : remap(old.drivenBy[o]!);
    if (now.person[i]! >= 0)
      occupyLane(state.lanes[now.person[i]!]![now.lane[i]!]!, now.startDay[i]!, now.endDay[i]!, i);
  }
}
