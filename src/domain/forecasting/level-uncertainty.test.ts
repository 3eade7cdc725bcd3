import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTrialTargets, drawLevelMultipliers, estimateLevelSpread } from './level-uncertainty';
import { forecastCompletion, forecastCountByDate } from './throughput-forecast';
import type { CompletionForecast, CountForecast } from './throughput-types';

function expectOk<T extends { status: string }>(result: T | { status: 'insufficient-history' }): T {
  if (result.status !== 'ok') throw new Error(`expected a forecast, got ${result.status}`);
  return result as T;
}

const offsetsOf = (f: CompletionForecast) => f.percentiles.map((p) => p.dayOffset);
const countsOf = (f: CountForecast) => f.percentiles.map((p) => p.count);

// 90 days repeating 0, 1, 3: each 30-day third holds ten repeats, 40 items, the same rate.
const evenThirds = { firstDate: '2026-01-01', counts: Array(30).fill([0, 1, 3]).flat() as number[] };
// 90 days whose first third delivers 1 a day and the last two 3 a day.
const shifted = {
  firstDate: '2026-01-01',
  counts: [...Array(30).fill(1), ...Array(60).fill(3)] as number[],
};

describe('estimateLevelSpread', () => {
  it('should give σ² = s²(1 + 1/k) of the log part rates with the ½-item correction when parts differ', () => {
    // Parts [0, 0] and [1, 1]: rates 0.5/2 = 0.25 and 2.5/2 = 1.25, logs ln 0.25 and ln 1.25,
    // 1.25 / 0.25 = 5, so each log is ln5 / 2 from their mean: s² = 2 (ln5 / 2)² / (2 − 1) =
    // (ln5)² / 2, and σ² = (ln5)² / 2 × 3/2 = 0.75 (ln5)².
    const spread = estimateLevelSpread({ samples: Int32Array.from([0, 0, 1, 1]), parts: 2 });
    expect(spread.partRates).toEqual([0.25, 1.25]);
    expect(spread.sigma).toBeCloseTo(Math.sqrt(0.75) * Math.log(5), 12);
  });

  it('should give σ = 0 when every third delivers at the same rate', () => {
    const spread = estimateLevelSpread({ samples: Int32Array.from(evenThirds.counts), parts: 3 });
    // 40 items over 30 days in each third: (40 + ½) / 30 = 1.35.
    expect(spread.partRates).toEqual([1.35, 1.35, 1.35]);
    expect(spread.sigma).toBe(0);
  });

  it('should split unevenly sized parts at floored boundaries when the length is not a multiple', () => {
    // 5 samples in 2 parts: boundaries floor(5/2) = 2, so parts [2, 2] and [2, 2, 2].
    const spread = estimateLevelSpread({ samples: Int32Array.from([2, 2, 2, 2, 2]), parts: 2 });
    expect(spread.partRates).toEqual([4.5 / 2, 6.5 / 3]);
  });

  it('should throw when asked for fewer than two parts or more parts than samples', () => {
    expect(() => estimateLevelSpread({ samples: Int32Array.from([1, 2, 3]), parts: 1 })).toThrow(RangeError);
    expect(() => estimateLevelSpread({ samples: Int32Array.from([1, 2, 3]), parts: 4 })).toThrow(RangeError);
  });
});

describe('drawLevelMultipliers', () => {
  it('should give 1 for every trial when σ is 0', () => {
    expect(Array.from(drawLevelMultipliers({ sigma: 0, trials: 3, seed: 7 }))).toEqual([1, 1, 1]);
  });

  it('should keep the mean multiplier at 1 and the median at exp(−σ²/2) when σ is positive', () => {
    const sigma = 0.5;
    const multipliers = drawLevelMultipliers({ sigma, trials: 20_000, seed: 3 });
    const mean = multipliers.reduce((a, b) => a + b, 0) / multipliers.length;
    const median = Float64Array.from(multipliers).sort()[10_000]!;
    // Standard error of the mean: sqrt(exp(σ²) − 1) / sqrt(20,000) ≈ 0.0038.
    expect(Math.abs(mean - 1)).toBeLessThan(0.02);
    expect(Math.abs(median - Math.exp(-(sigma * sigma) / 2))).toBeLessThan(0.02);
  });
});

describe('buildTrialTargets', () => {
  it('should divide the items by each trial’s level and round up when levels differ', () => {
    // 10 items: ÷1 = 10, ÷2 = 5, ÷0.5 = 20, ÷0.3 = 33.3 → 34; with factor 2, ÷(2 × 0.3) = 16.7 → 17.
    const multipliers = Float64Array.from([1, 2, 0.5, 0.3]);
    expect(Array.from(buildTrialTargets({ items: 10, factor: 1, multipliers }))).toEqual([10, 5, 20, 34]);
    expect(Array.from(buildTrialTargets({ items: 10, factor: 2, multipliers }))).toEqual([5, 3, 10, 17]);
  });
});

describe('forecasts with level uncertainty', () => {
  const base = { start: '2026-04-01', trials: 500, seed: 11 };

  it('should give exactly the default answer when the thirds of the window have equal rates', () => {
    const plain = expectOk<CompletionForecast>(
      forecastCompletion({ ...base, history: evenThirds, items: 30 }),
    );
    const level = expectOk<CompletionForecast>(
      forecastCompletion({ ...base, history: evenThirds, items: 30, levelUncertainty: {} }),
    );
    expect(level.percentiles).toEqual(plain.percentiles);
    expect(level.finishHistogram).toEqual(plain.finishHistogram);
    expect(level.basis.levelUncertainty).toEqual({ parts: 3, sigma: 0 });
    const plainCount = expectOk<CountForecast>(
      forecastCountByDate({
        ...base,
        history: evenThirds,
        by: '2026-04-20',
        teamSize: { history: 3, future: 2 },
      }),
    );
    const levelCount = expectOk<CountForecast>(
      forecastCountByDate({
        ...base,
        history: evenThirds,
        by: '2026-04-20',
        teamSize: { history: 3, future: 2 },
        levelUncertainty: {},
      }),
    );
    expect(levelCount.percentiles).toEqual(plainCount.percentiles);
  });

  it('should widen the spread of dates when the window’s level moved between its thirds', () => {
    const plain = expectOk<CompletionForecast>(forecastCompletion({ ...base, history: shifted, items: 60 }));
    const level = expectOk<CompletionForecast>(
      forecastCompletion({ ...base, history: shifted, items: 60, levelUncertainty: {} }),
    );
    const width = (f: CompletionForecast) => f.percentiles[3]!.dayOffset! - f.percentiles[0]!.dayOffset!;
    expect(width(level)).toBeGreaterThan(width(plain));
    expect(level.basis.levelUncertainty!.sigma).toBeGreaterThan(0);
    expect(level.basis.notes.join(' ')).toContain('Level uncertainty');
  });

  it('should ask for one day per part when the window is shorter than the parts', () => {
    const history = { firstDate: '2026-01-01', counts: Array(8).fill(2) as number[] };
    const result = forecastCompletion({ ...base, history, items: 5, levelUncertainty: { parts: 10 } });
    expect(result.status).toBe('insufficient-history');
    if (result.status === 'insufficient-history') expect(result.needed.sampleDays).toBe(10);
  });

  it('should reject fewer than two parts', () => {
    expect(() =>
      forecastCompletion({ ...base, history: shifted, items: 5, levelUncertainty: { parts: 1 } }),
    ).toThrow(RangeError);
  });

  const historyArb = fc
    .array(fc.integer({ min: 0, max: 4 }), { minLength: 21, maxLength: 60 })
    .filter((xs) => xs.filter((x) => x > 0).length >= 3 && xs.reduce((a, b) => a + b, 0) >= 5)
    .map((counts) => ({ firstDate: '2026-01-01', counts }));

  it('should keep P50 ≤ P85 ≤ P95, never finish more items earlier, and repeat itself when the seed is the same', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(undefined, 7),
        (history, items, more, seed, blockDays) => {
          const options = {
            history,
            start: '2026-06-01',
            trials: 200,
            seed,
            levelUncertainty: {},
            ...(blockDays ? { blockDays } : {}),
          };
          const few = expectOk<CompletionForecast>(forecastCompletion({ ...options, items }));
          const many = expectOk<CompletionForecast>(forecastCompletion({ ...options, items: items + more }));
          const again = expectOk<CompletionForecast>(forecastCompletion({ ...options, items }));
          const [p50, p70, p85, p95] = offsetsOf(few) as number[];
          expect(p50).toBeLessThanOrEqual(p70!);
          expect(p70).toBeLessThanOrEqual(p85!);
          expect(p85).toBeLessThanOrEqual(p95!);
          const later = offsetsOf(many);
          for (const [i, d] of offsetsOf(few).entries()) expect(d!).toBeLessThanOrEqual(later[i]!);
          expect(again).toEqual(few);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('should never count fewer by a later date and repeat itself when the seed is the same', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 1000 }), (history, seed) => {
        const options = { history, start: '2026-06-01', trials: 200, seed, levelUncertainty: {} };
        const early = expectOk<CountForecast>(forecastCountByDate({ ...options, by: '2026-06-10' }));
        const late = expectOk<CountForecast>(forecastCountByDate({ ...options, by: '2026-07-10' }));
        const again = expectOk<CountForecast>(forecastCountByDate({ ...options, by: '2026-06-10' }));
        const [c50, c70, c85, c95] = countsOf(early);
        // A higher confidence promises no more items.
        expect(c95!).toBeLessThanOrEqual(c85!);
        expect(c85!).toBeLessThanOrEqual(c70!);
        expect(c70!).toBeLessThanOrEqual(c50!);
        const more = countsOf(late);
        for (const [i, c] of countsOf(early).entries()) expect(c).toBeLessThanOrEqual(more[i]!);
        expect(again).toEqual(early);
      }),
      { numRuns: 25 },
    );
  });
});
