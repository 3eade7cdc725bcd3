/**
 * Turns placements into the plan people read: dated items with reasons, the critical chain,
 * per-person load and milestone dates.
 */
import { addDays, countDaysBetween } from '../shared/calendar';
import { samePlacement } from './replan-reuse';
import type { PlacementReason, Placements } from './team-placement';
import { type PreparedPlan, staysWithAssignee } from './team-preparation';
import type {
  MilestoneForecast,
  PersonLoad,
  ScheduledItem,
  StartReason,
  TeamPlanInput,
  TeamPlanResult,
} from './team-types';

/**
 * An earlier summary of the same items (their fields apart from estimates unchanged, possibly
 * in another order), whose entries are taken over where nothing shown can differ.
 */
export interface EarlierSummary {
  input: TeamPlanInput;
  placements: Placements;
  items: readonly ScheduledItem[];
}

/** Whether item i's earlier entry shows exactly what a fresh one would: same item, placement and reason item. */
function canReuse(earlier: EarlierSummary, input: TeamPlanInput, placements: Placements, i: number): boolean {
  if (earlier.items[i]?.itemId !== input.items[i]!.id || !samePlacement(earlier.placements, placements, i))
    return false;
  const reason = placements.reason[i]!;
  return !('item' in reason) || earlier.input.items[reason.item]?.id === input.items[reason.item]?.id;
}

/**
 * Builds the readable plan from placements.
 * @param plan the prepared plan
 * @param placements where every item sits
 * @param earlier optional summary of a plan with the same items in the same order and the same
 * item fields apart from estimates: entries of items placed identically are reused as they are
 * @returns the planned result
 */
export function summarisePlan(
  plan: PreparedPlan,
  placements: Placements,
  earlier?: EarlierSummary,
): TeamPlanResult {
  const { input } = plan;
  const origin = input.startDate;
  const dateCache = new Map<number, string>();
  const dateOf = (day: number) => {
    let d = dateCache.get(day);
    if (d === undefined) {
      d = addDays(origin, day);
      dateCache.set(day, d);
    }
    return d;
  };
  let endDay = 0;
  let lastItem = -1;
  const items: ScheduledItem[] = input.items.map((item, i) => {
    const startDay = placements.startDay[i]!;
    const end = placements.endDay[i]!;
    if (end > endDay || (lastItem < 0 && end === endDay && end > 0)) {
      endDay = end;
      lastItem = i;
    }
    if (earlier !== undefined && canReuse(earlier, input, placements, i)) return earlier.items[i]!;
    const personIndex = placements.person[i]!;
    return {
      itemId: item.id,
      personId: personIndex >= 0 ? plan.people[personIndex]!.id : null,
      startDay,
      endDay: end,
      start: dateOf(startDay),
      finish: dateOf(Math.max(startDay, end - 1)),
      durationDays: placements.durationDays[i]!,
      rank: i,
      reason: describeReason(plan, placements, i, placements.reason[i]!),
    };
  });

  const criticalChain: string[] = [];
  const seen = new Set<number>();
  for (let at = lastItem; at >= 0 && !seen.has(at); at = placements.drivenBy[at]!) {
    seen.add(at);
    criticalChain.push(input.items[at]!.id);
  }
  criticalChain.reverse();

  const load: PersonLoad[] = plan.people.map((person) => ({
    personId: person.id,
    itemIds: [],
    busyDays: 0,
    availableDays: person.calendar.countWorkingDays(0, endDay),
    utilisation: 0,
  }));
  input.items.forEach((item, i) => {
    const p = placements.person[i]!;
    if (p < 0) return;
    const entry = load[p]!;
    entry.itemIds.push(item.id);
    entry.busyDays += placements.durationDays[i]! / plan.people[p]!.wipLimit;
  });
  for (const entry of load)
    entry.utilisation = entry.availableDays > 0 ? entry.busyDays / entry.availableDays : 0;

  // The last-finishing item of every milestone, in one pass (first in order wins ties).
  const drivingBy = new Map<string, number>();
  input.items.forEach((item, i) => {
    if (item.milestoneId === undefined) return;
    const current = drivingBy.get(item.milestoneId);
    if (current === undefined || placements.endDay[i]! > placements.endDay[current]!)
      drivingBy.set(item.milestoneId, i);
  });
  const milestones: MilestoneForecast[] = (input.milestones ?? []).map((m) => {
    const driving = drivingBy.get(m.id) ?? -1;
    const date = driving < 0 ? null : items[driving]!.finish;
    return {
      milestoneId: m.id,
      date,
      drivingItemId: driving < 0 ? null : input.items[driving]!.id,
      targetDate: m.targetDate ?? null,
      slipDays: date !== null && m.targetDate !== undefined ? countDaysBetween(m.targetDate, date) : null,
    };
  });

  return {
    status: 'planned',
    startDate: origin,
    endDate: lastItem < 0 ? origin : dateOf(Math.max(0, endDay - 1)),
    endDay,
    items,
    criticalChain,
    load,
    milestones,
  };
}

function describeReason(
  plan: PreparedPlan,
  placements: Placements,
  item: number,
  reason: PlacementReason,
): StartReason {
  const idOf = (i: number) => plan.input.items[i]!.id;
  const personId = () => plan.people[placements.person[item]!]?.id ?? '';
  switch (reason.kind) {
    case 'ready':
      return { kind: 'ready' };
    case 'fixed-date':
      return { kind: 'fixed-date', date: plan.input.items[item]!.notBefore ?? plan.input.startDate };
    case 'dependency':
      return { kind: 'dependency', itemId: idOf(reason.item) };
    case 'calendar':
      return { kind: 'calendar', personId: personId() };
    case 'skill':
      return {
        kind: 'skill',
        skills: [...(plan.input.items[item]!.skills ?? [])],
        busyItemId: idOf(reason.item),
      };
    case 'busy':
      // Ranks may change between re-plans without moving anything, so this is decided here.
      if (reason.item < item) return { kind: 'order', personId: personId(), busyItemId: idOf(reason.item) };
      if (staysWithAssignee(plan.input.items[reason.item]!))
        return { kind: 'started', personId: personId(), busyItemId: idOf(reason.item) };
      return { kind: 'person', personId: personId(), busyItemId: idOf(reason.item) };
  }
}
