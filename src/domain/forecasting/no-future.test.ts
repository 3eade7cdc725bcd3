import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDay, toDayNumber } from '../shared/calendar';
import { forecastCompletionCalibrated, forecastCountCalibrated } from './calibrated-forecast';
import { forecastCompletion, forecastCountByDate } from './throughput-forecast';
import type { ThroughputForecastOptions } from './throughput-types';

// The property every surface relies on: a forecast made as of a start day reads nothing on or
// after that day. A history whose future is poisoned with absurd counts must give exactly the
// forecast of the history cut just before the start.

const FIRST = '2025-01-01';
const POISON = 1_000_000;

/** A history, a start inside (or just after) it, and absurd counts to put on and after the start. */
const scenario = fc
  .record({
    counts: fc.array(fc.nat({ max: 6 }), { minLength: 8, maxLength: 160 }),
    startAt: fc.double({ min: 0.05, max: 1.1, noNaN: true }),
    poison: fc.array(fc.integer({ min: 50, max: POISON }), { minLength: 1, maxLength: 5 }),
    windowDays: fc.option(fc.integer({ min: 7, max: 120 }), { nil: undefined }),
    // A window that claims to end after the start must still stop at the start.
    windowEndsLate: fc.boolean(),
    blockDays: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    level: fc.boolean(),
    calendar: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map((s) => {
    const startIndex = Math.max(1, Math.min(s.counts.length + 3, Math.round(s.startAt * s.counts.length)));
    const start = formatIsoDay(toDayNumber(FIRST) + startIndex);
    const poisoned = s.counts.map((c, i) => (i >= startIndex ? s.poison[i % s.poison.length]! : c));
    const truncated = s.counts.slice(0, startIndex);
    return { ...s, start, startIndex, poisoned, truncated };
  });

function optionsOf(
  s: {
    start: string;
    startIndex: number;
    windowDays: number | undefined;
    windowEndsLate: boolean;
    blockDays: number | undefined;
    level: boolean;
    calendar: boolean;
    seed: number;
  },
  counts: number[],
): ThroughputForecastOptions {
  const late = formatIsoDay(toDayNumber(FIRST) + s.startIndex + 30);
  const window =
    s.windowDays === undefined && !s.windowEndsLate
      ? undefined
      : {
          ...(s.windowDays !== undefined ? { days: s.windowDays } : {}),
          ...(s.windowEndsLate ? { endBefore: late } : {}),
        };
  return {
    history: { firstDate: FIRST, counts },
    start: s.start,
    trials: 200,
    seed: s.seed,
    minimum: { sampleDays: 1, items: 0, activeDays: 0 },
    ...(window ? { window } : {}),
    ...(s.blockDays !== undefined ? { blockDays: s.blockDays } : {}),
    ...(s.level ? { levelUncertainty: { parts: 2 } } : {}),
    ...(s.calendar ? { calendar: { workingWeekdays: [1, 2, 3, 4, 5] } } : {}),
  };
}

describe('a forecast never sees its future', () => {
  it('should answer "when" exactly as on the history cut before the start when the future is poisoned', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 30 }), (s, items) => {
        const poisoned = forecastCompletion({ ...optionsOf(s, s.poisoned), items, maxDays: 400 });
        const truncated = forecastCompletion({ ...optionsOf(s, s.truncated), items, maxDays: 400 });
        expect(poisoned).toEqual(truncated);
      }),
      { numRuns: 150 },
    );
  });

  it('should answer "how many" exactly as on the history cut before the start when the future is poisoned', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 60 }), (s, days) => {
        const by = formatIsoDay(toDayNumber(s.start) + days);
        const poisoned = forecastCountByDate({ ...optionsOf(s, s.poisoned), by });
        const truncated = forecastCountByDate({ ...optionsOf(s, s.truncated), by });
        expect(poisoned).toEqual(truncated);
      }),
      { numRuns: 150 },
    );
  });

  it('should read only weeks that ended before the start when the weekly future is poisoned', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 30 }), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 50 }),
        (weeks, startOffset, items) => {
          const start = formatIsoDay(toDayNumber(FIRST) + startOffset);
          // Week k covers days 7k .. 7k + 6: it is in the past only when it ends before the start.
          const pastWeeks = Math.floor(startOffset / 7);
          const poisoned = weeks.map((c, k) => (k >= pastWeeks ? POISON : c));
          const common = { start, trials: 100, items, minimum: { sampleDays: 7, items: 0, activeDays: 0 } };
          const a = forecastCompletion({
            ...common,
            history: { firstWeekStart: FIRST, weeklyCounts: poisoned },
          });
          const b = forecastCompletion({
            ...common,
            history: { firstWeekStart: FIRST, weeklyCounts: weeks.slice(0, pastWeeks) },
          });
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('should ignore every day on or after the start when no window is given', () => {
    // Ten quiet days, then a flood from the start on: the flood must not speed up the answer.
    const counts = [...Array(10).fill(1), ...Array(30).fill(POISON)];
    const result = forecastCompletion({
      history: { firstDate: FIRST, counts },
      start: formatIsoDay(toDayNumber(FIRST) + 10),
      items: 5,
      trials: 100,
    });
    if (result.status !== 'ok') throw new Error(result.reason);
    expect(result.basis.history.to).toBe(formatIsoDay(toDayNumber(FIRST) + 9));
    expect(result.percentiles.every((p) => p.dayOffset === 4)).toBe(true);
  });

  it('should calibrate on the past only when the future is poisoned', () => {
    // Long enough for past forecasts with known outcomes; fewer trials keep the property fast.
    let calibrated = 0;
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 5 }), { minLength: 300, maxLength: 700 }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.integer({ min: 50, max: POISON }),
        fc.integer({ min: 1, max: 25 }),
        fc.boolean(),
        (counts, at, poison, size, when) => {
          const startIndex = Math.floor(at * counts.length);
          const start = formatIsoDay(toDayNumber(FIRST) + startIndex);
          const poisoned = counts.map((c, i) => (i >= startIndex ? poison : c));
          const options = (history: number[]) => ({
            history: { firstDate: FIRST, counts: history },
            start,
            trials: 300,
            window: { days: 90 },
            calibration: { trials: 200, neededOutcomes: 20 },
          });
          const by = formatIsoDay(toDayNumber(start) + size);
          const ask = (history: number[]) =>
            when
              ? forecastCompletionCalibrated({ ...options(history), items: size })
              : forecastCountCalibrated({ ...options(history), by });
          const a = ask(poisoned);
          expect(a).toEqual(ask(counts.slice(0, startIndex)));
          if (a.status === 'ok' && a.calibration.status === 'calibrated') calibrated++;
        },
      ),
      { numRuns: 12 },
    );
    expect(calibrated).toBeGreaterThan(0);
  });
});
