import { describe, expect, it } from 'vitest';
import { solveRcpsp } from '../../domain/scheduling/index';
import { generateRandomInstance } from '../../domain/scheduling/test-instances';
import { solveRcpspInParallel } from './parallel-rcpsp';

describe('solveRcpspInParallel', () => {
  const instance = generateRandomInstance({ seed: 11, jobs: 25, resources: 3, maxDuration: 8 });

  it('should return the best of the islands, each the same as a single run with its seed', async () => {
    const parallel = await solveRcpspInParallel(instance, { seed: 5, maxSchedules: 300 }, 2);
    const alone = [5, 6].map((seed) => solveRcpsp(instance, { seed, maxSchedules: 300 }));
    const makespans = alone.map((r) => (r.status === 'scheduled' ? r.makespan : Number.NaN));
    expect(parallel.islands.map((i) => [i.seed, i.makespan])).toEqual([
      [5, makespans[0]],
      [6, makespans[1]],
    ]);
    if (parallel.status !== 'scheduled') throw new Error('scheduled expected');
    expect(parallel.makespan).toBe(Math.min(...makespans));
  });

  it('should run in the calling thread and match a single run when given one island', async () => {
    const parallel = await solveRcpspInParallel(instance, { seed: 3, maxSchedules: 200 }, 1);
    const alone = solveRcpsp(instance, { seed: 3, maxSchedules: 200 });
    const { islands, ...rest } = parallel;
    expect(rest).toEqual(alone);
    expect(islands).toHaveLength(1);
  });
});
