/**
 * The rules every team plan must keep, one named function each. Each returns the violations
 * it finds, so tests, properties and callers can check any plan, however it was made.
 */
import { durationFor } from './team-placement';
import { type PreparedPlan, staysWithAssignee } from './team-preparation';
import type { ScheduledItem } from './team-types';

/** One broken rule, with the items and person involved. */
export interface PlanViolation {
  rule: 'dependencies' | 'overbooked' | 'skill' | 'calendar' | 'fixed-date' | 'assignee' | 'started-work';
  itemId: string;
  detail: string;
}

/** Inputs of every constraint: the prepared problem and the scheduled items in input order. */
export interface ConstraintContext {
  plan: PreparedPlan;
  items: readonly ScheduledItem[];
}

/**
 * No item starts before each of its dependencies has finished, plus the lag.
 * @returns a violation per dependency broken
 */
export function respectDependencies({ plan, items }: ConstraintContext): PlanViolation[] {
  const out: PlanViolation[] = [];
  items.forEach((item, i) => {
    plan.predecessors[i]!.forEach((p, k) => {
      const ready = items[p]!.endDay + plan.lags[i]![k]!;
      if (item.startDay < ready) {
        out.push({
          rule: 'dependencies',
          itemId: item.itemId,
          detail: `starts day ${item.startDay} before ${items[p]!.itemId} allows (${ready})`,
        });
      }
    });
  });
  return out;
}

/**
 * No person has more items in progress on any day than their WIP limit.
 * @returns a violation per item that pushes a person over the limit
 */
export function noOverbookedPerson({ plan, items }: ConstraintContext): PlanViolation[] {
  const out: PlanViolation[] = [];
  for (const person of plan.people) {
    const events: [number, number, string][] = [];
    for (const item of items) {
      if (item.personId !== person.id || item.endDay <= item.startDay) continue;
      events.push([item.startDay, 1, item.itemId], [item.endDay, -1, item.itemId]);
    }
    // Ends before starts on the same day: a person may finish one item and start the next.
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let running = 0;
    for (const [day, delta, itemId] of events) {
      running += delta;
      if (running > person.wipLimit) {
        out.push({
          rule: 'overbooked',
          itemId,
          detail: `${person.id} has ${running} items in progress on day ${day}`,
        });
      }
    }
  }
  return out;
}

/**
 * Every item with effort is done by someone who has all the skills it needs, except work under
 * way that stays with its assignee (see {@link keepStartedWorkWithAssignee}).
 * @returns a violation per item given to an unqualified person (or to nobody)
 */
export function requireSkill({ plan, items }: ConstraintContext): PlanViolation[] {
  const out: PlanViolation[] = [];
  items.forEach((item, i) => {
    const spec = plan.input.items[i]!;
    if (spec.effortDays <= 0 || staysWithAssignee(spec)) return;
    const person = plan.people.find((p) => p.id === item.personId);
    const missing = (spec.skills ?? []).filter((s) => !person?.skills.has(s));
    if (!person || missing.length > 0) {
      out.push({
        rule: 'skill',
        itemId: item.itemId,
        detail: `${item.personId ?? 'nobody'} lacks ${missing.join(', ') || 'availability'}`,
      });
    }
  });
  return out;
}

/**
 * Work starts and ends on the assignee's working days and spans exactly the working days it
 * needs (effort scaled by FTE and WIP share), skipping weekends, holidays and time off.
 * @returns a violation per item that breaks the person's calendar
 */
export function respectCalendar({ plan, items }: ConstraintContext): PlanViolation[] {
  const out: PlanViolation[] = [];
  items.forEach((item, i) => {
    const person = plan.people.find((p) => p.id === item.personId);
    if (!person) return;
    const cal = person.calendar;
    const needed = durationFor(plan.input.items[i]!.effortDays, person.fte, person.wipLimit);
    const worked = cal.countWorkingDays(item.startDay, item.endDay);
    if (!cal.isWorking(item.startDay) || !cal.isWorking(item.endDay - 1) || worked !== needed) {
      out.push({
        rule: 'calendar',
        itemId: item.itemId,
        detail: `${person.id} works ${worked} of days ${item.startDay}–${item.endDay - 1}, needs ${needed} starting and ending on working days`,
      });
    }
  });
  return out;
}

/**
 * No item starts before its fixed date.
 * @returns a violation per item that starts too early
 */
export function respectFixedDates({ plan, items }: ConstraintContext): PlanViolation[] {
  return items
    .filter((item, i) => item.startDay < plan.notBefore[i]!)
    .map((item) => ({
      rule: 'fixed-date' as const,
      itemId: item.itemId,
      detail: `starts before ${plan.input.items[item.rank]!.notBefore}`,
    }));
}

/**
 * An item pinned to a person is planned for that person.
 * @returns a violation per pinned item given to someone else
 */
export function respectAssignee({ plan, items }: ConstraintContext): PlanViolation[] {
  return items
    .filter((item, i) => {
      const pinned = plan.input.items[i]!.assigneeId;
      return pinned !== undefined && plan.input.items[i]!.effortDays > 0 && item.personId !== pinned;
    })
    .map((item) => ({
      rule: 'assignee' as const,
      itemId: item.itemId,
      detail: `pinned to ${plan.input.items[item.rank]!.assigneeId}`,
    }));
}

/**
 * In-progress work stays with its person: an item already under way with an assignee is
 * planned on that assignee, whatever skills it lists.
 * @returns a violation per started item given to someone else
 */
export function keepStartedWorkWithAssignee({ plan, items }: ConstraintContext): PlanViolation[] {
  return items
    .filter((item, i) => {
      const spec = plan.input.items[i]!;
      return staysWithAssignee(spec) && spec.effortDays > 0 && item.personId !== spec.assigneeId;
    })
    .map((item) => ({
      rule: 'started-work' as const,
      itemId: item.itemId,
      detail: `under way with ${plan.input.items[item.rank]!.assigneeId}, planned on ${item.personId ?? 'nobody'}`,
    }));
}

/**
 * Runs every rule.
 * @returns all violations; empty when the plan keeps every rule
 */
export function checkTeamPlan(context: ConstraintContext): PlanViolation[] {
  return [
    ...respectDependencies(context),
    ...noOverbookedPerson(context),
    ...requireSkill(context),
    ...respectCalendar(context),
    ...respectFixedDates(context),
    ...respectAssignee(context),
    ...keepStartedWorkWithAssignee(context),
  ];
}
