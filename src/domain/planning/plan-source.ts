/**
 * A workspace's planning data as the roadmap engine reads it, and the rules that say which
 * people and which items a roadmap plans.
 */
import type { ThreePointEstimate } from '../estimation';

/** Leaf work is planned; initiatives and epics only group it. */
export const LEAF_TYPES: ReadonlySet<string> = new Set(['feature', 'task', 'bug']);
/** States of finished work, which is never planned and never waited for. */
export const CLOSED_STATES: ReadonlySet<string> = new Set(['done', 'cancelled']);

/** A member who takes planned work. */
export interface PlanPerson {
  id: string;
  name: string;
  role: string;
  fte: number;
  skills: string[];
  /** True for a person that exists only in a what-if scenario. */
  hypothetical: boolean;
}

/** An item as the plan needs it. */
export interface PlanSourceItem {
  id: string;
  number: number;
  type: string;
  title: string;
  state: string;
  parentId: string | null;
  estimate: ThreePointEstimate | null;
  skills: string[];
  assigneeId: string | null;
  targetDate: string | null;
  completedAt: Date | null;
  /** For work under way: when it last entered a started state (unknown: null or absent). */
  startedAt?: Date | null;
  dependsOn: Array<{ itemId: string; lagDays: number }>;
}

/** A workspace's planning data, before it becomes scheduler input. */
export interface PlanSource {
  /** First day of the plan (YYYY-MM-DD). */
  startDate: string;
  people: PlanPerson[];
  /** Every item of the workspace, in product order. */
  items: PlanSourceItem[];
}

/**
 * Who takes planned work: every member with FTE above 0, except viewers, and except founders
 * who list no skills (a founder who codes or designs lists the skill and is planned).
 * @param member the member's role, FTE and skills
 * @returns whether the roadmap plans work on them
 */
export function isPlannedMember(member: { role: string; fte: number; skills: readonly string[] }): boolean {
  if (member.fte <= 0) return false;
  if (member.role === 'viewer') return false;
  if (member.role === 'founder' && member.skills.length === 0) return false;
  return true;
}

/**
 * Work someone has started and not finished: in progress or in review.
 * @param item the item's state
 * @returns whether the item is under way
 */
export function isUnderWay(item: { state: string }): boolean {
  return item.state === 'in_progress' || item.state === 'in_review';
}

/**
 * Work the plan places: an open feature, task or bug.
 * @param item the item's type and state
 * @returns whether the item is an open leaf
 */
export function isOpenLeaf(item: { type: string; state: string }): boolean {
  return LEAF_TYPES.has(item.type) && !CLOSED_STATES.has(item.state);
}

/**
 * The initiative above an item, or the item itself when it is one. A parent loop ends the walk.
 * @param item where to start
 * @param byId every item by id
 * @returns the initiative, or null when there is none above
 */
export function findInitiative(
  item: PlanSourceItem,
  byId: ReadonlyMap<string, PlanSourceItem>,
): PlanSourceItem | null {
  let current: PlanSourceItem | undefined = item;
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    if (current.type === 'initiative') return current;
    seen.add(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return null;
}

/**
 * The open leaf descendants of a container (initiative or epic); the item itself when it is an
 * open leaf. Each is listed once, even when the hierarchy loops.
 * @param source the planning data
 * @param rootId the container
 * @returns its open leaves (empty for an unknown id)
 */
export function findOpenLeaves(source: PlanSource, rootId: string): PlanSourceItem[] {
  const children = new Map<string, PlanSourceItem[]>();
  for (const it of source.items) {
    if (it.parentId) children.set(it.parentId, [...(children.get(it.parentId) ?? []), it]);
  }
  const root = source.items.find((it) => it.id === rootId);
  if (!root) return [];
  const out: PlanSourceItem[] = [];
  const stack = [root];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const it = stack.pop()!;
    if (seen.has(it.id)) continue;
    seen.add(it.id);
    if (isOpenLeaf(it)) out.push(it);
    stack.push(...(children.get(it.id) ?? []));
  }
  return out;
}
