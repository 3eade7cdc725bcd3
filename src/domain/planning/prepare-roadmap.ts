/**
 * Turns a workspace's planning data into the team scheduler's input. Everything the scheduler
 * cannot take (no estimate, a skill nobody has) is set aside with a reason, so one bad item never
 * blocks the whole plan.
 */
import { computePertMean, type ThreePointEstimate } from '../estimation';
import { expectRemainingEffort } from '../forecasting';
import type { TeamPlanInput, WorkItem } from '../scheduling';
import {
  CLOSED_STATES,
  findInitiative,
  findOpenLeaves,
  isOpenLeaf,
  isUnderWay,
  LEAF_TYPES,
  type PlanSource,
  type PlanSourceItem,
} from './plan-source';
import { measureCapacityGiven } from './work-under-way';

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
  /** The three-point estimate of each planned item, by id (days). */
  estimates: Map<string, ThreePointEstimate>;
  /** Open leaf items not in the plan, with the reason. */
  unplanned: Array<{ itemId: string; reason: PlanIssue['kind'] }>;
  issues: PlanIssue[];
  /** Milestone id (an initiative) for every planned item that has one. */
  milestoneOf: Map<string, string>;
  /**
   * For each planned item under way with a known start and a person: the capacity that person
   * has given it before the plan's start, in full-time days (work-under-way.ts). Its planned
   * effort is what is expected to remain of its estimate after that.
   */
  elapsed: Map<string, number>;
}

const label = (item: { number: number; title: string }) => `#${item.number} “${item.title}”`;

/**
 * The expected effort of an item in days: the PERT mean of its three-point estimate.
 * @param estimate optimistic, likely and pessimistic days
 * @returns the days the scheduler plans
 */
export function expectedEffort(estimate: ThreePointEstimate): number {
  return computePertMean(estimate);
}

/** Sets aside the open leaves without an estimate, in one issue that asks for estimates. */
function setAsideUnestimated(
  candidates: readonly PlanSourceItem[],
  prepared: Omit<PreparedRoadmap, 'input'>,
) {
  const unestimated = candidates.filter((it) => it.estimate === null);
  for (const it of unestimated) prepared.unplanned.push({ itemId: it.id, reason: 'unestimated' });
  if (unestimated.length === 0) return;
  const one = unestimated.length === 1;
  prepared.issues.push({
    kind: 'unestimated',
    message: `${unestimated.length} open item${one ? ' has' : 's have'} no estimate and ${one ? 'is' : 'are'} not planned: ask the tech side to estimate ${one ? 'it' : 'them'}`,
    itemIds: unestimated.map((it) => it.id),
  });
}

/** Why nobody can take an item: the skills it needs, or that nobody on the team takes planned work. */
export function describeMissingSkill(itemLabel: string, skills: readonly string[]): string {
  if (skills.length === 0) {
    return `${itemLabel} has nobody to do it: nobody on the team takes planned work (a founder is planned once their member entry lists a skill); invite the team or add a skill`;
  }
  return `${itemLabel} needs ${skills.join(' + ')} and nobody on the team has ${skills.length > 1 ? 'all of them' : 'it'}`;
}

/**
 * Plans work under way with what is expected to remain of its estimate: each started item on its
 * person is charged the PERT expectation of its effort above the capacity they have given it
 * (shared equally among their items under way), and that capacity is kept in `elapsed` for the
 * forecasts' draws.
 */
function chargeWhatRemains(workItems: WorkItem[], source: PlanSource, found: Omit<PreparedRoadmap, 'input'>) {
  const underWay = workItems.filter((w) => w.started === true && w.assigneeId !== undefined);
  const share = new Map<string, number>();
  for (const w of underWay) share.set(w.assigneeId!, (share.get(w.assigneeId!) ?? 0) + 1);
  const byId = new Map(source.items.map((it) => [it.id, it]));
  for (const w of underWay) {
    const startedAt = byId.get(w.id)?.startedAt;
    const person = source.people.find((p) => p.id === w.assigneeId);
    if (!startedAt || !person) continue;
    const elapsed = measureCapacityGiven({
      startedAt,
      planStart: source.startDate,
      fte: person.fte,
      share: share.get(person.id)!,
    });
    if (!(elapsed > 0)) continue;
    found.elapsed.set(w.id, elapsed);
    w.effortDays = expectRemainingEffort(byId.get(w.id)!.estimate!, elapsed);
  }
}

/**
 * Turns a planning source into scheduler input. Rules:
 * - planned: open features, tasks and bugs with an estimate, in product order, effort = PERT mean;
 *   work under way is charged what is expected to remain after the time its person has given it;
 * - an item needing a skill no planned person has is set aside (unless it takes no effort);
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
  const found: Omit<PreparedRoadmap, 'input'> = {
    estimates: new Map(),
    unplanned: [],
    issues: [],
    milestoneOf: new Map(),
    elapsed: new Map(),
  };
  const { issues, milestoneOf } = found;
  const candidates = source.items.filter(isOpenLeaf);
  const skillHolders = (skills: readonly string[]) =>
    source.people.filter((p) => p.fte > 0 && skills.every((s) => p.skills.includes(s)));

  setAsideUnestimated(candidates, found);
  const excluded = new Set(found.unplanned.map((u) => u.itemId));
  for (const it of candidates) {
    if (excluded.has(it.id)) continue;
    if (expectedEffort(it.estimate!) > 0 && skillHolders(it.skills).length === 0) {
      excluded.add(it.id);
      found.unplanned.push({ itemId: it.id, reason: 'missing-skill' });
      issues.push({
        kind: 'missing-skill',
        message: describeMissingSkill(label(it), it.skills),
        itemIds: [it.id],
        skills: [...it.skills],
      });
    }
  }

  const planned = candidates.filter((it) => !excluded.has(it.id));
  const plannedIds = new Set(planned.map((it) => it.id));
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
    const initiative = findInitiative(it, byId);
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
  chargeWhatRemains(workItems, source, found);
  // Initiatives with a target but no open planned work are still milestones (done or blocked).
  for (const it of source.items) {
    if (it.type === 'initiative' && it.targetDate && !milestones.has(it.id)) {
      milestones.set(it.id, { id: it.id, name: it.title, targetDate: it.targetDate });
    }
  }
  for (const it of planned) found.estimates.set(it.id, it.estimate!);
  return {
    input: {
      startDate: source.startDate,
      items: workItems,
      people: source.people.map((p) => ({ id: p.id, name: p.name, fte: p.fte, skills: p.skills })),
      milestones: [...milestones.values()],
    },
    ...found,
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
