/**
 * Checks a team planning input and turns it into index-based arrays the scheduler can run on
 * quickly: predecessors, calendars, who is qualified for what, effective ranks.
 */
import { countDaysBetween, isIsoDate } from '../shared/calendar';
import { createWorkCalendar, type WorkCalendar } from './calendar';
import { findCycle, orderTopologically } from './precedence';
import type { PlanProblem, TeamPlanInput, WorkItem } from './team-types';

/** A person able to take work, with their calendar. */
export interface PreparedPerson {
  index: number;
  id: string;
  fte: number;
  wipLimit: number;
  skills: ReadonlySet<string>;
  calendar: WorkCalendar;
}

/** The input in index form. Item index = position in the product order. */
export interface PreparedPlan {
  input: TeamPlanInput;
  itemCount: number;
  predecessors: number[][];
  lags: number[][];
  successors: number[][];
  /** Earliest allowed start day from a fixed date (0 when none). */
  notBefore: Int32Array;
  people: PreparedPerson[];
  /** Per item, the indices (into `people`) of those who may do it. */
  qualified: number[][];
  /**
   * min(own rank, effective rank of every successor): work that higher-ranked work depends on
   * inherits that rank, so it is pulled forward instead of waiting behind lower-ranked work.
   * Work under way with an assignee ranks ahead of everything else (see {@link staysWithAssignee}).
   */
  effectiveRank: Int32Array;
}

/**
 * In-progress work stays with its person: an item already under way that has an assignee is
 * planned on that assignee, even when they lack a listed skill (they are doing it), and ahead
 * of work not yet started, so it goes on from the plan start instead of being handed over or
 * paused behind new work.
 * @param item the work item
 * @returns whether the item is pinned to its assignee by this rule
 */
export function staysWithAssignee(item: WorkItem): boolean {
  return item.started === true && item.assigneeId !== undefined;
}

const DEFAULT_WEEKDAYS = [1, 2, 3, 4, 5];

function checkDate(problems: PlanProblem[], field: string, text: string | undefined): void {
  if (text !== undefined && !isIsoDate(text)) {
    problems.push({ kind: 'invalid-value', field, message: `"${text}" is not a date written YYYY-MM-DD` });
  }
}

/**
 * Validates the input and prepares it for scheduling.
 * @param input the team planning input
 * @returns the prepared plan, or the problems that make planning impossible
 */
export function preparePlan(
  input: TeamPlanInput,
): { ok: true; plan: PreparedPlan } | { ok: false; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  checkDate(problems, 'startDate', input.startDate);
  if (problems.length > 0) return { ok: false, problems };
  const origin = input.startDate;
  const originWeekday = new Date(`${origin}T00:00:00Z`).getUTCDay();

  const teamHolidays = input.holidays ?? [];
  teamHolidays.forEach((h, i) => {
    checkDate(problems, `holidays[${i}]`, h);
  });
  const people: PreparedPerson[] = [];
  const personIndex = new Map<string, number>();
  input.people.forEach((p, pi) => {
    if (personIndex.has(p.id)) problems.push({ kind: 'duplicate-person', personId: p.id });
    personIndex.set(p.id, -1);
    if (!(p.fte >= 0 && p.fte <= 1)) {
      problems.push({
        kind: 'invalid-value',
        field: `people[${pi}].fte`,
        message: `FTE of ${p.id} must be between 0 and 1`,
      });
    }
    const wip = p.wipLimit ?? 1;
    if (!Number.isInteger(wip) || wip < 1) {
      problems.push({
        kind: 'invalid-value',
        field: `people[${pi}].wipLimit`,
        message: `WIP limit of ${p.id} must be a whole number ≥ 1`,
      });
    }
    const weekdays = p.calendar?.workingWeekdays ?? DEFAULT_WEEKDAYS;
    if (weekdays.some((w) => !Number.isInteger(w) || w < 0 || w > 6)) {
      problems.push({
        kind: 'invalid-value',
        field: `people[${pi}].calendar.workingWeekdays`,
        message: 'weekdays are 0 (Sunday) to 6 (Saturday)',
      });
    }
    const holidays = [...teamHolidays, ...(p.calendar?.holidays ?? [])];
    (p.calendar?.holidays ?? []).forEach((h, i) => {
      checkDate(problems, `people[${pi}].calendar.holidays[${i}]`, h);
    });
    (p.calendar?.timeOff ?? []).forEach((r, i) => {
      checkDate(problems, `people[${pi}].calendar.timeOff[${i}].from`, r.from);
      checkDate(problems, `people[${pi}].calendar.timeOff[${i}].to`, r.to);
    });
    // Someone with no FTE or no working weekday is on the team but not available for planned work.
    if (p.fte <= 0 || weekdays.length === 0 || problems.length > 0) return;
    const daysOff = new Set<number>();
    for (const h of holidays) if (isIsoDate(h)) daysOff.add(countDaysBetween(origin, h));
    for (const r of p.calendar?.timeOff ?? []) {
      if (!isIsoDate(r.from) || !isIsoDate(r.to)) continue;
      const to = countDaysBetween(origin, r.to);
      for (let d = Math.max(0, countDaysBetween(origin, r.from)); d <= to; d++) daysOff.add(d);
    }
    personIndex.set(p.id, people.length);
    people.push({
      index: people.length,
      id: p.id,
      fte: p.fte,
      wipLimit: wip,
      skills: new Set(p.skills),
      calendar: createWorkCalendar({ originWeekday, workingWeekdays: weekdays, daysOff }),
    });
  });

  const n = input.items.length;
  const itemIndex = new Map<string, number>();
  input.items.forEach((item, i) => {
    if (itemIndex.has(item.id)) problems.push({ kind: 'duplicate-item', itemId: item.id });
    itemIndex.set(item.id, i);
  });
  const predecessors: number[][] = [];
  const lags: number[][] = [];
  const successors: number[][] = Array.from({ length: n }, () => []);
  const notBefore = new Int32Array(n);
  const qualified: number[][] = [];
  const qualifiedBySkills = new Map<string, number[]>();
  input.items.forEach((item, i) => {
    if (!(Number.isFinite(item.effortDays) && item.effortDays >= 0)) {
      problems.push({
        kind: 'invalid-value',
        field: `items[${i}].effortDays`,
        message: `effort of ${item.id} must be a number ≥ 0`,
      });
    }
    checkDate(problems, `items[${i}].notBefore`, item.notBefore);
    if (item.notBefore !== undefined && isIsoDate(item.notBefore)) {
      notBefore[i] = Math.max(0, countDaysBetween(origin, item.notBefore));
    }
    const preds: number[] = [];
    const itemLags: number[] = [];
    for (const dep of item.dependsOn ?? []) {
      const p = itemIndex.get(dep.itemId);
      if (p === undefined) {
        problems.push({ kind: 'unknown-dependency', itemId: item.id, dependsOn: dep.itemId });
        continue;
      }
      preds.push(p);
      itemLags.push(dep.lagDays ?? 0);
      successors[p]!.push(i);
    }
    predecessors.push(preds);
    lags.push(itemLags);

    const skills = [...new Set(item.skills ?? [])].sort();
    const key = skills.join('\u0000');
    let able = qualifiedBySkills.get(key);
    if (able === undefined) {
      able = people.filter((p) => skills.every((s) => p.skills.has(s))).map((p) => p.index);
      qualifiedBySkills.set(key, able);
    }
    if (item.assigneeId !== undefined) {
      const pi = personIndex.get(item.assigneeId);
      if (pi === undefined) {
        problems.push({ kind: 'unknown-assignee', itemId: item.id, personId: item.assigneeId });
      } else if (pi === -1) {
        if (item.effortDays > 0) {
          problems.push({
            kind: 'invalid-value',
            field: `items[${i}].assigneeId`,
            message: `${item.assigneeId} is not available (FTE 0 or no working days)`,
          });
        }
        able = [];
      } else if (!able.includes(pi) && !staysWithAssignee(item)) {
        problems.push({ kind: 'assignee-lacks-skill', itemId: item.id, personId: item.assigneeId, skills });
      } else able = [pi];
    } else if (able.length === 0 && item.effortDays > 0) {
      problems.push({ kind: 'missing-skill', itemId: item.id, skills });
    }
    qualified.push(able);
  });
  if (problems.length > 0) return { ok: false, problems };

  const network = { count: n, successors };
  const order = orderTopologically(network);
  if (order === null) {
    const cycle = findCycle(network) ?? [];
    return { ok: false, problems: [{ kind: 'cycle', itemIds: cycle.map((i) => input.items[i]!.id) }] };
  }
  const effectiveRank = rankEffectively(order, successors, startedFirst(input.items));
  return {
    ok: true,
    plan: {
      input,
      itemCount: n,
      predecessors,
      lags,
      successors,
      notBefore,
      people,
      qualified,
      effectiveRank,
    },
  };
}

/** Own rank of every item before inheritance: work that stays with its assignee comes first. */
function startedFirst(items: readonly WorkItem[]): Int32Array {
  const n = items.length;
  return Int32Array.from(items, (item, i) => (staysWithAssignee(item) ? i - n : i));
}

function rankEffectively(
  order: readonly number[],
  successors: readonly (readonly number[])[],
  ownRank: Int32Array,
): Int32Array {
  const effectiveRank = new Int32Array(order.length);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    let r = ownRank[i]!;
    for (const s of successors[i]!) r = Math.min(r, effectiveRank[s]!);
    effectiveRank[i] = r;
  }
  return effectiveRank;
}

/**
 * The effective rank of every item of an acyclic network: min(own rank, effective rank of
 * every successor), where work that stays with its assignee ranks ahead of the rest.
 * @param items the items in product order
 * @param successors successors of every item (must form no cycle: a cycle is a programmer error)
 * @returns effective ranks, indexed by item
 */
export function computeEffectiveRanks(
  items: readonly WorkItem[],
  successors: readonly (readonly number[])[],
): Int32Array {
  const order = orderTopologically({ count: items.length, successors });
  if (order === null) throw new Error('computeEffectiveRanks: the network has a cycle');
  return rankEffectively(order, successors, startedFirst(items));
}
