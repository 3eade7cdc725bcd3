import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFinishCurve, finishDayOffset } from './finish-curve';

const RUNS = Number(process.env.HEADWAY_PROPERTY_RUNS ?? 100);

describe('buildFinishCurve', () => {
  it('should give the share of trials done by the end of each day a trial finished on', () => {
    // Finishes 0.5 and 1 end on day 0, 1.5 on day 1, 3 on day 2; one trial never finishes.
    const curve = buildFinishCurve({ sortedFinishes: [0.5, 1, 1.5, 3, Number.POSITIVE_INFINITY] });
    expect(curve).toEqual([
      { dayOffset: 0, probability: 0.4 },
      { dayOffset: 1, probability: 0.6 },
      { dayOffset: 2, probability: 0.8 },
    ]);
  });

  it('should keep at most maxPoints, with the first and the last day', () => {
    const finishes = Array.from({ length: 1000 }, (_, i) => i + 1);
    const curve = buildFinishCurve({ sortedFinishes: finishes, maxPoints: 50 });
    expect(curve.length).toBe(50);
    expect(curve[0]).toEqual({ dayOffset: 0, probability: 0.001 });
    expect(curve[49]).toEqual({ dayOffset: 999, probability: 1 });
  });

  it('should rise with the days and agree with the trials at every point it keeps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 2, max: 40 }),
        (values, maxPoints) => {
          const sorted = Float64Array.from(values).sort();
          const curve = buildFinishCurve({ sortedFinishes: sorted, maxPoints });
          expect(curve.length).toBeLessThanOrEqual(maxPoints);
          for (let i = 1; i < curve.length; i++) {
            expect(curve[i]!.dayOffset).toBeGreaterThan(curve[i - 1]!.dayOffset);
            expect(curve[i]!.probability).toBeGreaterThan(curve[i - 1]!.probability);
          }
          for (const p of curve) {
            const done = values.filter((v) => finishDayOffset(v) <= p.dayOffset).length;
            expect(p.probability).toBeCloseTo(done / values.length, 12);
          }
          expect(curve[curve.length - 1]!.probability).toBe(1);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
