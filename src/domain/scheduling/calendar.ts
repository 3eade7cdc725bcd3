/**
 * Working-day calendars. Plans count time in whole calendar days from the plan start
 * (day 0); a person works on some weekdays, minus team holidays and their own time off.
 */

/** What a calendar is made of, in day numbers relative to the plan start. */
export interface CalendarSpec {
  /** Weekday of day 0 (0 = Sunday … 6 = Saturday). */
  originWeekday: number;
  /** Weekdays worked (0 = Sunday … 6 = Saturday). */
  workingWeekdays: readonly number[];
  /** Days off on a weekday otherwise worked (holidays, time off). */
  daysOff: ReadonlySet<number>;
}

/** A person's working days, answered in O(1) after lazy, amortised growth. */
export interface WorkCalendar {
  /** Whether the person works on `day` (day ≥ 0). */
  isWorking(day: number): boolean;
  /** The first working day on or after `day`. */
  nextWorkingDay(day: number): number;
  /** The day after the last of `workDays` working days starting at working day `start` (exclusive end). */
  finishAfter(start: number, workDays: number): number;
  /** Working days in [from, to). */
  countWorkingDays(from: number, to: number): number;
  /** Whether `day` falls on a usual working weekday (ignoring holidays and time off). */
  isWorkingWeekday(day: number): boolean;
}

/**
 * Builds a lazily grown working-day calendar. The spec must name at least one working weekday
 * (otherwise no working day exists and this is a programmer error).
 * @param spec weekdays worked and days off
 * @returns the calendar
 */
export function createWorkCalendar(spec: CalendarSpec): WorkCalendar {
  if (spec.workingWeekdays.length === 0) throw new Error('createWorkCalendar: no working weekday');
  const weekdays = new Uint8Array(7);
  for (const w of spec.workingWeekdays) weekdays[w] = 1;
  let size = 0;
  let working = new Uint8Array(0);
  // before[d] = working days in [0, d)
  let before = new Int32Array(1);
  let workDays = new Int32Array(0);
  let workCount = 0;

  const isWorkingWeekday = (day: number) => weekdays[(((spec.originWeekday + day) % 7) + 7) % 7] === 1;
  const grow = (minSize: number) => {
    let next = Math.max(64, size * 2);
    while (next < minSize) next *= 2;
    const w = new Uint8Array(next);
    w.set(working);
    const b = new Int32Array(next + 1);
    b.set(before);
    const list = new Int32Array(next);
    list.set(workDays.subarray(0, workCount));
    for (let d = size; d < next; d++) {
      const on = isWorkingWeekday(d) && !spec.daysOff.has(d) ? 1 : 0;
      w[d] = on;
      b[d + 1] = b[d]! + on;
      if (on) list[workCount++] = d;
    }
    working = w;
    before = b;
    workDays = list;
    size = next;
  };
  const ensureDay = (day: number) => {
    if (day >= size) grow(day + 1);
  };
  const ensureCount = (count: number) => {
    while (workCount < count) grow(size * 2);
  };

  return {
    isWorking(day) {
      if (day < 0) return false;
      ensureDay(day);
      return working[day] === 1;
    },
    nextWorkingDay(day) {
      const d = Math.max(0, day);
      ensureDay(d);
      ensureCount(before[d]! + 1);
      return workDays[before[d]!]!;
    },
    finishAfter(start, count) {
      if (count <= 0) return start;
      ensureDay(start);
      const index = before[start]! + count - 1;
      ensureCount(index + 1);
      return workDays[index]! + 1;
    },
    countWorkingDays(from, to) {
      if (to <= from) return 0;
      ensureDay(Math.max(0, to));
      return before[Math.max(0, to)]! - before[Math.max(0, from)]!;
    },
    isWorkingWeekday,
  };
}
