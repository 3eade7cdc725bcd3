import { describe, expect, it } from 'vitest';
import { findHealthMismatch, judgeMilestoneRisk } from './milestone-risk';
import { describePlanBasis, explainScheduleGap, type PlanBasis } from './schedule-gap';

const fresh: PlanBasis = { focus: 1, focusStatus: 'assumed', effortsFromRecord: 0, unestimated: 0 };
const start = '2027-01-04';

describe('explainScheduleGap', () => {
  it('should say nothing when the scheduled date and the P85 are within a week of each other', () => {
    const gap = explainScheduleGap({ start, scheduled: '2027-02-01', p85: '2027-02-06', basis: fresh });
    expect(gap).toEqual({ differenceDays: 5, farApart: false, line: null });
  });

  it('should name unestimated items, the learned focus factor and variability when the P85 is much later', () => {
    const gap = explainScheduleGap({
      start,
      scheduled: '2027-02-01',
      p85: '2027-03-15',
      basis: { focus: 0.62, focusStatus: 'learned', effortsFromRecord: 0, unestimated: 3 },
    });
    expect(gap.differenceDays).toBe(42);
    expect(gap.farApart).toBe(true);
    expect(gap.line).toBe(
      "The forecast's P85 is 42 days after the scheduled date because it counts 3 unestimated items the schedule leaves out; it divides effort by the team's 62 % focus factor (the schedule assumes full focus); and it allows for how much efforts vary (the schedule takes each expected effort).",
    );
  });

  it('should leave out the focus factor when it was assumed, not learned', () => {
    const gap = explainScheduleGap({
      start,
      scheduled: '2027-01-11',
      p85: '2027-02-11',
      basis: { ...fresh, unestimated: 1 },
    });
    expect(gap.line).toContain('1 unestimated item the schedule');
    expect(gap.line).not.toContain('focus factor');
  });

  it('should not blame unestimated work or focus when the P85 is much earlier than the schedule', () => {
    const gap = explainScheduleGap({
      start,
      scheduled: '2027-04-01',
      p85: '2027-02-01',
      basis: { focus: 0.5, focusStatus: 'learned', effortsFromRecord: 4, unestimated: 2 },
    });
    expect(gap.differenceDays).toBeLessThan(0);
    expect(gap.line).toMatch(/days before the scheduled date because it corrects 4 estimates/);
    expect(gap.line).not.toContain('unestimated');
    expect(gap.line).not.toContain('focus factor');
  });

  it('should explain a milestone the schedule cannot date by its unestimated work', () => {
    const gap = explainScheduleGap({
      start,
      scheduled: null,
      p85: '2027-02-01',
      basis: { ...fresh, unestimated: 2 },
    });
    expect(gap.line).toMatch(/no date for it because it leaves out its 2 unestimated items/);
    expect(explainScheduleGap({ start, scheduled: null, p85: null, basis: fresh }).line).toBeNull();
  });

  it('should always end the reasons with the spread of efforts', () => {
    expect(describePlanBasis(fresh)).toEqual([
      'it allows for how much efforts vary (the schedule takes each expected effort)',
    ]);
  });
});

describe('judgeMilestoneRisk', () => {
  it('should call a milestone late below 50 %, at risk below 85 % and on track from 85 %', () => {
    expect([0, 0.49, 0.5, 0.84, 0.85, 1].map(judgeMilestoneRisk)).toEqual([
      'late',
      'late',
      'at-risk',
      'at-risk',
      'on-track',
      'on-track',
    ]);
    expect(judgeMilestoneRisk(null)).toBeNull();
  });
});

describe('findHealthMismatch', () => {
  it('should flag an on-track call only when the forecast gives less than 50 %', () => {
    expect(findHealthMismatch('on_track', 0.42)).toMatch(/only 42 % by the target/);
    expect(findHealthMismatch('on_track', 0.5)).toBeNull();
    expect(findHealthMismatch('at_risk', 0.1)).toBeNull();
    expect(findHealthMismatch('on_track', null)).toBeNull();
  });
});
