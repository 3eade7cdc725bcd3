import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRcpspSchedule,
  compileRcpsp,
  type RcpspInstance,
  solveRcpsp,
} from '../../domain/scheduling/index';
import { generateRandomInstance } from '../../domain/scheduling/test-instances';
import { EXACT_MAX_JOBS, solveRcpspExactly } from './highs-rcpsp';

/** Tries every start vector within the horizon: the true optimum of a tiny instance. */
function bruteForceMakespan(instance: RcpspInstance): number {
  const n = instance.durations.length;
  const horizon = instance.durations.reduce((a, b) => a + b, 0);
  let best = Number.POSITIVE_INFINITY;
  const starts = new Array<number>(n).fill(0);
  const visit = (j: number) => {
    if (j === n) {
      if (checkRcpspSchedule(instance, starts).length === 0) {
        best = Math.min(best, Math.max(...starts.map((s, k) => s + instance.durations[k]!)));
      }
      return;
    }
    for (let t = 0; t <= horizon; t++) {
      starts[j] = t;
      visit(j + 1);
    }
  };
  visit(0);
  return best;
}

function tinyInstance(seed: number): RcpspInstance {
  // 4 jobs, no dummies, one or two resources; arcs only forward.
  let state = seed;
  const next = (m: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % m;
  };
  const n = 4;
  const capacities = [2 + next(2), 1 + next(3)];
  return {
    durations: Array.from({ length: n }, () => 1 + next(3)),
    demands: Array.from({ length: n }, () => capacities.map((c) => next(c + 1))),
    capacities,
    successors: Array.from({ length: n }, (_, j) =>
      Array.from({ length: n - j - 1 }, (_, k) => j + 1 + k).filter(() => next(4) === 0),
    ),
  };
}

describe('solveRcpspExactly', () => {
  it('should agree with brute force when instances are tiny', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const instance = tinyInstance(seed);
      const exact = await solveRcpspExactly(instance, { alwaysSolveMilp: true });
      expect(exact.status).toBe('optimal');
      if (exact.status !== 'optimal') continue;
      expect(checkRcpspSchedule(instance, exact.starts)).toEqual([]);
      expect(exact.makespan).toBe(bruteForceMakespan(instance));
    }
  });

  it('should never be beaten by the heuristic when instances are small', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), async (seed) => {
        const instance = tinyInstance(seed);
        const exact = await solveRcpspExactly(instance);
        const heuristic = solveRcpsp(instance, { seed, maxSchedules: 30 });
        if (exact.status !== 'optimal' || heuristic.status !== 'scheduled') return false;
        expect(heuristic.makespan).toBeGreaterThanOrEqual(exact.makespan);
        return true;
      }),
      { numRuns: 15 },
    );
  });

  it('should refuse when the instance is larger than the exact limit', async () => {
    const n = EXACT_MAX_JOBS + 1;
    const instance = {
      durations: new Array(n).fill(1),
      demands: new Array(n).fill([0]),
      capacities: [1],
      successors: new Array(n).fill([]),
    };
    expect(await solveRcpspExactly(instance)).toEqual({
      status: 'too-large',
      jobCount: n,
      maxJobs: EXACT_MAX_JOBS,
    });
  });

  it('should find a schedule shorter than a poor heuristic horizon when one exists', async () => {
    // One unit: three jobs of 2 in sequence → 6 is optimal and also the energy bound.
    const instance = {
      durations: [2, 2, 2],
      demands: [[1], [1], [1]],
      capacities: [1],
      successors: [[], [], []],
    };
    const exact = await solveRcpspExactly(instance);
    expect(exact).toMatchObject({ status: 'optimal', makespan: 6 });
  });
});

describe('solveRcpspExactly at its limits', () => {
  const hard = generateRandomInstance({ seed: 7, jobs: 14, resources: 2, maxDuration: 6 });

  it('should keep the MILP schedule when it beats a weak heuristic', async () => {
    // One schedule: the plain LFT rule, which ends at 15 here while 14 is optimal.
    const small = generateRandomInstance({ seed: 27, jobs: 8, resources: 2, maxDuration: 5 });
    const lft = solveRcpsp(small, { seed: 1, maxSchedules: 1 });
    const exact = await solveRcpspExactly(small, { maxSchedules: 1, timeLimitSeconds: 60 });
    if (exact.status !== 'optimal' || lft.status !== 'scheduled') throw new Error(exact.status);
    expect(exact.makespan).toBeLessThan(lft.makespan);
    expect(exact.foundBy).toBe('milp');
    expect(exact).toMatchObject({ lowerBound: exact.makespan, gap: 0 });
    expect(checkRcpspSchedule(small, exact.starts)).toEqual([]);
  });

  it('should report a proven bound and gap, never above the makespan, when the time limit cuts the proof', async () => {
    const exact = await solveRcpspExactly(hard, { maxSchedules: 1, timeLimitSeconds: 0.001 });
    if (!('starts' in exact)) throw new Error(exact.status);
    expect(checkRcpspSchedule(hard, exact.starts)).toEqual([]);
    expect(exact.lowerBound).toBeLessThanOrEqual(exact.makespan);
    expect(exact.lowerBound).toBeGreaterThanOrEqual(compileRcpsp(hard).lowerBound);
    expect(exact.gap).toBeCloseTo((exact.makespan - exact.lowerBound) / exact.makespan, 9);
    expect(exact.status === 'optimal').toBe(exact.lowerBound === exact.makespan);
  });

  it('should give the same schedule for the same seed and budget', async () => {
    const a = await solveRcpspExactly(hard, { maxSchedules: 200, timeLimitSeconds: 0.001 });
    const b = await solveRcpspExactly(hard, { maxSchedules: 200, timeLimitSeconds: 0.001 });
    if (!('starts' in a) || !('starts' in b)) throw new Error('scheduled expected');
    expect(b.heuristic).toEqual(a.heuristic);
  });
});
