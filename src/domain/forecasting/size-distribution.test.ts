import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/calendar';
import { type CompletedSize, learnSizeDistribution, MIN_SIZES, typicalSize } from './size-distribution';

const START = '2026-03-02';
const RUNS = Number(process.env.HEADWAY_PROPERTY_RUNS ?? 100);

function completedBefore(efforts: number[]): CompletedSize[] {
  return efforts.map((effort, i) => ({ completedOn: addDays(START, -1 - i), effort }));
}

describe('learnSizeDistribution', () => {
  it('should learn the efforts of the items completed before the start, ascending', () => {
    const sizes = learnSizeDistribution({
      completed: completedBefore([5, 1, 3, 2, 8, 1, 2, 4, 3, 6]),
      start: START,
      fallback: [100],
    });
    expect(sizes.status).toBe('learned');
    expect([...sizes.efforts]).toEqual([1, 1, 2, 2, 3, 3, 4, 5, 6, 8]);
    expect(typicalSize(sizes)).toBe(3);
    expect(sizes.note).toContain('10 items');
  });

  it('should ignore items completed on the start day or later, and efforts that are not positive', () => {
    const sizes = learnSizeDistribution({
      completed: [
        ...completedBefore([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, -2]),
        { completedOn: START, effort: 50 },
        { completedOn: addDays(START, 9), effort: 70 },
      ],
      start: START,
      fallback: [4, 2],
    });
    expect(sizes.status).toBe('estimates');
    expect([...sizes.efforts]).toEqual([2, 4]);
    expect(sizes.note).toContain(`only 9 item(s)`);
  });

  it('should stand the estimated open work in when fewer than ten items were completed', () => {
    const sizes = learnSizeDistribution({
      completed: completedBefore([2, 3]),
      start: START,
      fallback: [5, 1, 3],
    });
    expect(sizes).toMatchObject({ status: 'estimates', items: 3, completed: 2 });
    expect([...sizes.efforts]).toEqual([1, 3, 5]);
    expect(sizes.note).toContain('3 estimated open item(s)');
  });

  it('should have nothing to draw from when there is neither a record nor an estimate', () => {
    const sizes = learnSizeDistribution({ completed: [], start: START, fallback: [] });
    expect(sizes).toMatchObject({ status: 'none', items: 0 });
    expect(sizes.efforts.length).toBe(0);
  });

  it('should learn the same sizes whatever was completed on or after the start', () => {
    const effort = fc.double({ min: 0.1, max: 40, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(effort, { maxLength: 30 }),
        fc.array(fc.record({ after: fc.nat({ max: 400 }), effort: fc.double({ min: -5, max: 1e6 }) }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.array(effort, { maxLength: 5 }),
        (past, future, fallback) => {
          const history = completedBefore(past);
          const poison = future.map((f) => ({ completedOn: addDays(START, f.after), effort: f.effort }));
          const clean = learnSizeDistribution({ completed: history, start: START, fallback });
          const poisoned = learnSizeDistribution({
            completed: [...poison, ...history],
            start: START,
            fallback,
          });
          expect(poisoned).toEqual(clean);
          expect(clean.efforts.length >= MIN_SIZES || clean.status !== 'learned').toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
