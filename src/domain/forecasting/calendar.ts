/**
 * Calendar arithmetic on whole UTC days. A day is an integer "day number": days since
 * 1970-01-01, so adding days never meets time zones or daylight saving.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Which days the team works. Without one, every calendar day counts as it appears. */
export interface WorkingCalendar {
  /** Working weekdays, 0 = Sunday … 6 = Saturday (e.g. [1, 2, 3, 4, 5]). */
  workingWeekdays: readonly number[];
  /** Extra non-working dates (YYYY-MM-DD), such as public holidays. */
  holidays?: readonly string[];
}

/**
 * Parses a YYYY-MM-DD date into a day number.
 * @param iso the date text.
 * @returns the day number, or null when the text is not a real calendar date.
 */
export function parseIsoDay(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches it.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/**
 * Parses a YYYY-MM-DD date that the caller has already validated.
 * @param iso the date text.
 * @returns the day number; throws on an invalid date (a programmer error).
 */
export function toDayNumber(iso: string): number {
  const day = parseIsoDay(iso);
  if (day === null) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return day;
}

/**
 * Formats a day number as YYYY-MM-DD.
 * @param day the day number.
 * @returns the ISO date.
 */
export function formatIsoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The weekday of a day number.
 * @param day the day number.
 * @returns 0 = Sunday … 6 = Saturday.
 */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
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
