import { describe, expect, it } from 'vitest';
import {
  describePlanTrackRecord,
  measureCoverageTrend,
  scoreForecast,
  summarizeCalibration,
} from './scoring';

const stored = [
  { level: 50, value: 10 },
  { level: 70, value: 12 },
  { level: 85, value: 15 },
  { level: 95, value: 20 },
];

describe('scoreForecast', () => {
  it('should say the outcome was within P85 when it landed between P70 and P85', () => {
    const score = scoreForecast({ percentiles: stored, actual: 13 });
    expect(score.withinP85).toBe(true);
    expect(score.landedAbove).toBe(70);
    expect(score.landedAtOrBelow).toBe(85);
    expect(score.hits.map((h) => h.hit)).toEqual([false, false, true, true]);
  });

  it('should count an outcome equal to P85 as within it', () => {
    expect(scoreForecast({ percentiles: stored, actual: 15 }).withinP85).toBe(true);
  });

  it('should say the outcome missed every level when it came after P95', () => {
    const score = scoreForecast({ percentiles: stored, actual: 21 });
    expect(score.withinP85).toBe(false);
    expect(score.landedAtOrBelow).toBeNull();
    expect(score.landedAbove).toBe(95);
  });

  it('should treat a level beyond the horizon as covering any outcome', () => {
    const score = scoreForecast({ percentiles: [{ level: 95, value: null }], actual: 1e6 });
    expect(score.hits).toEqual([{ level: 95, hit: true }]);
    expect(score.withinP85).toBeNull();
  });

  it('should give the exact percentile when the distribution was stored', () => {
    // 10 trials: 1 on day 0, 3 on day 1, 4 on day 2, 2 never. Outcome day 1 → 4 of 10 = 40%.
    const score = scoreForecast({
      percentiles: stored,
      actual: 1,
      distribution: { histogram: [1, 3, 4], total: 10 },
    });
    expect(score.landedPercentile).toBe(40);
  });
});

describe('summarizeCalibration', () => {
  it('should give the observed frequency per level when many forecasts were scored', () => {
    const scores = [8, 11, 14, 30].map((actual) => scoreForecast({ percentiles: stored, actual }));
    const summary = summarizeCalibration(scores);
    // At or below 10: 1 of 4; 12: 2; 15: 3; 20: 3.
    expect(summary.rows.map((r) => [r.level, r.observed])).toEqual([
      [50, 0.25],
      [70, 0.5],
      [85, 0.75],
      [95, 0.75],
    ]);
    expect(summary.rows[0]!.gap).toBeCloseTo(-0.25, 12);
    // |−0.25| + |−0.2| + |−0.1| + |−0.2| = 0.75, over 4 levels.
    expect(summary.meanAbsoluteGap).toBeCloseTo(0.1875, 12);
  });

  it('should give an empty summary when nothing was scored', () => {
    expect(summarizeCalibration([])).toEqual({ forecasts: 0, rows: [], meanAbsoluteGap: null });
  });
});

describe('measureCoverageTrend', () => {
  it('should set the coverage of the latest forecasts against the earlier ones', () => {
    // Four early misses of P85 (actual 30 > 15), then three hits (actual 10).
    const scores = [30, 30, 30, 30, 10, 10, 10].map((actual) =>
      scoreForecast({ percentiles: stored, actual }),
    );
    expect(measureCoverageTrend(scores, { recent: 3 })).toEqual({
      level: 85,
      recent: { forecasts: 3, observed: 1 },
      earlier: { forecasts: 4, observed: 0 },
    });
  });

  it('should leave the earlier window empty when there are no more forecasts than the recent window', () => {
    const scores = [10, 30].map((actual) => scoreForecast({ percentiles: stored, actual }));
    expect(measureCoverageTrend(scores, { level: 95 })).toEqual({
      level: 95,
      recent: { forecasts: 2, observed: 0.5 },
      earlier: { forecasts: 0, observed: null },
    });
  });
});

describe('describePlanTrackRecord', () => {
  it('should say how often the P85 held, or that nothing has been scored yet', () => {
    expect(describePlanTrackRecord({ scored: 12, withinP85: 9 })).toBe(
      'P85 held in 9 of 12 scored plan forecasts',
    );
    expect(describePlanTrackRecord({ scored: 0, withinP85: 0 })).toMatch(/^not enough data/);
  });
});
