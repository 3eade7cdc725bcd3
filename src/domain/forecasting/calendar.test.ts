import { describe, expect, it } from 'vitest';
import { formatIsoDay, markWorkingDays, parseIsoDay, toDayNumber, weekdayOf } from './calendar';

describe('calendar', () => {
  it('should count days from 1970-01-01 when parsing a date', () => {
    expect(parseIsoDay('1970-01-01')).toBe(0);
    expect(parseIsoDay('1970-01-31')).toBe(30);
    expect(parseIsoDay('1971-01-01')).toBe(365);
  });

  it('should reject impossible dates when parsing', () => {
    expect(parseIsoDay('2026-02-30')).toBeNull();
    expect(parseIsoDay('2026-13-01')).toBeNull();
    expect(parseIsoDay('26-1-1')).toBeNull();
    expect(() => toDayNumber('nope')).toThrow();
  });

  it('should round-trip when formatting a parsed date', () => {
    expect(formatIsoDay(toDayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(formatIsoDay(toDayNumber('2024-02-28') + 2)).toBe('2024-03-01');
  });

  it('should know the weekday when given a day number', () => {
    // 2026-11-26 is a Thursday, 2026-11-29 a Sunday.
    expect(weekdayOf(toDayNumber('2026-11-26'))).toBe(4);
    expect(weekdayOf(toDayNumber('2026-11-29'))).toBe(0);
  });

  it('should mark weekends and holidays as non-working when given a weekday calendar', () => {
    const flags = markWorkingDays({
      calendar: { workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-11-27'] },
      firstDay: toDayNumber('2026-11-26'),
      length: 5,
    });
    // Thu, Fri (holiday), Sat, Sun, Mon
    expect(Array.from(flags)).toEqual([1, 0, 0, 0, 1]);
  });
});
