/**
 * Throughput: how many items finished on each day and in each week of a period.
 */
import { weekdayOf } from '../shared';

/** Finished items on one day. */
export interface DailyThroughput {
  day: number;
  count: number;
}

/** Finished items in one week (Monday to Sunday), within the period. */
export interface WeeklyThroughput {
  /** The Monday the week starts on (it may lie before the period). */
  weekStart: number;
  /** How many of the week's days lie in the period (fewer than 7 at its ends). */
  days: number;
  count: number;
}

/**
 * Counts finishes per day of a period.
 * @param finishDays the day of each finish in the period
 * @param fromDay the first day
 * @param toDay the last day (inclusive)
 * @returns one entry per day, zeros included
 */
export function countDailyThroughput(
  finishDays: readonly number[],
  fromDay: number,
  toDay: number,
): DailyThroughput[] {
  const counts = new Int32Array(toDay - fromDay + 1);
  for (const day of finishDays) {
    if (day >= fromDay && day <= toDay) counts[day - fromDay]!++;
  }
  return Array.from(counts, (count, offset) => ({ day: fromDay + offset, count }));
}

/** The Monday on or before a day. */
export function findWeekStart(day: number): number {
  return day - ((weekdayOf(day) + 6) % 7);
}

/**
 * Sums daily throughput into Monday-to-Sunday weeks.
 * @param daily one entry per day of the period, in order
 * @returns one entry per week the period touches
 */
export function sumWeeklyThroughput(daily: readonly DailyThroughput[]): WeeklyThroughput[] {
  const weeks: WeeklyThroughput[] = [];
  for (const { day, count } of daily) {
    const weekStart = findWeekStart(day);
    const last = weeks[weeks.length - 1];
    if (last && last.weekStart === weekStart) {
      last.days++;
      last.count += count;
    } else weeks.push({ weekStart, days: 1, count });
  }
  return weeks;
}
