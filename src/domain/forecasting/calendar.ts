/**
 * The team's working days over a range of day numbers (see domain/shared/calendar).
 */
import { toDayNumber, weekdayOf } from '../shared/calendar';

/** Which days the team works. Without one, every calendar day counts as it appears. */
export interface WorkingCalendar {
  /** Working weekdays, 0 = Sunday … 6 = Saturday (e.g. [1, 2, 3, 4, 5]). */
  workingWeekdays: readonly number[];
  /** Extra non-working dates (YYYY-MM-DD), such as public holidays. */
  holidays?: readonly string[];
}

/**
 * Marks the working days of a range.
 * @param options.calendar the working calendar.
 * @param options.firstDay the day number of the first day of the range.
 * @param options.length how many consecutive days.
 * @returns one flag per day: 1 when the team works that day, 0 otherwise.
 */
export function markWorkingDays(options: {
  calendar: WorkingCalendar;
  firstDay: number;
  length: number;
}): Uint8Array {
  const { calendar, firstDay, length } = options;
  const weekdays = new Uint8Array(7);
  for (const w of calendar.workingWeekdays) weekdays[w] = 1;
  const holidays = new Set((calendar.holidays ?? []).map(toDayNumber));
  const flags = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const day = firstDay + i;
    flags[i] = weekdays[weekdayOf(day)] === 1 && !holidays.has(day) ? 1 : 0;
  }
  return flags;
}
