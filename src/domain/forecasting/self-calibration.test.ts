import { describe, expect, it } from 'vitest';
import { formatIsoDay, toDayNumber } from '../shared/calendar';
import { createRandom } from '../shared/random';
import {
  forecastCompletionCalibrated,
  forecastCountCalibrated,
  measureCalibratedChance,
} from './calibrated-forecast';
import { clearPastForecastMemo } from './past-forecasts';
import {
  estimateScores,
  findCalibratedCount,
  findCalibratedDay,
  measureEffectiveSize,
  measureLogSpread,
  measurePastCoverage,
  weighPastForecast,
} from './self-calibration';
import { forecastCompletion, forecastCountByDate } from './throughput-forecast';

const FIRST = '2023-01-01';
const dayAfter = (days: number) => formatIsoDay(toDayNumber(FIRST) + days);

/** Independent days: 0–4 items each, uniformly. */
function steadyCounts(days: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: days }, () => random.nextIndex(5));
}

/**
 * A team whose level moves: 60-day spells alternate between quiet (0–1 a day) and busy (2–8 a
 * day). Resampling the last 90 days misses the next spell's level, so it is over-confident.
 */
function shiftingCounts(days: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: days }, (_, d) =>
    Math.floor(d / 60) % 2 === 0 ? random.nextIndex(2) : 2 + random.nextIndex(7),
  );
}

function ok<T extends { status: string }>(result: T): Exclude<T, { status: 'insufficient-history' }> {
  if (result.status !== 'ok') throw new Error((result as unknown as { reason: string }).reason);
  return result as Exclude<T, { status: 'insufficient-history' }>;
}

const common = { window: { days: 90 }, trials: 2000, seed: 3 };

describe('self-calibrated throughput forecasts', () => {
  it('should say "not enough data" and read levels plainly when under 10 items were done in 90 days', () => {
    const counts = Array.from({ length: 400 }, (_, d) => (d % 15 === 0 ? 1 : 0));
    const result = ok(
      forecastCompletionCalibrated({
        ...common,
        history: { firstDate: FIRST, counts },
        start: dayAfter(400),
        items: 3,
      }),
    );
    expect(result.calibration.status).toBe('insufficient');
    expect(result.calibration.recentItems).toBe(6);
    expect(result.calibration.label).toBe(
      'not enough data: 6 items finished in the 90 days before the start; calibration needs 10',
    );
    expect(result.percentiles).toEqual(
      ok(
        forecastCompletion({
          ...common,
          history: { firstDate: FIRST, counts },
          start: dayAfter(400),
          items: 3,
        }),
      ).percentiles,
    );
  });

  it('should say how many known outcomes it has while calibrating on a short history', () => {
    const counts = steadyCounts(200, 1);
    const start = dayAfter(200);
    const result = ok(
      forecastCompletionCalibrated({ ...common, history: { firstDate: FIRST, counts }, start, items: 10 }),
    );
    const c = result.calibration;
    expect(c.status).toBe('calibrating');
    // Weekly origins 7 to 196 days back; the oldest has only 4 days (8 items) before it, under
    // the 10 items a past forecast needs: 27 past forecasts.
    expect(counts.slice(0, 4).reduce((a, b) => a + b, 0)).toBe(8);
    expect(c.pastForecasts).toBe(27);
    expect(c.knownOutcomes + c.runningOutcomes).toBe(27);
    expect(c.knownOutcomes).toBeLessThan(52);
    expect(c.label).toMatch(new RegExp(`^calibrating: ${c.knownOutcomes} of the 52 past forecasts needed`));
    // While calibrating, the answer is the plain one.
    const plain = ok(
      forecastCompletion({ ...common, history: { firstDate: FIRST, counts }, start, items: 10 }),
    );
    expect(result.percentiles).toEqual(plain.percentiles);
  });

  it('should read each level where it would have held at least that often on the past forecasts', () => {
    for (const counts of [steadyCounts(1000, 2), shiftingCounts(1000, 2)]) {
      const result = ok(
        forecastCompletionCalibrated({
          ...common,
          history: { firstDate: FIRST, counts },
          start: dayAfter(1000),
          items: 20,
        }),
      );
      const c = result.calibration;
      expect(c.status).toBe('calibrated');
      expect(c.label).toMatch(/^calibrated on \d+ past forecasts/);
      // Each date is the earliest one that past errors say is at least that likely.
      const n = c.pastForecasts;
      for (const { level, dayOffset } of result.percentiles) {
        expect(measureCalibratedChance(c, dayOffset!)!).toBeGreaterThanOrEqual(level / 100);
        if (dayOffset! > 0) {
          expect(measureCalibratedChance(c, dayOffset! - 1)!).toBeLessThan(((level / 100) * (n + 1)) / n);
        }
      }
    }
  });

  it('should find the plain P85 about right when days are independent', () => {
    // Independent days are what resampling assumes; only the window's sampling error and the
    // lumpiness of whole days remain, so past P85 dates held close to 85% of the time.
    const counts = steadyCounts(1000, 2);
    const result = ok(
      forecastCompletionCalibrated({
        ...common,
        history: { firstDate: FIRST, counts },
        start: dayAfter(1000),
        items: 20,
      }),
    );
    const held = result.calibration.pastCoverage!.find((p) => p.level === 85)!.observed;
    expect(Math.abs(held - 0.85)).toBeLessThan(0.08);
  });

  it('should widen the dates when the team’s past forecasts were over-confident', () => {
    const counts = shiftingCounts(1000, 4);
    const history = { firstDate: FIRST, counts };
    const start = dayAfter(1000);
    const calibrated = ok(forecastCompletionCalibrated({ ...common, history, start, items: 40 }));
    const plain = ok(forecastCompletion({ ...common, history, start, items: 40 }));
    const c = calibrated.calibration;
    expect(c.status).toBe('calibrated');
    const held85 = c.pastCoverage!.find((p) => p.level === 85)!.observed;
    expect(held85).toBeLessThan(0.8);
    const at = (f: typeof plain, level: number) => f.percentiles.find((p) => p.level === level)!.dayOffset!;
    expect(at(calibrated, 85)).toBeGreaterThan(at(plain, 85));
    expect(at(calibrated, 95)).toBeGreaterThan(at(plain, 95));
    // The simulation is the same: only where it is read differs.
    expect(calibrated.finishHistogram).toEqual(plain.finishHistogram);
    expect(calibrated.basis.notes.join(' ')).toContain('Calibration: calibrated on');
  });

  it('should lower the counts it promises when past counts fell short of their forecasts', () => {
    const counts = shiftingCounts(1000, 5);
    const history = { firstDate: FIRST, counts };
    const start = dayAfter(1000);
    const by = dayAfter(1029);
    const calibrated = ok(forecastCountCalibrated({ ...common, history, start, by }));
    const plain = ok(forecastCountByDate({ ...common, history, start, by }));
    expect(calibrated.calibration.status).toBe('calibrated');
    const at = (f: typeof plain, level: number) => f.percentiles.find((p) => p.level === level)!.count;
    expect(at(calibrated, 85)).toBeLessThan(at(plain, 85));
    expect(at(calibrated, 95)).toBeLessThanOrEqual(at(plain, 95));
  });

  it('should keep percentiles in order of level', () => {
    for (const seed of [6, 7, 8]) {
      const history = { firstDate: FIRST, counts: shiftingCounts(900, seed) };
      const result = ok(
        forecastCompletionCalibrated({ ...common, history, start: dayAfter(900), items: 25 }),
      );
      const offsets = result.percentiles.map((p) => p.dayOffset ?? Number.POSITIVE_INFINITY);
      expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    }
  });

  it('should answer exactly as plain resampling when calibration is turned off', () => {
    const history = { firstDate: FIRST, counts: shiftingCounts(900, 9) };
    const options = { ...common, history, start: dayAfter(900), items: 25 };
    const off = ok(forecastCompletionCalibrated({ ...options, calibration: false }));
    const plain = ok(forecastCompletion(options));
    expect(off.calibration.status).toBe('off');
    expect(off.percentiles).toEqual(plain.percentiles);
  });

  it('should not calibrate weekly counts, and say why', () => {
    const result = ok(
      forecastCompletionCalibrated({
        history: { firstWeekStart: FIRST, weeklyCounts: Array(60).fill(10) },
        start: dayAfter(420),
        items: 30,
        trials: 200,
      }),
    );
    expect(result.calibration.status).toBe('off');
    expect(result.calibration.label).toContain('weekly counts');
  });

  it('should give the same answer from a cold memo and a warm one', () => {
    const history = { firstDate: FIRST, counts: shiftingCounts(900, 10) };
    const options = { ...common, history, start: dayAfter(900), items: 30 };
    clearPastForecastMemo();
    const cold = forecastCompletionCalibrated(options);
    const warm = forecastCompletionCalibrated(options);
    expect(warm).toEqual(cold);
  });
});

describe('measurePastCoverage', () => {
  const records = [
    { originDay: 1, missShare: 0.1, outcome: 0, running: false, spread: null },
    { originDay: 2, missShare: 0.3, outcome: 0, running: false, spread: null },
    { originDay: 3, missShare: 0.2, running: true, outcome: 0, spread: null },
  ];

  it('should treat a running "when" outcome as a lower bound on its miss share', () => {
    // Known 0.1 and 0.3; the running one has M ≥ 0.2, so its weight goes to 0.3: P(M < 0.25) = 1/3.
    const [coverage] = measurePastCoverage(records, 'when', [25]);
    expect(coverage!.observed).toBeCloseTo(1 / 3, 12);
  });

  it('should treat a running "how many" outcome as an upper bound on its miss share', () => {
    // The running one has M ≤ 0.2, so its weight goes to 0.1: P(M < 0.25) = 2/3.
    const [coverage] = measurePastCoverage(records, 'count', [25]);
    expect(coverage!.observed).toBeCloseTo(2 / 3, 12);
  });
});

describe('findCalibratedDay and findCalibratedCount', () => {
  // Today: median day offset 9, P16 day 3, P84 day 19: centre ln 10, scale ln 5 / 2.
  // Three past forecasts scored −1, 0 and +1.
  const spread = { low: 3, median: 9, high: 19 };
  const scores = { values: [-1, 0, 1], masses: [1 / 3, 1 / 3, 1 / 3] };

  it('should scale the past scores by today’s spread and take the last day at or below them', () => {
    // P50 needs 0.5 × 4/3 of the past: the score 0, i.e. the median itself, day 9.
    expect(findCalibratedDay({ scores, sampleSize: 3, spread, level: 50 })).toBe(9);
    // P95 needs all of it: score +1, 10 × √5 = 22.4 days elapsed, so day offset 21.
    expect(findCalibratedDay({ scores, sampleSize: 3, spread, level: 95 })).toBe(21);
  });

  it('should take the first count at or above the past scores', () => {
    expect(findCalibratedCount({ scores, sampleSize: 3, spread, level: 50 })).toBe(9);
    // P95: score −1, 10 ÷ √5 = 4.47 items plus one: at least 4 items.
    expect(findCalibratedCount({ scores, sampleSize: 3, spread, level: 95 })).toBe(4);
  });

  it('should give a forecast whose trials all agree a scale of half a step at its median', () => {
    const { scale } = measureLogSpread({ low: 9, median: 9, high: 9 });
    expect(scale).toBeCloseTo(Math.log(11 / 10) / 2, 12);
  });
});

describe('recency weighting of past forecasts', () => {
  it('should halve a past forecast’s weight every half-life and keep every weight 1 without one', () => {
    expect(weighPastForecast(0, 364)).toBe(1);
    expect(weighPastForecast(364, 364)).toBeCloseTo(0.5, 12);
    expect(weighPastForecast(728, 364)).toBeCloseTo(0.25, 12);
    expect(weighPastForecast(728, Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('should count equal weights as their number and unequal ones as fewer', () => {
    expect(measureEffectiveSize([1, 1, 1, 1])).toBeCloseTo(4, 12);
    expect(measureEffectiveSize([1, 0.5, 0.25])).toBeLessThan(3);
    expect(measureEffectiveSize([1, 0.5, 0.25])).toBeGreaterThan(1);
  });

  it('should move the calibrated dates towards what recent past forecasts missed by', () => {
    // Two years of weekly past forecasts: the old ones finished early, the recent ones late.
    const spread = { low: 8, median: 10, high: 12 };
    const records = Array.from({ length: 104 }, (_, i) => ({
      originDay: 1000 - 7 * (i + 1),
      missShare: 0.5,
      outcome: i < 26 ? 16 : 6,
      running: false,
      spread,
    }));
    const median = (weighting?: { startDay: number; halfLifeDays: number }) =>
      findCalibratedDay({ scores: estimateScores(records, weighting), sampleSize: 104, spread, level: 50 });
    // Unweighted, the 78 early outcomes hold the median; weighted by a 13-week half-life, the recent late ones do.
    expect(median()).toBeLessThan(10);
    expect(median({ startDay: 1000, halfLifeDays: 91 })).toBeGreaterThan(10);
    expect(median({ startDay: 1000, halfLifeDays: Number.POSITIVE_INFINITY })).toBe(median());
  });
});
