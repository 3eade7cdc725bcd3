/**
 * The team roadmap problem (RCPSP generalised to people) and the plan it yields.
 */

/** A piece of work in product order; the input array order is the priority (first = most important). */
export interface WorkItem {
  id: string;
  title?: string;
  /** Effort in working days for one person at full time (e.g. the PERT mean of a three-point estimate). */
  effortDays: number;
  /** Skills the assignee must all have. */
  skills?: readonly string[];
  /** Finish-to-start dependencies, with an optional lag in calendar days. */
  dependsOn?: readonly { itemId: string; lagDays?: number }[];
  /** Fixed date: the item starts no earlier than this ISO date. */
  notBefore?: string;
  milestoneId?: string;
  /** Pins the item to one person. */
  assigneeId?: string;
  /**
   * Work already under way (in progress or in review). With an assignee it stays with that
   * person whatever the skills say, and is planned first, from the plan start.
   */
  started?: boolean;
}

/** A person's working pattern. */
export interface PersonCalendarInput {
  /** Weekdays worked, 0 = Sunday … 6 = Saturday. Default Monday–Friday. */
  workingWeekdays?: readonly number[];
  /** Public holidays for this person (ISO dates). */
  holidays?: readonly string[];
  /** Time off, inclusive ISO date ranges. */
  timeOff?: readonly { from: string; to: string }[];
}

/** Someone who can take work. */
export interface Person {
  id: string;
  name: string;
  /** Fraction of full time, in (0, 1]; 0 means not available for planned work. */
  fte: number;
  skills: readonly string[];
  calendar?: PersonCalendarInput;
  /**
   * Items in progress at once (default 1). Time is shared: with a limit of 2 each item gets
   * half of the person's time, so it takes twice as long, but a waiting item can start.
   */
  wipLimit?: number;
}

/** A named set of items with an optional target date. */
export interface Milestone {
  id: string;
  name: string;
  targetDate?: string;
}

/** Everything the scheduler needs. */
export interface TeamPlanInput {
  /** First day of the plan (ISO date); day 0. */
  startDate: string;
  /** Work in product order: earlier means more important. */
  items: readonly WorkItem[];
  people: readonly Person[];
  milestones?: readonly Milestone[];
  /** Team-wide holidays (ISO dates), added to every person's calendar. */
  holidays?: readonly string[];
}

/** Why an item starts when it does. */
export type StartReason =
  /** Nothing held it back: it starts on the first working day of the plan. */
  | { kind: 'ready' }
  /** It may not start before its fixed date. */
  | { kind: 'fixed-date'; date: string }
  /** It waits until a dependency finishes (plus lag). */
  | { kind: 'dependency'; itemId: string }
  /** The assignee is off (holiday, time off) when it could otherwise start. */
  | { kind: 'calendar'; personId: string }
  /** Everyone with the required skills is busy, while people without them are free. */
  | { kind: 'skill'; skills: string[]; busyItemId: string }
  /** The assignee finishes higher-ranked work first. */
  | { kind: 'order'; personId: string; busyItemId: string }
  /** The assignee finishes lower-ranked work first, because higher-ranked work depends on it. */
  | { kind: 'person'; personId: string; busyItemId: string }
  /** The assignee first finishes work that is already under way. */
  | { kind: 'started'; personId: string; busyItemId: string };

/** One item placed on the timeline. */
export interface ScheduledItem {
  itemId: string;
  /** Null only for zero-effort items, which need nobody. */
  personId: string | null;
  /** Day numbers from the plan start; `endDay` is exclusive. */
  startDay: number;
  endDay: number;
  /** First working day and last working day, as ISO dates. */
  start: string;
  finish: string;
  /** Working days the assignee spends (effort scaled by FTE and WIP share). */
  durationDays: number;
  /** Position in the product order (0 = most important). */
  rank: number;
  reason: StartReason;
}

/** How busy a person is over the plan. */
export interface PersonLoad {
  personId: string;
  itemIds: string[];
  /** Working days spent on items (a WIP share counts as its fraction). */
  busyDays: number;
  /** Working days available between the plan start and the plan end. */
  availableDays: number;
  /** busyDays / availableDays (0 when nothing is available). */
  utilisation: number;
}

/** When a milestone's last item finishes. */
export interface MilestoneForecast {
  milestoneId: string;
  /** ISO date of the last working day of its last item; null when it has no items. */
  date: string | null;
  /** The item that finishes last. */
  drivingItemId: string | null;
  targetDate: string | null;
  /** Calendar days late (positive) or early (negative) against the target; null without target or items. */
  slipDays: number | null;
}

/** Why no plan can be made. */
export type PlanProblem =
  | { kind: 'duplicate-item'; itemId: string }
  | { kind: 'duplicate-person'; personId: string }
  | { kind: 'unknown-dependency'; itemId: string; dependsOn: string }
  | { kind: 'cycle'; itemIds: string[] }
  | { kind: 'missing-skill'; itemId: string; skills: string[] }
  | { kind: 'unknown-assignee'; itemId: string; personId: string }
  | { kind: 'assignee-lacks-skill'; itemId: string; personId: string; skills: string[] }
  | { kind: 'invalid-value'; field: string; message: string };

/** A plan, or the reasons none can be made. */
export type TeamPlanResult =
  | {
      status: 'planned';
      startDate: string;
      /** Last working day of the last item (the start date when there is no work). */
      endDate: string;
      /** Exclusive day number of the plan end. */
      endDay: number;
      /** Items in input order. */
      items: ScheduledItem[];
      /** Item ids from the plan start to its end, each waiting on the previous one. */
      criticalChain: string[];
      load: PersonLoad[];
      milestones: MilestoneForecast[];
    }
  | { status: 'infeasible'; problems: PlanProblem[] };
