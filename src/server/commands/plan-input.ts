/**
 * Loads a workspace into the roadmap scheduler's input: the open work in product order, the
 * people who take planned work, and the initiatives that act as milestones. Everything the
 * scheduler cannot take (no estimate, a skill nobody has, a cycle) is set aside with a reason,
 * so one bad item never blocks the whole plan.
 */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { itemDependencies, items, memberships, users } from '../../db/schema';
import type { TeamPlanInput, WorkItem } from '../../domain/scheduling';

/** Leaf work is planned; initiatives and epics only group it. */
const LEAF_TYPES = new Set(['feature', 'task', 'bug']);
const CLOSED_STATES = new Set(['done', 'cancelled']);

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
  estimate: { optimistic: number; likely: number; pessimistic: number } | null;
  skills: string[];
  assigneeId: string | null;
  targetDate: string | null;
  completedAt: Date | null;
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

/** Why something is not in the plan, or what the plan had to assume. */
export interface PlanIssue {
  kind:
    | 'unestimated'
    | 'missing-skill'
    | 'cycle'
    | 'assignee-cannot-take'
    | 'waits-on-unplanned'
    | 'not-planned';
  message: string;
  itemIds: string[];
  skills?: string[];
  personId?: string;
}

/** Scheduler input plus what was set aside. */
export interface PreparedRoadmap {
  input: TeamPlanInput;
  /** The PERT mean effort of each planned item, by id (days). */
  estimates: Map<string, { optimistic: number; likely: number; pessimistic: number }>;
  /** Open leaf items not in the plan, with the reason. */
  unplanned: Array<{ itemId: string; reason: PlanIssue['kind'] }>;
  issues: PlanIssue[];
  /** Milestone id (an initiative) for every planned item that has one. */
  milestoneOf: Map<string, string>;
}

/** Today as YYYY-MM-DD in UTC, the default plan start. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Who takes planned work: every member with FTE above 0, except viewers, and except founders
 * who list no skills (a founder who codes or designs lists the skill and is planned).
 */
export function isPlannedMember(member: { role: string; fte: number; skills: readonly string[] }): boolean {
  if (member.fte <= 0) return false;
  if (member.role === 'viewer') return false;
  if (member.role === 'founder' && member.skills.length === 0) return false;
  return true;
}

/**
 * Loads the people, items and dependencies of a workspace.
 * @param db the database
 * @param workspaceId the workspace
 * @param startDate the first plan day (default today, UTC)
 * @returns the planning source, items in product order
 */
export async function loadPlanSource(
  db: Database,
  workspaceId: string,
  startDate: string = todayIso(),
): Promise<PlanSource> {
  const members = await db
    .select({
      id: memberships.userId,
      name: users.name,
      role: memberships.role,
      fte: memberships.fte,
      skills: memberships.skills,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name));
  const rows = await db
    .select({
      id: items.id,
      number: items.number,
      type: items.type,
      title: items.title,
      state: items.state,
      parentId: items.parentId,
      optimistic: items.estimateOptimistic,
      likely: items.estimateLikely,
      pessimistic: items.estimatePessimistic,
      skills: items.skills,
      assigneeId: items.assigneeId,
      targetDate: items.targetDate,
      completedAt: items.completedAt,
    })
    .from(items)
    .where(eq(items.workspaceId, workspaceId))
    .orderBy(asc(items.rank));
  const deps = await db
    .select({
      itemId: itemDependencies.itemId,
      dependsOnId: itemDependencies.dependsOnId,
      lagDays: itemDependencies.lagDays,
    })
    .from(itemDependencies)
    .where(eq(itemDependencies.workspaceId, workspaceId));
  const depsOf = new Map<string, Array<{ itemId: string; lagDays: number }>>();
  for (const d of deps) {
    const list = depsOf.get(d.itemId) ?? [];
    list.push({ itemId: d.dependsOnId, lagDays: d.lagDays });
    depsOf.set(d.itemId, list);
  }
  return {
    startDate,
    people: members.filter(isPlannedMember).map((m) => ({ ...m, hypothetical: false })),
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      title: r.title,
      state: r.state,
      parentId: r.parentId,
      estimate:
        r.likely === null || r.optimistic === null || r.pessimistic === null
          ? null
          : { optimistic: r.optimistic, likely: r.likely, pessimistic: r.pessimistic },
      skills: r.skills,
      assigneeId: r.assigneeId,
      targetDate: r.targetDate,
      completedAt: r.completedAt,
      dependsOn: depsOf.get(r.id) ?? [],
    })),
  };
}

/** The PERT mean of a three-point estimate: the expected effort in days. */
export function expectedEffort(e: { optimistic: number; likely: number; pessimistic: number }): number {
  return (e.optimistic + 4 * e.likely + e.pessimistic) / 6;
}

const label = (item: { number: number; title: string }) => `#${item.number} “${item.title}”`;

/** Work someone has started and not finished: in progress or in review. */
export function isUnderWay(item: { state: string }): boolean {
  return item.state === 'in_progress' || item.state === 'in_review';
}

/** True for work the plan places: open feature, task or bug. */
export function isOpenLeaf(item: { type: string; state: string }): boolean {
  return LEAF_TYPES.has(item.type) && !CLOSED_STATES.has(item.state);
}

/** The initiative above an item (or the item itself when it is one), if any. */
function initiativeOf(item: PlanSourceItem, byId: Map<string, PlanSourceItem>): PlanSourceItem | null {
  let current: PlanSourceItem | undefined = item;
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    if (current.type === 'initiative') return current;
    seen.add(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return null;
}

/** Open leaf descendants of a container (initiative or epic); the item itself when it is a leaf. */
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

/**
 * Turns a planning source into scheduler input. Rules:
 * - planned: open features, tasks and bugs with an estimate, in product order, effort = PERT mean;
 * - a three-point estimate in `effortOverride` replaces the stored one (what-if, forecast trials);
 * - an item needing a skill no planned person has is set aside, and so is a dependency cycle;
 * - a dependency on finished work is met; on an epic or initiative it means its open work; on an
 *   item that is not planned (no estimate, set aside) it is dropped and reported, so the item's
 *   start assumes that work takes no time;
 * - an assignee who is planned and has the skills pins the item, and so does the assignee of
 *   work under way (in progress or in review) whatever its skills; otherwise the pin is dropped
 *   and reported;
 * - initiatives with a target date are milestones, reached when their last open work finishes.
 * @param source the workspace's planning data
 * @returns scheduler input, the set-aside items and the issues found
 */
export function prepareRoadmapInput(source: PlanSource): PreparedRoadmap {
  const byId = new Map(source.items.map((it) => [it.id, it]));
  const issues: PlanIssue[] = [];
  const unplanned: PreparedRoadmap['unplanned'] = [];
  const excluded = new Set<string>();
  const candidates = source.items.filter(isOpenLeaf);
  const skillHolders = (skills: readonly string[]) =>
    source.people.filter((p) => p.fte > 0 && skills.every((s) => p.skills.includes(s)));

  const unestimated = candidates.filter((it) => it.estimate === null);
  for (const it of unestimated) {
    excluded.add(it.id);
    unplanned.push({ itemId: it.id, reason: 'unestimated' });
  }
  if (unestimated.length > 0) {
    issues.push({
      kind: 'unestimated',
      message: `${unestimated.length} open item${unestimated.length === 1 ? ' has' : 's have'} no estimate and ${unestimated.length === 1 ? 'is' : 'are'} not planned: ask the tech side to estimate ${unestimated.length === 1 ? 'it' : 'them'}`,
      itemIds: unestimated.map((it) => it.id),
    });
  }
  for (const it of candidates) {
    if (excluded.has(it.id)) continue;
    const effort = expectedEffort(it.estimate!);
    if (effort > 0 && skillHolders(it.skills).length === 0) {
      excluded.add(it.id);
      unplanned.push({ itemId: it.id, reason: 'missing-skill' });
      issues.push({
        kind: 'missing-skill',
        message: `${label(it)} needs ${it.skills.join(' + ')} and nobody on the team has ${it.skills.length > 1 ? 'all of them' : 'it'}`,
        itemIds: [it.id],
        skills: [...it.skills],
      });
    }
  }

  const planned = candidates.filter((it) => !excluded.has(it.id));
  const plannedIds = new Set(planned.map((it) => it.id));
  const milestoneOf = new Map<string, string>();
  const milestones = new Map<string, { id: string; name: string; targetDate?: string }>();
  const workItems: WorkItem[] = planned.map((it) => {
    const dependsOn: Array<{ itemId: string; lagDays: number }> = [];
    for (const dep of it.dependsOn) {
      const target = byId.get(dep.itemId);
      if (!target || CLOSED_STATES.has(target.state)) continue;
      const targets = LEAF_TYPES.has(target.type) ? [target] : findOpenLeaves(source, target.id);
      for (const t of targets) {
        if (plannedIds.has(t.id)) dependsOn.push({ itemId: t.id, lagDays: dep.lagDays });
        else {
          issues.push({
            kind: 'waits-on-unplanned',
            message: `${label(it)} waits for ${label(t)}, which is not planned: its dates assume that work takes no time`,
            itemIds: [it.id, t.id],
          });
        }
      }
    }
    let assigneeId: string | undefined;
    const started = isUnderWay(it);
    if (it.assigneeId) {
      const person = source.people.find((p) => p.id === it.assigneeId);
      // Work under way stays with the person doing it, whatever skills it lists.
      if (person && person.fte > 0 && (started || it.skills.every((s) => person.skills.includes(s))))
        assigneeId = person.id;
      else {
        issues.push({
          kind: 'assignee-cannot-take',
          message: person
            ? `${label(it)} is assigned to ${person.name}, who lacks ${it.skills.filter((s) => !person.skills.includes(s)).join(' + ')}: planned on someone who has the skills`
            : `${label(it)} is assigned to someone who takes no planned work: planned on someone else`,
          itemIds: [it.id],
          personId: it.assigneeId,
        });
      }
    }
    const initiative = initiativeOf(it, byId);
    let milestoneId: string | undefined;
    if (initiative?.targetDate) {
      milestoneId = initiative.id;
      milestoneOf.set(it.id, initiative.id);
      milestones.set(initiative.id, {
        id: initiative.id,
        name: initiative.title,
        targetDate: initiative.targetDate,
      });
    }
    return {
      id: it.id,
      title: it.title,
      effortDays: expectedEffort(it.estimate!),
      skills: it.skills,
      dependsOn,
      ...(milestoneId ? { milestoneId } : {}),
      ...(assigneeId ? { assigneeId } : {}),
      ...(started ? { started } : {}),
    };
  });
  // Initiatives with a target but no open planned work are still milestones (done or blocked).
  for (const it of source.items) {
    if (it.type === 'initiative' && it.targetDate && !milestones.has(it.id)) {
      milestones.set(it.id, { id: it.id, name: it.title, targetDate: it.targetDate });
    }
  }
  return {
    input: {
      startDate: source.startDate,
      items: workItems,
      people: source.people.map((p) => ({ id: p.id, name: p.name, fte: p.fte, skills: p.skills })),
      milestones: [...milestones.values()],
    },
    estimates: new Map(planned.map((it) => [it.id, it.estimate!])),
    unplanned,
    issues,
    milestoneOf,
  };
}

/**
 * Removes items from prepared input (after the scheduler found a cycle or another item-level
 * problem), dropping dependencies on them.
 * @param prepared the prepared input
 * @param ids items to take out
 * @param reason why, for the unplanned list
 * @returns a new prepared input without them
 */
export function withoutItems(
  prepared: PreparedRoadmap,
  ids: ReadonlySet<string>,
  reason: PlanIssue['kind'],
): PreparedRoadmap {
  return {
    ...prepared,
    input: {
      ...prepared.input,
      items: prepared.input.items
        .filter((it) => !ids.has(it.id))
        .map((it) => ({ ...it, dependsOn: (it.dependsOn ?? []).filter((d) => !ids.has(d.itemId)) })),
    },
    unplanned: [...prepared.unplanned, ...[...ids].map((itemId) => ({ itemId, reason }))],
  };
}
