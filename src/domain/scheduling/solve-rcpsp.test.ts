import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRcpspSchedule } from './rcpsp-constraints';
import { scheduleByLatestFinish, solveRcpsp } from './solve-rcpsp';
import { generateRandomInstance, smallInstance } from './test-instances';

describe('solveRcpsp', () => {
  it('should find the optimum 9 when scheduling the small instance', () => {
    // 1 [0,3) uses both units; 2 and 3 share [3,5); 4 [5,9). No shorter schedule exists since
    // job 1 excludes job 2 and the chain 2 → 4 is 6 long after job 1's 3.
    const result = solveRcpsp(smallInstance, { seed: 1, maxSchedules: 300 });
    expect(result.status).toBe('scheduled');
    if (result.status === 'scheduled') expect(result.makespan).toBe(9);
  });

  it('should return the defects when a job needs more than the capacity', () => {
    const result = solveRcpsp({ ...smallInstance, demands: [[0], [3], [1], [1], [1], [0]] });
    expect(result).toEqual({
      status: 'infeasible',
      defects: [{ kind: 'demand-exceeds-capacity', job: 1, resource: 0 }],
    });
  });

  it('should return a cycle defect when the precedence loops', () => {
    const result = scheduleByLatestFinish({ ...smallInstance, successors: [[1, 2], [3], [4], [1], [5], []] });
    expect(result).toEqual({ status: 'infeasible', defects: [{ kind: 'cycle' }] });
  });

  it('should give feasible schedules no shorter than the bound and no worse than LFT when instances are random', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 12 }), (seed, jobs) => {
        const instance = generateRandomInstance({ seed, jobs, resources: 2, maxDuration: 6 });
        const best = solveRcpsp(instance, { seed, maxSchedules: 200 });
        const base = scheduleByLatestFinish(instance);
        if (best.status !== 'scheduled' || base.status !== 'scheduled') return false;
        expect(checkRcpspSchedule(instance, best.starts)).toEqual([]);
        expect(checkRcpspSchedule(instance, base.starts)).toEqual([]);
        expect(best.makespan).toBeGreaterThanOrEqual(best.lowerBound);
        expect(best.makespan).toBeLessThanOrEqual(base.makespan);
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('should give the same plan when run twice with the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const instance = generateRandomInstance({ seed, jobs: 15, resources: 3, maxDuration: 8 });
        const a = solveRcpsp(instance, { seed, maxSchedules: 600 });
        const b = solveRcpsp(instance, { seed, maxSchedules: 600 });
        expect(a).toEqual(b);
      }),
      { numRuns: 20 },
    );
  });
});
