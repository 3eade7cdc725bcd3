import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastCompletion, forecastCountByDate } from './throughput-forecast';
import type { CompletionForecast, CountForecast } from './throughput-types';

function daysFrom(firstDate: string, counts: number[]) {
  return { firstDate, counts };
}

function expectOk<T extends { status: string }>(result: T | { status: 'insufficient-history' }): T {
  if (result.status !== 'ok') throw new Error(`expected a forecast, got ${result.status}`);
  return result as T;
}

function datesOf(forecast: CompletionForecast): Record<number, string | null> {
  return Object.fromEntries(forecast.percentiles.map((p) => [p.level, p.date]));
}

function countsOf(forecast: CountForecast): Record<number, number> {
  return Object.fromEntries(forecast.percentiles.map((p) => [p.level, p.count]));
}

describe('forecastCompletion', () => {
  it('should give one date for every level when throughput is constant', () => {
    // 2 items a day, 10 items: done at the end of the 5th day (start day counts).
    const result = expectOk<CompletionForecast>(
      forecastCompletion({
        history: daysFrom('2026-01-01', Array(20).fill(2)),
        start: '2026-03-01',
        items: 10,
        trials: 500,
      }),
    );
    expect(datesOf(result)).toEqual({
      50: '2026-03-05',
      70: '2026-03-05',
      85: '2026-03-05',
      95: '2026-03-05',
    });
    expect(result.finishHistogram).toEqual([0, 0, 0, 0, 500]);
  });

  it('should match hand-computed percentiles when daily throughput takes two values', () => {
    // Days give 0 or 2 items, 2 with probability q = 2/3; 2 items finish on the first 2-day.
    // P(done by day d) = 1 - (1/3)^(d+1): 0.667, 0.889, 0.963, 0.988 for d = 0..3,
    // so P50 = day 0, P70 = day 1, P85 = day 1, P95 = day 2.
    const result = expectOk<CompletionForecast>(
      forecastCompletion({
        history: daysFrom('2026-01-01', [0, 2, 2, 0, 2, 2, 0, 2, 2]),
        start: '2026-02-01',
        items: 2,
        trials: 20_000,
        seed: 3,
      }),
    );
    expect(datesOf(result)).toEqual({
      50: '2026-02-01',
      70: '2026-02-02',
      85: '2026-02-02',
      95: '2026-02-03',
    });
  });

  it('should match the negative binomial law when many items are forecast from 0-or-1 days', () => {
    // Each day completes 1 item with probability 1/2. The 100th item lands on day offset T with
    // P(T ≤ d) = P(Binomial(d + 1, 1/2) ≥ 100); its quantiles come from that law directly.
    const cdfAt = (d: number): number => {
      let row = [1];
      for (let i = 0; i < d + 1; i++) {
        const next = new Array<number>(row.length + 1).fill(0);
        row.forEach((p, k) => {
          next[k]! += p / 2;
          next[k + 1]! += p / 2;
        });
        row = next;
      }
      return row.slice(100).reduce((a, b) => a + b, 0);
    };
    const exact = (level: number) => {
      let d = 99;
      while (cdfAt(d) < level / 100) d++;
      return d;
    };
    const result = expectOk<CompletionForecast>(
      forecastCompletion({
        history: daysFrom('2026-01-01', [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]),
        start: '2026-03-01',
        items: 100,
        trials: 20_000,
        seed: 12,
      }),
    );
    for (const p of result.percentiles)
      expect(Math.abs(p.dayOffset! - exact(p.level))).toBeLessThanOrEqual(1);
  });

  it('should give zero on weekends when a weekday calendar is given', () => {
    // Weekdays always deliver 1, weekends in history delivered 0 but are not sampled.
    // 2026-03-06 is a Friday: 3 items are done Fri, Mon, Tue → 2026-03-10.
    const history = daysFrom('2026-02-02', [1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0]);
    const result = expectOk<CompletionForecast>(
      forecastCompletion({
        history,
        start: '2026-03-06',
        items: 3,
        trials: 200,
        calendar: { workingWeekdays: [1, 2, 3, 4, 5] },
      }),
    );
    expect(datesOf(result)[85]).toBe('2026-03-10');
    expect(result.basis.notes[0]).toContain('working days');
  });

  it('should scale throughput and say so when the team size changed', () => {
    // 1 item a day from 2 people; with 4 people, 2 a day: 10 items in 5 days.
    const result = expectOk<CompletionForecast>(
      forecastCompletion({
        history: daysFrom('2026-01-01', Array(14).fill(1)),
        start: '2026-02-01',
        items: 10,
        trials: 100,
        teamSize: { history: 2, future: 4 },
      }),
    );
    expect(datesOf(result)[50]).toBe('2026-02-05');
    expect(result.basis.throughputFactor).toBe(2);
    expect(result.basis.notes.join(' ')).toContain('×2.00');
  });

  it('should forecast more work when items are expected to split', () => {
    // 10 items splitting 1.5× become 15 at 1 a day: the 15th day.
    const result = expectOk<CompletionForecast>(
      forecastCompletion({
        history: daysFrom('2026-01-01', Array(14).fill(1)),
        start: '2026-02-01',
        items: 10,
        trials: 100,
        splitRate: 1.5,
      }),
    );
    expect(datesOf(result)[50]).toBe('2026-02-15');
  });

  it('should answer with the minimum needed instead of a date when history is too thin', () => {
    const result = forecastCompletion({
      history: daysFrom('2026-01-01', [0, 0, 1, 0, 0, 0, 0, 0, 0, 1]),
      start: '2026-02-01',
      items: 5,
    });
    expect(result.status).toBe('insufficient-history');
    if (result.status === 'ok') return;
    expect(result.needed.items).toBe(5);
    expect(result.found.items).toBe(2);
  });

  it('should report unfinished trials as no date when the horizon is too short', () => {
    const result = expectOk<CompletionForecast>(
      forecastCompletion({
        history: daysFrom('2026-01-01', Array(10).fill(1)),
        start: '2026-02-01',
        items: 50,
        trials: 10,
        maxDays: 20,
      }),
    );
    expect(result.unfinishedTrials).toBe(10);
    expect(result.percentiles.every((p) => p.date === null)).toBe(true);
  });

  const historyArb = fc
    .array(fc.integer({ min: 0, max: 6 }), { minLength: 14, maxLength: 40 })
    .filter((counts) => {
      const active = counts.filter((c) => c > 0).length;
      return active >= 3 && counts.reduce((a, b) => a + b, 0) >= 5;
    });

  it('should keep percentiles in order and repeat with the same seed when run on any history', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 1, max: 60 }), fc.integer(), (counts, items, seed) => {
        const options = {
          history: daysFrom('2026-01-01', counts),
          start: '2026-03-01',
          items,
          trials: 300,
          seed,
        };
        const a = expectOk<CompletionForecast>(forecastCompletion(options));
        const b = expectOk<CompletionForecast>(forecastCompletion(options));
        expect(a).toEqual(b);
        const days = a.percentiles.map((p) => p.dayOffset ?? Number.POSITIVE_INFINITY);
        for (let i = 1; i < days.length; i++) expect(days[i]!).toBeGreaterThanOrEqual(days[i - 1]!);
      }),
      { numRuns: 40 },
    );
  });

  it('should never finish earlier when there are more items', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 20 }),
        (counts, n, extra) => {
          const base = { history: daysFrom('2026-01-01', counts), start: '2026-03-01', trials: 300, seed: 5 };
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
});

describe('forecastCountByDate', () => {
  it('should give the exact count when throughput is constant', () => {
    // 3 a day over 2026-03-01..2026-03-10 (10 days, start day counts) = 30.
    const result = expectOk<CountForecast>(
      forecastCountByDate({
        history: daysFrom('2026-01-01', Array(10).fill(3)),
        start: '2026-03-01',
        by: '2026-03-10',
        trials: 200,
      }),
    );
    expect(countsOf(result)).toEqual({ 50: 30, 70: 30, 85: 30, 95: 30 });
  });

  it('should match hand-computed counts when daily throughput takes two values', () => {
    // Two days, each 0 (p 1/3) or 2 (p 2/3): P(total ≥ 4) = 4/9, P(≥ 2) = 8/9, P(≥ 0) = 1.
    // Largest n reached by ≥ 50%, 70%, 85%: 2; by ≥ 95%: 0.
    const result = expectOk<CountForecast>(
      forecastCountByDate({
        history: daysFrom('2026-01-01', [0, 2, 2, 0, 2, 2, 0, 2, 2]),
        start: '2026-02-01',
        by: '2026-02-02',
        trials: 20_000,
        seed: 9,
      }),
    );
    expect(countsOf(result)).toEqual({ 50: 2, 70: 2, 85: 2, 95: 0 });
  });

  it('should count only working days when a calendar is given', () => {
    // 2026-03-06 (Fri) .. 2026-03-09 (Mon): 2 working days at 2 a day = 4.
    const result = expectOk<CountForecast>(
      forecastCountByDate({
        history: daysFrom('2026-02-02', [2, 2, 2, 2, 2, 0, 0, 2, 2, 2, 2, 2, 0, 0]),
        start: '2026-03-06',
        by: '2026-03-09',
        trials: 100,
        calendar: { workingWeekdays: [1, 2, 3, 4, 5] },
      }),
    );
    expect(countsOf(result)[50]).toBe(4);
  });

  it('should throw when the date is before the start', () => {
    expect(() =>
      forecastCountByDate({
        history: daysFrom('2026-01-01', Array(10).fill(3)),
        start: '2026-03-02',
        by: '2026-03-01',
      }),
    ).toThrow(RangeError);
  });

  it('should give counts that never fall when the date moves later', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 14, maxLength: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (raw, offset, extra) => {
          const counts = [...raw, 1, 2, 3];
          const base = { history: daysFrom('2026-01-01', counts), start: '2026-03-01', trials: 300, seed: 2 };
          const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n)).toISOString().slice(0, 10);
          const early = expectOk<CountForecast>(forecastCountByDate({ ...base, by: day(offset) }));
          const late = expectOk<CountForecast>(forecastCountByDate({ ...base, by: day(offset + extra) }));
          early.percentiles.forEach((p, i) => {
            expect(late.percentiles[i]!.count).toBeGreaterThanOrEqual(p.count);
          });
          // A higher confidence level never promises more.
          for (let i = 1; i < early.percentiles.length; i++) {
            expect(early.percentiles[i]!.count).toBeLessThanOrEqual(early.percentiles[i - 1]!.count);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
