import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSmallRandom } from '../shared/random';
import { checkRcpspSchedule } from './rcpsp-constraints';
import { compileRcpsp } from './rcpsp-instance';
import { createSgsWorkspace, decodeSerial, sampleActivityList } from './serial-sgs';
import { generateRandomInstance, isFeasibleList, smallInstance } from './test-instances';
import { prepareWindowRepair, repairWindow } from './window-repair';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

describe('repairWindow', () => {
  it('should keep the jobs outside the stretch in place and reorder the ones inside', () => {
    // Schedule of the small instance: 0 [0], 1 [0,3), 2 [3,5), 3 [3,5), 4 [5,9), 5 [9].
    // Stretch [3, 5) holds jobs 2 and 3, which have no arc between them: with noise 0 they keep
    // the order of their starts, ties by the given list; jobs 0, 1 stay first and 4, 5 last.
    const tools = prepareWindowRepair(compileRcpsp(smallInstance));
    const child = repairWindow({
      list: Int32Array.from([0, 1, 3, 2, 4, 5]),
      starts: Int32Array.from([0, 0, 3, 3, 5, 9]),
      from: 3,
      to: 5,
      noise: 0,
      random: createSmallRandom(1),
      tools,
    });
    expect(Array.from(child.subarray(0, 2))).toEqual([0, 1]);
    expect(new Set(child.subarray(2, 4))).toEqual(new Set([2, 3]));
    expect(Array.from(child.subarray(4))).toEqual([4, 5]);
  });

  it('should give precedence-feasible lists and feasible schedules on random instances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        const instance = generateRandomInstance({ seed, jobs: 14, resources: 2, maxDuration: 6 });
        const compiled = compileRcpsp(instance);
        const random = createSmallRandom(seed);
        const workspace = createSgsWorkspace(compiled);
        const list = sampleActivityList(compiled, compiled.latestFinishes, random);
        const starts = new Int32Array(compiled.jobCount);
        const makespan = decodeSerial(workspace, list, starts);
        const from = random.nextIndex(makespan + 1);
        const child = repairWindow({
          list,
          starts,
          from,
          to: from + 1 + random.nextIndex(makespan),
          noise: 10 * random.nextFloat(),
          random,
          tools: prepareWindowRepair(compiled),
        });
        expect(isFeasibleList(child, compiled.predecessors)).toBe(true);
        const repaired = new Int32Array(compiled.jobCount);
        decodeSerial(workspace, child, repaired);
        expect(checkRcpspSchedule(instance, Array.from(repaired))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('should give the same list when given the same seed', () => {
    const compiled = compileRcpsp(
      generateRandomInstance({ seed: 4, jobs: 20, resources: 2, maxDuration: 6 }),
    );
    const list = Int32Array.from(compiled.order);
    const starts = new Int32Array(compiled.jobCount);
    const makespan = decodeSerial(createSgsWorkspace(compiled), list, starts);
    const draw = () =>
      Array.from(
        repairWindow({
          list,
          starts,
          from: 0,
          to: makespan,
          noise: makespan,
          random: createSmallRandom(7),
          tools: prepareWindowRepair(compiled),
        }),
      );
    expect(draw()).toEqual(draw());
  });
});
