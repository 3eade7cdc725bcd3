import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../shared/calendar';
import { markWorkingDays } from './calendar';

describe('markWorkingDays', () => {
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
