import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchGenetically } from './genetic-search';
import { checkRcpspSchedule } from './rcpsp-constraints';
import { compileRcpsp, reverseRcpsp } from './rcpsp-instance';
import { generateRandomInstance } from './test-instances';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);

/** Small populations that stall after one generation, so the search restarts again and again. */
const restless = { populationSize: 6, stallLimit: 1, maxSchedules: 1500 };

describe('searchGenetically', () => {
  it('should keep every schedule feasible when it restarts around the best and from samples', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const instance = generateRandomInstance({ seed, jobs: 20, resources: 3, maxDuration: 8 });
        const compiled = compileRcpsp(instance);
        const result = searchGenetically(compiled, reverseRcpsp(compiled), { seed, ...restless });
        expect(checkRcpspSchedule(instance, Array.from(result.starts))).toEqual([]);
        expect(result.makespan).toBeGreaterThanOrEqual(compiled.lowerBound);
        // Several stalls happened, so both kinds of restart ran (unless the bound stopped it).
        if (result.stoppedBy === 'schedules') expect(result.generations).toBeGreaterThan(4);
      }),
      { numRuns: RUNS },
    );
  });

  it('should give the same schedule when run twice with the same seed and budget', () => {
    const compiled = compileRcpsp(
      generateRandomInstance({ seed: 21, jobs: 25, resources: 3, maxDuration: 8 }),
    );
    const mirror = reverseRcpsp(compiled);
    const a = searchGenetically(compiled, mirror, { seed: 5, ...restless });
    const b = searchGenetically(compiled, mirror, { seed: 5, ...restless });
    expect(Array.from(a.starts)).toEqual(Array.from(b.starts));
    expect(a.schedulesGenerated).toBe(b.schedulesGenerated);
  });
});
