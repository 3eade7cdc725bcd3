import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/calendar';
import { forecastCompletion, forecastCountByDate } from './throughput-forecast';
import type { CompletionForecast, CountForecast } from './throughput-types';

function expectOk<T extends { status: string }>(result: T | { status: 'insufficient-history' }): T {
  if (result.status !== 'ok') throw new Error(`expected a forecast, got ${result.status}`);
  return result as T;
}

const datesOf = (f: CompletionForecast) => Object.fromEntries(f.percentiles.map((p) => [p.level, p.date]));
const countsOf = (f: CountForecast) => Object.fromEntries(f.percentiles.map((p) => [p.level, p.count]));

// Four repeats of a week whose days are all busy and total 14: every run of 7 consecutive days
// (whatever weekday it starts on) also totals 14.
const periodic = { firstDate: '2026-01-05', counts: Array(4).fill([1, 2, 3, 1, 2, 3, 2]).flat() as number[] };

describe('forecastCompletion with blocks of days', () => {
  it('should give a single date when every block of 7 days completes the same total', () => {
    // 42 items = 3 blocks of 14; the last day of a block is never 0, so the 42nd item lands on
    // day offset 20, the end of the third block, in every trial: 2026-03-01 + 20 = 2026-03-21.
    const result = expectOk<CompletionForecast>(
      forecastCompletion({ history: periodic, start: '2026-03-01', items: 42, trials: 400, blockDays: 7 }),
    );
    expect(datesOf(result)).toEqual({
      50: '2026-03-21',
      70: '2026-03-21',
      85: '2026-03-21',
      95: '2026-03-21',
    });
    expect(result.basis.resampling).toEqual({ unit: 'day', blockDays: 7 });
    expect(result.basis.notes.join(' ')).toContain('moving-block bootstrap');
  });

  it('should spread the same case over several dates when days are drawn one by one', () => {
    const result = expectOk<CompletionForecast>(
      forecastCompletion({ history: periodic, start: '2026-03-01', items: 42, trials: 400 }),
    );
    expect(result.percentiles[0]!.dayOffset).toBeLessThan(result.percentiles[3]!.dayOffset!);
    expect(result.basis.resampling).toEqual({ unit: 'day', blockDays: 1 });
  });

  it('should match hand-computed percentiles when blocks of two days take three forms', () => {
    // History [0, 0, 4], blocks of 2 (wrapping): [0,0], [0,4], [4,0], each with probability 1/3.
    // 4 items: P(done by day 0) = 1/3 ([4,0]), by day 1 = 2/3 (+[0,4]), by day 2 = 2/3 + 1/9 = 7/9,
    // by day 3 = 8/9, by day 4 = 8/9 + 1/27 = 25/27 ≈ 0.926, by day 5 = 26/27 ≈ 0.963.
    // So P50 = day 1, P70 = day 2, P85 = day 3, P95 = day 5.
    const result = expectOk<CompletionForecast>(
      forecastCompletion({
        history: { firstDate: '2026-01-01', counts: [0, 0, 4] },
        start: '2026-02-01',
        items: 4,
        trials: 20_000,
        seed: 4,
        blockDays: 2,
        minimum: { sampleDays: 1, items: 1, activeDays: 1 },
      }),
    );
    expect(result.percentiles.map((p) => p.dayOffset)).toEqual([1, 2, 3, 5]);
  });

  it('should replay blocks of working days and add nothing on weekends when a calendar is given', () => {
    // Weekdays always complete 1. 2026-03-06 is a Friday: 3 items on Fri, Mon, Tue.
    const history = { firstDate: '2026-02-02', counts: [1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0] };
    const result = expectOk<CompletionForecast>(
      forecastCompletion({
        history,
        start: '2026-03-06',
        items: 3,
        trials: 100,
        blockDays: 5,
        calendar: { workingWeekdays: [1, 2, 3, 4, 5] },
      }),
    );
    expect(datesOf(result)[85]).toBe('2026-03-10');
    expect(result.basis.notes.join(' ')).toContain('5 consecutive working days');
  });

  it('should ask for at least one block of history when the window is shorter than a block', () => {
    const result = forecastCompletion({ history: periodic, start: '2026-03-01', items: 5, blockDays: 35 });
    expect(result.status).toBe('insufficient-history');
    if (result.status === 'ok') return;
    expect(result.needed.sampleDays).toBe(35);
    expect(result.found.sampleDays).toBe(28);
  });

  it('should throw when the block length is not a positive whole number', () => {
    expect(() =>
      forecastCompletion({ history: periodic, start: '2026-03-01', items: 5, blockDays: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      forecastCompletion({ history: periodic, start: '2026-03-01', items: 5, blockDays: 2.5 }),
    ).toThrow(RangeError);
  });
});

describe('forecastCountByDate with blocks of days', () => {
  it('should give the exact count when every block of 7 days completes the same total', () => {
    // 28 days = 4 blocks of 14.
    const result = expectOk<CountForecast>(
      forecastCountByDate({
        history: periodic,
        start: '2026-03-01',
        by: '2026-03-28',
        trials: 300,
        blockDays: 7,
      }),
    );
    expect(countsOf(result)).toEqual({ 50: 56, 70: 56, 85: 56, 95: 56 });
  });

  it('should match hand-computed counts when blocks of two days take three forms', () => {
    // Two days = one block: totals 0, 4, 4 ([0,0], [0,4], [4,0]). P(≥ 4) = 2/3, P(≥ 0) = 1:
    // P50 = 4, P70 = P85 = P95 = 0.
    const result = expectOk<CountForecast>(
      forecastCountByDate({
        history: { firstDate: '2026-01-01', counts: [0, 0, 4] },
        start: '2026-02-01',
        by: '2026-02-02',
        trials: 20_000,
        seed: 8,
        blockDays: 2,
        minimum: { sampleDays: 1, items: 1, activeDays: 1 },
      }),
    );
    expect(countsOf(result)).toEqual({ 50: 4, 70: 0, 85: 0, 95: 0 });
  });
});

describe('forecasts from weekly counts', () => {
  const weekly = { firstWeekStart: '2026-01-05', weeklyCounts: [14, 14, 14, 14] };

  it('should finish at the end of the week that reaches the items when weeks are constant', () => {
    // 42 items = 3 weeks of 14; the third week from 2026-03-01 ends on 2026-03-21.
    const result = expectOk<CompletionForecast>(
      forecastCompletion({ history: weekly, start: '2026-03-01', items: 42, trials: 200 }),
    );
    expect(datesOf(result)).toEqual({
      50: '2026-03-21',
      70: '2026-03-21',
      85: '2026-03-21',
      95: '2026-03-21',
    });
    expect(result.finishHistogram.length).toBe(21);
    expect(result.basis.resampling).toEqual({ unit: 'week', blockDays: 7 });
    expect(result.basis.history.sampleDays).toBe(28);
  });

  it('should count only weeks that have ended by the date', () => {
    // 2026-03-01 .. 2026-03-21 is 3 whole weeks (42); one day less leaves 2 whole weeks (28).
    const by = (date: string) =>
      countsOf(
        expectOk<CountForecast>(
          forecastCountByDate({ history: weekly, start: '2026-03-01', by: date, trials: 50 }),
        ),
      );
    expect(by('2026-03-21')[85]).toBe(42);
    expect(by('2026-03-20')[85]).toBe(28);
  });

  it('should replay runs of weeks when blocks span several weeks', () => {
    // Weeks alternate 0 and 10; any 2 consecutive weeks total 10, so 4 weeks always give 20.
    const result = expectOk<CountForecast>(
      forecastCountByDate({
        history: { firstWeekStart: '2026-01-05', weeklyCounts: [0, 10, 0, 10, 0, 10] },
        start: '2026-03-02',
        by: '2026-03-29',
        trials: 300,
        blockDays: 14,
      }),
    );
    expect(countsOf(result)).toEqual({ 50: 20, 70: 20, 85: 20, 95: 20 });
  });

  it('should throw when a calendar or a block that is not whole weeks is asked of weekly counts', () => {
    const base = { history: weekly, start: '2026-03-01', items: 5 };
    expect(() => forecastCompletion({ ...base, calendar: { workingWeekdays: [1, 2, 3, 4, 5] } })).toThrow(
      /daily history/,
    );
    expect(() => forecastCompletion({ ...base, blockDays: 10 })).toThrow(/multiple of 7/);
  });
});

describe('properties of the block and weekly options', () => {
  const historyArb = fc
    .array(fc.integer({ min: 0, max: 6 }), { minLength: 14, maxLength: 40 })
    .filter((counts) => counts.filter((c) => c > 0).length >= 3 && counts.reduce((a, b) => a + b, 0) >= 5);
  const blockArb = fc.integer({ min: 2, max: 7 });

  it('should keep percentiles in order and repeat with the same seed when blocks are used', () => {
    fc.assert(
      fc.property(
        historyArb,
        blockArb,
        fc.integer({ min: 1, max: 60 }),
        fc.integer(),
        (counts, blockDays, items, seed) => {
          const options = {
            history: { firstDate: '2026-01-01', counts },
            start: '2026-03-01',
            items,
            trials: 200,
            seed,
            blockDays,
          };
          const a = expectOk<CompletionForecast>(forecastCompletion(options));
          expect(forecastCompletion(options)).toEqual(a);
          const days = a.percentiles.map((p) => p.dayOffset ?? Number.POSITIVE_INFINITY);
          for (let i = 1; i < days.length; i++) expect(days[i]!).toBeGreaterThanOrEqual(days[i - 1]!);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('should never finish earlier when there are more items, with blocks or weekly counts', () => {
    fc.assert(
      fc.property(
        historyArb,
        blockArb,
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 20 }),
        (counts, blockDays, asWeeks, n, extra) => {
          // Every generated week ends before the start, so the forecast reads all of them (weeks
          // after the start would be the future, and the history before it could fall short).
          const history = asWeeks
            ? { firstWeekStart: addDays('2026-03-01', -7 * counts.length), weeklyCounts: counts }
            : { firstDate: '2026-01-01', counts };
          const base = {
            history,
            start: '2026-03-01',
            trials: 200,
            seed: 5,
            blockDays: asWeeks ? 7 * 2 : blockDays,
          };
          const fewer = expectOk<CompletionForecast>(forecastCompletion({ ...base, items: n }));
          const more = expectOk<CompletionForecast>(forecastCompletion({ ...base, items: n + extra }));
          fewer.percentiles.forEach((p, i) => {
            expect(more.percentiles[i]!.dayOffset!).toBeGreaterThanOrEqual(p.dayOffset!);
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('should give counts that never fall when the date moves later, with blocks', () => {
    fc.assert(
      fc.property(
        historyArb,
        blockArb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (counts, blockDays, offset, extra) => {
          const base = {
            history: { firstDate: '2026-01-01', counts },
            start: '2026-03-01',
            trials: 200,
            seed: 2,
            blockDays,
          };
          const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n)).toISOString().slice(0, 10);
          const early = expectOk<CountForecast>(forecastCountByDate({ ...base, by: day(offset) }));
          const late = expectOk<CountForecast>(forecastCountByDate({ ...base, by: day(offset + extra) }));
          early.percentiles.forEach((p, i) => {
            expect(late.percentiles[i]!.count).toBeGreaterThanOrEqual(p.count);
          });
          for (let i = 1; i < early.percentiles.length; i++) {
            expect(early.percentiles[i]!.count).toBeLessThanOrEqual(early.percentiles[i - 1]!.count);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
