/**
 * Headway's one calendar: whole UTC days. A day is an integer "day number", days since
 * 1970-01-01, so adding days never meets time zones or daylight saving. Dates are written
 * YYYY-MM-DD everywhere.
 */

/** Milliseconds in a calendar day (UTC days have no daylight saving). */
export const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a YYYY-MM-DD date into a day number.
 * @param iso the date text
 * @returns the day number, or null when the text is not a real calendar date
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
 * True when `text` is a real calendar date written YYYY-MM-DD.
 * @param text any text
 * @returns whether it is a valid ISO date
 */
export function isIsoDate(text: string): boolean {
  return parseIsoDay(text) !== null;
}

/**
 * Parses a YYYY-MM-DD date that the caller has already validated.
 * @param iso the date text
 * @returns the day number; throws on an invalid date (a programmer error)
 */
export function toDayNumber(iso: string): number {
  const day = parseIsoDay(iso);
  if (day === null) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return day;
}

/**
 * Reads a stored or already-validated YYYY-MM-DD date without throwing.
 * @param iso the date text
 * @returns the day number, or NaN when the text is not a real date (NaN compares false with
 *   every day, so a damaged stored date is never counted as reached)
 */
export function readDayNumber(iso: string): number {
  return parseIsoDay(iso) ?? Number.NaN;
}

/**
 * The UTC day number of an instant.
 * @param instant a date or a time in milliseconds since the epoch
 * @returns days since 1970-01-01, rounded down
 */
export function toDayNumberOf(instant: Date | number): number {
  return Math.floor((typeof instant === 'number' ? instant : instant.getTime()) / MS_PER_DAY);
}

/**
 * Formats a day number as YYYY-MM-DD.
 * @param day the day number
 * @returns the ISO date
 */
export function formatIsoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The UTC calendar day of an instant.
 * @param instant a date or a time in milliseconds since the epoch
 * @returns the day as YYYY-MM-DD
 */
export function toIsoDay(instant: Date | number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/**
 * Calendar days from one date to another.
 * @param from a YYYY-MM-DD date
 * @param to a YYYY-MM-DD date
 * @returns whole days, negative when `to` is earlier; NaN when either is not a real date
 */
export function countDaysBetween(from: string, to: string): number {
  return (parseIsoDay(to) ?? Number.NaN) - (parseIsoDay(from) ?? Number.NaN);
}

/**
 * Moves a date by whole calendar days.
 * @param iso a valid YYYY-MM-DD date
 * @param days days to add (negative to go back)
 * @returns the new date as YYYY-MM-DD
 */
export function addDays(iso: string, days: number): string {
  return formatIsoDay(toDayNumber(iso) + days);
}

/**
 * The weekday of a day number.
 * @param day the day number
 * @returns 0 = Sunday … 6 = Saturday
 */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}
