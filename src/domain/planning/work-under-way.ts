/**
 * How much of a started item's effort its person has already given it. The plan counts only
 * what remains (forecasting/remaining-effort.ts), so work that has run for two weeks is not
 * planned again from its first day.
 */
import { readDayNumber, toDayNumberOf, weekdayOf } from '../shared/calendar';

/**
 * Monday-to-Friday days in [fromDay, toDay): the working days between the day work started and
 * the plan's first day, in the team's default calendar.
 * @param fromDay first day counted (day number)
 * @param toDay first day not counted (day number)
 * @returns the weekdays in between; 0 when toDay ≤ fromDay
 */
export function countWeekdays(fromDay: number, toDay: number): number {
  if (!(toDay > fromDay)) return 0;
  const days = toDay - fromDay;
  let count = Math.floor(days / 7) * 5;
  for (let day = fromDay + Math.floor(days / 7) * 7; day < toDay; day++) {
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/**
 * The capacity one person has given a started item by the plan's start: the weekdays since it
 * started times their FTE, shared equally among the items they have under way.
 * @param options.startedAt when the item last entered a started state
 * @param options.planStart the plan's first day (YYYY-MM-DD); the days before it count
 * @param options.fte the person's share of full time
 * @param options.share how many items the person has under way (≥ 1)
 * @returns days of full-time effort; 0 for work started on or after the plan's first day
 */
export function measureCapacityGiven(options: {
  startedAt: Date;
  planStart: string;
  fte: number;
  share: number;
}): number {
  const { startedAt, planStart, fte, share } = options;
  const weekdays = countWeekdays(toDayNumberOf(startedAt), readDayNumber(planStart));
  return (weekdays * Math.max(0, fte)) / Math.max(1, share);
}
