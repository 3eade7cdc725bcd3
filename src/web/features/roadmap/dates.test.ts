import { describe, expect, it } from 'vitest';
import { formatIsoDay, readDayNumber, weekdayOf } from '../../../domain/shared';
import { describeDayDifference, describeMilestoneDifference, describeSlip, findMondays } from './dates';

describe('findMondays', () => {
  it('should list every Monday in range when the range spans two weeks', () => {
    // 2026-11-26 is a Thursday; the Mondays after it are 30 Nov and 7 Dec.
    const mondays = findMondays({ from: readDayNumber('2026-11-26'), to: readDayNumber('2026-12-09') });
    expect(mondays.map(formatIsoDay)).toEqual(['2026-11-30', '2026-12-07']);
  });

  it('should include the first day when it is a Monday', () => {
    const monday = readDayNumber('2026-11-30');
    expect(weekdayOf(monday)).toBe(1);
    expect(findMondays({ from: monday, to: monday })).toEqual([monday]);
  });
});

describe('describeDayDifference', () => {
  it('should say earlier or later with the number of days when the dates differ', () => {
    expect(describeDayDifference(-13)).toBe('13 days earlier');
    expect(describeDayDifference(1)).toBe('1 day later');
    expect(describeDayDifference(0)).toBe('no change');
    expect(describeDayDifference(null)).toBe('not comparable');
  });
});

describe('describeMilestoneDifference', () => {
  it('should say a milestone whose work was cut is no longer planned, not that it is not comparable', () => {
    expect(
      describeMilestoneDifference({ baseline: '2026-03-02', scenario: null, differenceDays: null }),
    ).toBe('no longer planned');
  });

  it('should say a milestone planned only in the scenario is now planned', () => {
    expect(
      describeMilestoneDifference({ baseline: null, scenario: '2026-03-02', differenceDays: null }),
    ).toBe('now planned');
    expect(describeMilestoneDifference({ baseline: null, scenario: null, differenceDays: null })).toBe(
      'not planned in either',
    );
  });

  it('should give the difference in days when both plans have a date', () => {
    expect(
      describeMilestoneDifference({ baseline: '2026-03-02', scenario: '2026-03-05', differenceDays: 3 }),
    ).toBe('3 days later');
  });
});

describe('describeSlip', () => {
  it('should say late or early against the target when there is one', () => {
    expect(describeSlip(3)).toBe('3 days late');
    expect(describeSlip(-1)).toBe('1 day early');
    expect(describeSlip(0)).toBe('on target');
    expect(describeSlip(null)).toBe('no target');
  });
});
