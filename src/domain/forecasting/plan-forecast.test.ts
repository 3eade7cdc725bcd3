import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanItem } from './plan-forecast';
import { runPlanForecast } from './plan-forecast';

// One person does the items in order: each finishes when the previous one has and its own time is spent.
function scheduleOneAfterAnother(durations: Float64Array): Float64Array {
  const finish = new Float64Array(durations.length);
  let clock = 0;
  for (let i = 0; i < durations.length; i++) {
    clock += durations[i]!;
    finish[i] = clock;
  }
  return finish;
}

function fixed(id: string, days: number): PlanItem {
  return { id, estimate: { optimistic: days, likely: days, pessimistic: days } };
}

describe('runPlanForecast', () => {
  it('should give exact dates when every estimate is certain', () => {
    const result = runPlanForecast({
      items: [fixed('a', 2), fixed('b', 3), fixed('c', 1.5)],
      trials: 50,
      seed: 1,
      schedule: scheduleOneAfterAnother,
      start: '2026-03-02',
      milestones: [{ id: 'm1', itemIds: ['a', 'b'], targetDate: '2026-03-06' }],
      targetDate: '2026-03-07',
    });
    // a ends at 2 (end of 03-03), b at 5 (end of 03-06), c at 6.5 (during 03-08).
    expect(result.items.map((i) => i.percentiles[2]!.date)).toEqual([
      '2026-03-03',
      '2026-03-06',
      '2026-03-08',
    ]);
    expect(result.milestones[0]!.percentiles.map((p) => p.finish)).toEqual([5, 5, 5, 5]);
    expect(result.milestones[0]!.probabilityOnTime).toBe(1);
    expect(result.plan.probabilityOnTime).toBe(0);
    expect(result.plan.meanFinish).toBeCloseTo(6.5, 12);
  });

  it('should give the on-time probability of a single uncertain item when computed by hand', () => {
    // O=M=0, P=10: PERT α = 1, β = 5, so P(X ≤ x) = 1 - (1 - x/10)^5; at x = 2: 1 - 0.8^5 = 0.67232.
    const result = runPlanForecast({
      items: [{ id: 'a', estimate: { optimistic: 0, likely: 0, pessimistic: 10 } }],
      trials: 20_000,
      seed: 8,
      schedule: scheduleOneAfterAnother,
      start: '2026-03-01',
      targetDate: '2026-03-02',
    });
    expect(result.plan.probabilityOnTime!).toBeGreaterThan(0.66);
    expect(result.plan.probabilityOnTime!).toBeLessThan(0.685);
  });

  it('should draw an unestimated item from the sizes it is given, not from its placeholder estimate', () => {
    const result = runPlanForecast({
      items: [fixed('a', 2), { ...fixed('b', 1), sizes: Float64Array.of(3, 5) }],
      trials: 2000,
      seed: 3,
      schedule: scheduleOneAfterAnother,
      start: '2026-03-02',
    });
    // b ends at 2 + 3 = 5 or 2 + 5 = 7, about half the time each; never at its placeholder's 3.
    const done = result.plan.curve;
    expect(done.map((p) => p.dayOffset)).toEqual([4, 6]);
    expect(done[0]!.probability).toBeGreaterThan(0.45);
    expect(done[0]!.probability).toBeLessThan(0.55);
    expect(done[1]!.probability).toBe(1);
  });

  it('should draw only what remains of work under way, with the spent part scaled by the focus', () => {
    // O=M=0, P=10 is Beta(1, 5) on [0, 10]: given X > c, X − c is (10 − c)·Beta(1, 5).
    // 4 days given at focus 0.5 is 2 days spent; the remainder is 8·Beta(1, 5) effort, ÷ 0.5.
    // P(duration ≤ 2) = P(8·B ≤ 1) = 1 − (7/8)^5 = 0.48709.
    const result = runPlanForecast({
      items: [{ id: 'a', estimate: { optimistic: 0, likely: 0, pessimistic: 10 }, elapsed: 4 }],
      trials: 20_000,
      seed: 8,
      focus: 0.5,
      schedule: scheduleOneAfterAnother,
      start: '2026-03-01',
      targetDate: '2026-03-02',
    });
    expect(result.plan.probabilityOnTime!).toBeGreaterThan(0.475);
    expect(result.plan.probabilityOnTime!).toBeLessThan(0.5);
    expect(result.plan.curve.at(-1)!.dayOffset).toBeLessThanOrEqual(16);
  });

  it('should draw what remains of started work from the team’s record above what was spent', () => {
    const result = runPlanForecast({
      items: [{ ...fixed('a', 2), ratios: Float64Array.of(0.5, 1, 2, 3), elapsed: 2.5 }],
      trials: 2000,
      seed: 5,
      schedule: scheduleOneAfterAnother,
      start: '2026-03-02',
    });
    // Efforts 1, 2, 4, 6 days; above the 2.5 spent are 4 and 6, leaving 1.5 or 3.5.
    expect(result.plan.curve.map((p) => p.dayOffset)).toEqual([1, 3]);
  });

  it('should report no date when the scheduler cannot place an item', () => {
    const result = runPlanForecast({
      items: [fixed('a', 1), fixed('b', 1)],
      trials: 10,
      seed: 1,
      schedule: () => [1, Number.NaN],
      start: '2026-03-01',
    });
    expect(result.incompleteTrials).toBe(10);
    expect(result.items[1]!.percentiles[0]!.date).toBeNull();
    expect(result.items[0]!.percentiles[0]!.date).toBe('2026-03-01');
  });

  it('should keep percentiles ordered, milestones no earlier than their items, and repeat with a seed', () => {
    const estimateArb = fc
      .tuple(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 20 }),
      )
      .map(([o, dm, dp]) => ({ optimistic: o, likely: o + dm, pessimistic: o + dm + dp }));
    fc.assert(
      fc.property(fc.array(estimateArb, { minLength: 1, maxLength: 8 }), fc.integer(), (estimates, seed) => {
        const items = estimates.map((estimate, i) => ({ id: `i${i}`, estimate }));
        const options = {
          items,
          trials: 200,
          seed,
          schedule: scheduleOneAfterAnother,
          start: '2026-03-01',
          milestones: [{ id: 'all', itemIds: items.map((i) => i.id) }],
        };
        const a = runPlanForecast(options);
        expect(runPlanForecast(options)).toEqual(a);
        for (const f of [...a.items, ...a.milestones, a.plan]) {
          for (let k = 1; k < f.percentiles.length; k++) {
            expect(f.percentiles[k]!.finish!).toBeGreaterThanOrEqual(f.percentiles[k - 1]!.finish!);
          }
        }
        a.items.forEach((item) => {
          expect(a.milestones[0]!.percentiles[3]!.finish!).toBeGreaterThanOrEqual(
            item.percentiles[3]!.finish!,
          );
        });
      }),
      { numRuns: 30 },
    );
  });
});
