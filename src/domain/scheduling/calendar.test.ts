import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './calendar';

// 2024-01-01 is a Monday (weekday 1).
const weekdays = [1, 2, 3, 4, 5];

describe('createWorkCalendar', () => {
  it('should skip weekends when finding the next working day', () => {
    const cal = createWorkCalendar({ originWeekday: 1, workingWeekdays: weekdays, daysOff: new Set() });
    // day 5 is Saturday, day 7 the next Monday
    expect(cal.nextWorkingDay(5)).toBe(7);
    expect(cal.nextWorkingDay(4)).toBe(4);
  });

  it('should end a five-day task on Friday when it starts on Monday', () => {
    const cal = createWorkCalendar({ originWeekday: 1, workingWeekdays: weekdays, daysOff: new Set() });
    expect(cal.finishAfter(0, 5)).toBe(5);
    // six days run into the next Monday (day 7), so the exclusive end is day 8
    expect(cal.finishAfter(0, 6)).toBe(8);
  });

  it('should stretch work over days off when a holiday falls inside', () => {
    const cal = createWorkCalendar({ originWeekday: 1, workingWeekdays: weekdays, daysOff: new Set([2]) });
    // Mon, Tue, (Wed off), Thu → ends after day 3
    expect(cal.finishAfter(0, 3)).toBe(4);
    expect(cal.isWorking(2)).toBe(false);
    expect(cal.isWorkingWeekday(2)).toBe(true);
    expect(cal.countWorkingDays(0, 7)).toBe(4);
  });

  it('should grow far beyond its first block when asked about distant days', () => {
    const cal = createWorkCalendar({ originWeekday: 1, workingWeekdays: [3], daysOff: new Set() });
    // only Wednesdays: the 1000th Wednesday from day 2 is day 2 + 999 * 7
    expect(cal.finishAfter(2, 1000)).toBe(2 + 999 * 7 + 1);
  });
});
