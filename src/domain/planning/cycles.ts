/**
 * Cycles (iterations): time boxes a team commits work to. Their capacity is counted as the
 * roadmap planner counts it, from the planned members' FTE and working-day calendars.
 */

import type { PersonCalendarInput } from '../scheduling';
import { preparePlan } from '../scheduling';
import { countDaysBetween } from '../shared';
import { isPlannedMember } from './plan-source';

/** A cycle's span: first and last day, both inclusive (YYYY-MM-DD). */
export interface CycleSpan {
  id: string;
  startDate: string;
  endDate: string;
}

/** A member as capacity reads them. */
export interface CapacityPerson {
  id: string;
  role: string;
  fte: number;
  skills: readonly string[];
  calendar?: PersonCalendarInput;
}

/** A cycle's capacity: person-days of planned work, and each person's share. */
export interface CycleCapacity {
  /** Σ FTE × working days in the cycle, over the members the planner plans on. */
  personDays: number;
  people: { id: string; workingDays: number; fte: number; personDays: number }[];
}

/**
 * The first cycle whose days overlap a span's, so two cycles never hold the same day.
 * @param cycles the existing cycles
 * @param span the new or changed cycle (a cycle with the same id is itself, not an overlap)
 * @returns the overlapping cycle, or undefined
 */
export function findOverlappingCycle<C extends CycleSpan>(
  cycles: readonly C[],
  span: CycleSpan,
): C | undefined {
  // ISO dates compare as strings: two spans overlap when each starts on or before the other ends.
  return cycles.find((c) => c.id !== span.id && c.startDate <= span.endDate && span.startDate <= c.endDate);
}

/**
 * A cycle's capacity as the planner would count it: the members it plans on (FTE above 0, not
 * viewers, not founders without skills), each with their working days in the cycle (weekdays,
 * minus holidays and time off) times their FTE.
 * @param span the cycle's first and last day
 * @param people the workspace's members
 * @returns person-days in total and per person
 */
export function computeCycleCapacity(
  span: Omit<CycleSpan, 'id'>,
  people: readonly CapacityPerson[],
): CycleCapacity {
  const planned = people.filter((p) => isPlannedMember(p));
  const prepared = preparePlan({
    startDate: span.startDate,
    items: [],
    people: planned.map((p) => ({
      id: p.id,
      name: p.id,
      fte: p.fte,
      skills: p.skills,
      ...(p.calendar ? { calendar: p.calendar } : {}),
    })),
  });
  if (!prepared.ok) return { personDays: 0, people: [] };
  const days = countDaysBetween(span.startDate, span.endDate) + 1;
  const rows = prepared.plan.people.map((p) => {
    const workingDays = p.calendar.countWorkingDays(0, days);
    return { id: p.id, workingDays, fte: p.fte, personDays: round(workingDays * p.fte) };
  });
  return { personDays: round(rows.reduce((sum, r) => sum + r.workingDays * r.fte, 0)), people: rows };
}

const round = (value: number) => Math.round(value * 100) / 100;
