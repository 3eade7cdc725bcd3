import { describe, expect, it } from 'vitest';
import { buildBurnUp } from './burn-up';
import {
  buildDistributionCurve,
  buildFinishBars,
  chanceDoneBy,
  describeCalibrationStatus,
  describeLanding,
  describeShift,
  formatDay,
  formatShare,
  shareDoneBy,
} from './forecast-format';

describe('formatDay', () => {
  it('should leave the year out when the date is in the reference year', () => {
    expect(formatDay('2026-03-12', { today: '2026-01-05' })).toBe('12 Mar');
  });

  it('should show the year and weekday when asked and the year differs', () => {
    // 2027-01-06 is a Wednesday.
    expect(formatDay('2027-01-06', { today: '2026-11-26', weekday: true })).toBe('Wed 6 Jan 2027');
  });
});

describe('describeShift', () => {
  it('should say the old and new date and how many days earlier when the date moved in', () => {
    expect(describeShift({ level: 85, before: '2026-03-12', after: '2026-03-03', today: '2026-01-01' })).toBe(
      'was 85% by 12 Mar, now 85% by 3 Mar (9 days earlier)',
    );
  });

  it('should say one day later in the singular when the date moved out by a day', () => {
    expect(describeShift({ level: 85, before: '2026-03-03', after: '2026-03-04', today: '2026-01-01' })).toBe(
      'was 85% by 3 Mar, now 85% by 4 Mar (1 day later)',
    );
  });

  it('should say still when the date did not move', () => {
    expect(describeShift({ level: 50, before: '2026-03-03', after: '2026-03-03', today: '2026-01-01' })).toBe(
      'still 50% by 3 Mar',
    );
  });
});

describe('shareDoneBy', () => {
  it('should add the trials finishing up to and including the day when the day is inside the histogram', () => {
    // 10 trials: 2 on day 1, 3 on day 2, 5 on day 4 → by day 2: 5 of 10.
    expect(shareDoneBy({ histogram: [0, 2, 3, 0, 5], trials: 10, dayOffset: 2 })).toBe(0.5);
  });

  it('should not reach 1 when some trials never finished within the horizon', () => {
    expect(shareDoneBy({ histogram: [4, 4], trials: 10, dayOffset: 30 })).toBe(0.8);
  });

  it('should be 0 when the day is before the start', () => {
    expect(shareDoneBy({ histogram: [4, 4], trials: 8, dayOffset: -1 })).toBe(0);
  });
});

describe('formatShare', () => {
  it('should not round a small but real chance down to 0%', () => {
    expect(formatShare(0.004)).toBe('<1%');
    expect(formatShare(0.996)).toBe('>99%');
    expect(formatShare(0.855)).toBe('86%');
  });
});

describe('buildFinishBars', () => {
  it('should start at the first finishing day and accumulate to the share of finished trials', () => {
    const { bars, bucketDays } = buildFinishBars({ histogram: [0, 0, 1, 3], trials: 4, start: '2026-01-01' });
    expect(bucketDays).toBe(1);
    expect(bars).toEqual([
      { date: '2026-01-03', share: 25, cumulative: 25 },
      { date: '2026-01-04', share: 75, cumulative: 100 },
    ]);
  });

  it('should group days into weeks when the spread is longer than 120 days', () => {
    const histogram = new Array<number>(140).fill(1);
    const { bars, bucketDays } = buildFinishBars({ histogram, trials: 140, start: '2026-01-01' });
    expect(bucketDays).toBe(7);
    expect(bars).toHaveLength(20);
    expect(bars[0]).toEqual({ date: '2026-01-07', share: 5, cumulative: 5 });
  });
});

describe('buildDistributionCurve', () => {
  it('should rise from 0 % the day before the first finish and write each level where it is reached', () => {
    const curve = buildDistributionCurve({
      distribution: [
        { dayOffset: 5, probability: 0.5 },
        { dayOffset: 7, probability: 0.9 },
        { dayOffset: 10, probability: 1 },
      ],
      levels: [95, 50, 85],
    });
    expect(curve).toEqual([
      { day: 4, chance: 0, label: '' },
      { day: 5, chance: 50, label: '50%' },
      { day: 7, chance: 90, label: '85%' },
      { day: 10, chance: 100, label: '95%' },
    ]);
  });

  it('should merge levels first reached on the same day, and start at the start day at the earliest', () => {
    const curve = buildDistributionCurve({
      distribution: [
        { dayOffset: 0, probability: 0.2 },
        { dayOffset: 3, probability: 0.97 },
      ],
      levels: [50, 85, 95],
    });
    expect(curve).toEqual([
      { day: 0, chance: 20, label: '' },
      { day: 3, chance: 97, label: '50%/85%/95%' },
    ]);
  });
});

describe('describeLanding', () => {
  it('should name the two levels the outcome fell between when no distribution was stored', () => {
    expect(describeLanding({ landedAtOrBelow: 85, landedAbove: 70, landedPercentile: null })).toBe(
      'between P70 and P85',
    );
    expect(describeLanding({ landedAtOrBelow: null, landedAbove: 95, landedPercentile: null })).toBe(
      'later than P95',
    );
  });

  it('should speak of counts reached when the forecast was a count', () => {
    expect(describeLanding({ landedAtOrBelow: 50, landedAbove: 0, landedPercentile: null }, 'count')).toBe(
      'at least the P50 count',
    );
  });

  it('should give the exact percentile when the distribution was stored', () => {
    expect(describeLanding({ landedAtOrBelow: 70, landedAbove: 50, landedPercentile: 61.4 })).toBe('at P61');
  });
});

describe('buildBurnUp', () => {
  it('should give a single line when the team finishes exactly one item every day', () => {
    // One item per day for the 14 days before the start: every future is +1 a day.
    const completedAt = Array.from(
      { length: 14 },
      (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}T12:00:00Z`,
    );
    const result = buildBurnUp({
      completedAt,
      start: '2026-01-15',
      windowDays: 14,
      horizonDays: 3,
      trials: 50,
    });
    if (result.status !== 'ok') throw new Error('expected a burn-up');
    expect(result.base).toBe(14);
    const future = result.points.filter((p) => p.date >= '2026-01-15');
    // By the end of day k after the start (k = 0, 1, 2): 14 + k + 1 items, in every future.
    expect(future.map((p) => [p.date, p.low, p.high])).toEqual([
      ['2026-01-15', 15, 15],
      ['2026-01-16', 16, 16],
      ['2026-01-17', 17, 17],
    ]);
  });

  it('should say the history is too short when there is almost none', () => {
    const result = buildBurnUp({
      completedAt: ['2026-01-10T12:00:00Z'],
      start: '2026-01-15',
      windowDays: 30,
      horizonDays: 10,
    });
    expect(result.status).toBe('insufficient-history');
  });
});

describe('chanceDoneBy', () => {
  it('should read the calibrated chance when the forecast was calibrated, and the last one past the list', () => {
    const common = { histogram: [5, 5], trials: 10 };
    expect(chanceDoneBy({ ...common, chanceByDay: [0.2, 0.6, 0.999], dayOffset: 1 })).toBe(0.6);
    expect(chanceDoneBy({ ...common, chanceByDay: [0.2, 0.6, 0.999], dayOffset: 40 })).toBe(0.999);
    expect(chanceDoneBy({ ...common, chanceByDay: [0.2, 0.6, 0.999], dayOffset: -1 })).toBe(0);
  });

  it('should fall back to the share of simulated futures when not calibrated', () => {
    expect(chanceDoneBy({ histogram: [5, 5], trials: 10, dayOffset: 0 })).toBe(0.5);
  });
});

describe('describeCalibrationStatus', () => {
  it('should lead with the label and say how plain resampling did when calibrated', () => {
    const text = describeCalibrationStatus({
      status: 'calibrated',
      label: 'calibrated on 96 past forecasts',
      pastCoverage: [{ level: 85, observed: 0.72 }],
    });
    expect(text.title).toBe('Calibrated on 96 past forecasts');
    expect(text.detail).toContain('85% dates held 72%');
  });

  it('should warn that the ranges are plain while calibrating', () => {
    const text = describeCalibrationStatus({
      status: 'calibrating',
      label: 'calibrating: 20 of the 52 past forecasts needed have a known outcome',
      pastCoverage: null,
    });
    expect(text.title).toMatch(/^Calibrating: 20 of the 52/);
    expect(text.detail).toContain('over-confident');
  });
});
