import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  countDaysBetween,
  formatIsoDay,
  isIsoDate,
  MS_PER_DAY,
  parseIsoDay,
  readDayNumber,
  toDayNumber,
  toDayNumberOf,
  toIsoDay,
  weekdayOf,
} from './calendar';

describe('parseIsoDay', () => {
  it('should count days since 1970-01-01', () => {
    expect(parseIsoDay('1970-01-01')).toBe(0);
    expect(parseIsoDay('1970-02-01')).toBe(31);
    expect(parseIsoDay('1971-01-01')).toBe(365);
  });

  it('should refuse text that is not a real calendar date', () => {
    for (const text of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', 'nope', '2026-01-01T00:00:00Z']) {
      expect(parseIsoDay(text)).toBeNull();
      expect(isIsoDate(text)).toBe(false);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});

describe('toDayNumber', () => {
  it('should throw on an invalid date, which callers must have validated', () => {
    expect(() => toDayNumber('2026-02-30')).toThrow('not a YYYY-MM-DD date');
  });

  it('should round-trip with formatIsoDay for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        expect(toDayNumber(formatIsoDay(day))).toBe(day);
      }),
    );
  });
});

describe('readDayNumber', () => {
  it('should read a real date and give NaN for a damaged one', () => {
    expect(readDayNumber('1970-01-03')).toBe(2);
    expect(readDayNumber('2026-02-30')).toBeNaN();
    expect(readDayNumber('undefined')).toBeNaN();
  });
});

describe('toDayNumberOf', () => {
  it('should give the UTC day of an instant, the last millisecond included', () => {
    expect(toDayNumberOf(new Date('1970-01-02T23:59:59.999Z'))).toBe(1);
    expect(toDayNumberOf(-1)).toBe(-1);
  });
});

describe('toIsoDay', () => {
  it('should give the UTC day of an instant, late evening included', () => {
    expect(toIsoDay(new Date('2026-03-29T23:59:59Z'))).toBe('2026-03-29');
    expect(toIsoDay(Date.UTC(2026, 2, 30) + MS_PER_DAY - 1)).toBe('2026-03-30');
  });
});

describe('countDaysBetween and addDays', () => {
  it('should cross month ends and leap days', () => {
    expect(countDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(countDaysBetween('2024-01-08', '2024-01-01')).toBe(-7);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });

  it('should give NaN when a date is not real', () => {
    expect(countDaysBetween('2024-01-01', 'soon')).toBeNaN();
  });

  it('should undo each other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -1000, max: 1000 }), (day, days) => {
        const from = formatIsoDay(day);
        expect(countDaysBetween(from, addDays(from, days))).toBe(days);
      }),
    );
  });
});

describe('weekdayOf', () => {
  it('should know 1970-01-01 was a Thursday and 2026-11-29 a Sunday', () => {
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(toDayNumber('2026-11-29'))).toBe(0);
    expect(weekdayOf(-1)).toBe(3);
  });
});
