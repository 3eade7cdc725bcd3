import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPitRecalibration, recalibrateFinishForecast, recalibrateLevel } from './pit-recalibration';

const RUNS = Number(process.env.HEADWAY_PROPERTY_RUNS ?? 50);
const known = (pit: number) => ({ value: pit, censored: false });

describe('recalibrateLevel', () => {
  it('should read the level itself when there is no record', () => {
    expect(recalibrateLevel({ pits: [], level: 85 })).toBe(85);
  });

  it('should read a higher level when past outcomes fell late in their forecasts', () => {
    // Half the past PITs above 0.9: the plain P85 held about half the time, so read further out.
    const pits = Array.from({ length: 40 }, (_, i) => known(i % 2 === 0 ? 0.95 : i / 80));
    expect(recalibrateLevel({ pits, level: 85 })).toBeGreaterThan(90);
    expect(recalibrateLevel({ pits, level: 50 })).toBeGreaterThan(50);
  });

  it('should read a lower level when past outcomes fell early in their forecasts', () => {
    const pits = Array.from({ length: 40 }, (_, i) => known(i / 100));
    expect(recalibrateLevel({ pits, level: 85 })).toBeLessThan(60);
  });

  it('should stay nearer the level with few past forecasts than with many telling the same', () => {
    const late = (n: number) => Array.from({ length: n }, () => known(0.97));
    const few = recalibrateLevel({ pits: late(3), level: 50 });
    const many = recalibrateLevel({ pits: late(60), level: 50 });
    expect(few).toBeGreaterThan(50);
    expect(many).toBeGreaterThan(few);
  });

  it('should count a running outcome as at least its bound', () => {
    const finished = [known(0.1), known(0.2), known(0.3), known(0.4)];
    const withRunning = [...finished, ...Array.from({ length: 4 }, () => ({ value: 0.5, censored: true }))];
    expect(recalibrateLevel({ pits: withRunning, level: 70, priorForecasts: 0 })).toBeGreaterThan(
      recalibrateLevel({ pits: finished, level: 70, priorForecasts: 0 }),
    );
  });

  it('should give read levels in 0..100 that rise with the level whatever the record', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.double({ min: 0, max: 1, noNaN: true }), censored: fc.boolean() }), {
          maxLength: 40,
        }),
        (pits) => {
          const read = [50, 70, 85, 95].map((level) => recalibrateLevel({ pits, level }));
          for (const r of read) expect(r).toBeGreaterThanOrEqual(0);
          for (const r of read) expect(r).toBeLessThanOrEqual(100);
          for (let i = 1; i < read.length; i++) expect(read[i]!).toBeGreaterThanOrEqual(read[i - 1]! - 1e-9);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('buildPitRecalibration', () => {
  it('should not recalibrate with fewer than ten known outcomes', () => {
    const pits = Array.from({ length: 9 }, () => known(0.99));
    expect(buildPitRecalibration([...pits, { value: 0.5, censored: true }])).toBeNull();
  });

  it('should read dates later and lower the chances when past outcomes landed late', () => {
    const pits = Array.from({ length: 30 }, (_, i) => known(0.8 + i / 200));
    const recalibration = buildPitRecalibration(pits)!;
    expect(recalibration.forecasts).toBe(30);
    expect(recalibration.readAt(85)).toBeGreaterThan(85);
    expect(recalibration.chanceOf(0.85)).toBeLessThan(0.85);
    const forecast = {
      percentiles: [50, 85].map((level) => ({ level: recalibration.readAt(level), date: null })),
      probabilityOnTime: 0.85,
      curve: [
        { dayOffset: 3, probability: 0.5 },
        { dayOffset: 8, probability: 0.85 },
      ],
    };
    const read = recalibrateFinishForecast(forecast, [50, 85], recalibration);
    expect(read.percentiles.map((p) => p.level)).toEqual([50, 85]);
    expect(read.probabilityOnTime).toBeCloseTo(recalibration.chanceOf(0.85), 12);
    expect(read.curve[1]!.probability).toBeLessThan(0.85);
  });

  it('should give no chance to a day by which no simulated future finished, whatever the record', () => {
    const early = Array.from({ length: 20 }, () => known(0));
    expect(buildPitRecalibration(early)!.chanceOf(0)).toBe(0);
    expect(buildPitRecalibration(early)!.chanceOf(0.01)).toBeGreaterThan(0.5);
  });
});
