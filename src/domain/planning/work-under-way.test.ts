import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDayNumber } from '../shared/calendar';
import { countWeekdays, measureCapacityGiven } from './work-under-way';

const day = (iso: string) => readDayNumber(iso);

describe('countWeekdays', () => {
  it('counts Monday to Friday, end excluded', () => {
    // 2026-01-05 is a Monday.
    expect(countWeekdays(day('2026-01-05'), day('2026-01-12'))).toBe(5);
    expect(countWeekdays(day('2026-01-09'), day('2026-01-12'))).toBe(1);
    expect(countWeekdays(day('2026-01-10'), day('2026-01-12'))).toBe(0);
    expect(countWeekdays(day('2026-01-05'), day('2026-01-05'))).toBe(0);
    expect(countWeekdays(day('2026-01-12'), day('2026-01-05'))).toBe(0);
    expect(countWeekdays(Number.NaN, day('2026-01-05'))).toBe(0);
  });

  it('counts five of every seven days, whatever the first weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 200 }), (from, weeks) => {
        expect(countWeekdays(from, from + 7 * weeks)).toBe(5 * weeks);
      }),
    );
  });
});

describe('measureCapacityGiven', () => {
  it('is weekdays since the start times FTE, shared among the person’s work under way', () => {
    const startedAt = new Date('2026-01-05T15:00:00Z');
    expect(measureCapacityGiven({ startedAt, planStart: '2026-01-19', fte: 1, share: 1 })).toBe(10);
    expect(measureCapacityGiven({ startedAt, planStart: '2026-01-19', fte: 0.5, share: 2 })).toBe(2.5);
    expect(measureCapacityGiven({ startedAt, planStart: '2026-01-05', fte: 1, share: 1 })).toBe(0);
    expect(measureCapacityGiven({ startedAt, planStart: '2026-01-02', fte: 1, share: 1 })).toBe(0);
  });
});
