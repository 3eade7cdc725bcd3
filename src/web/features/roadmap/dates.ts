// Plan dates are calendar days (YYYY-MM-DD) with no time zone: all arithmetic here is in UTC days.
import { MS_PER_DAY, readDayNumber, weekdayOf } from '../../../domain/shared';

/** Today in the viewer's own calendar, as YYYY-MM-DD. */
export function todayLocal(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** The Mondays from `from` to `to` (day numbers, both included). */
export function findMondays(options: { from: number; to: number }): number[] {
  const first = options.from + ((8 - weekdayOf(options.from)) % 7);
  const out: number[] = [];
  for (let d = first; d <= options.to; d += 7) out.push(d);
  return out;
}

const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "26 Nov" for a YYYY-MM-DD date (or a day number). */
export function formatShortDate(date: string | number): string {
  const day = typeof date === 'number' ? date : readDayNumber(date);
  return SHORT.format(new Date(day * MS_PER_DAY));
}

/** "3 days later", "1 day earlier", "no change" for a signed difference in days. */
export function describeDayDifference(days: number | null): string {
  if (days === null) return 'not comparable';
  if (days === 0) return 'no change';
  const n = Math.abs(days);
  return `${n} ${n === 1 ? 'day' : 'days'} ${days > 0 ? 'later' : 'earlier'}`;
}

/**
 * How a milestone's date changes in a what-if scenario: "3 days later", or, when only one side
 * has a date, what happened to it (its work was cut, or is planned only now).
 */
export function describeMilestoneDifference(m: {
  baseline: string | null;
  scenario: string | null;
  differenceDays: number | null;
}): string {
  if (m.baseline && !m.scenario) return 'no longer planned';
  if (!m.baseline && m.scenario) return 'now planned';
  if (!m.baseline && !m.scenario) return 'not planned in either';
  return describeDayDifference(m.differenceDays);
}

/** "3 days late", "5 days early", "on target" for a slip against a target. */
export function describeSlip(days: number | null): string {
  if (days === null) return 'no target';
  if (days === 0) return 'on target';
  const n = Math.abs(days);
  return `${n} ${n === 1 ? 'day' : 'days'} ${days > 0 ? 'late' : 'early'}`;
}
