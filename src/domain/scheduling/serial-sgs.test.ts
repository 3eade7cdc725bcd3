import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSmallRandom } from '../shared/random';
import { compileRcpsp } from './rcpsp-instance';
import { buildPriorityList, createSgsWorkspace, decodeSerial, sampleActivityList } from './serial-sgs';
import { generateRandomInstance, smallInstance } from './test-instances';

describe('decodeSerial', () => {
  const compiled = compileRcpsp(smallInstance);

  it('should start each job at the earliest period with room when decoding a list', () => {
    // list 0,1,2,3,4,5: job 1 takes both units over 0..3, so job 2 waits until 3; job 3
    // follows 1 at 3 (one unit left besides job 2); job 4 follows 2 at 5; sink at 9.
    const starts = new Int32Array(6);
    const makespan = decodeSerial(createSgsWorkspace(compiled), [0, 1, 2, 3, 4, 5], starts);
    expect(Array.from(starts)).toEqual([0, 0, 3, 3, 5, 9]);
    expect(makespan).toBe(9);
  });

  it('should give a shorter schedule when the list puts the long chain first', () => {
    // job 2 at 0 (1 unit), job 4 at 2; job 1 needs 2 units so waits until 2 is done: 2..5,
    // but job 4 holds a unit over 2..6, so job 1 waits until 6 → worse; list order matters.
    const starts = new Int32Array(6);
    const makespan = decodeSerial(createSgsWorkspace(compiled), [0, 2, 4, 1, 3, 5], starts);
    expect(Array.from(starts)).toEqual([0, 6, 0, 9, 2, 11]);
    expect(makespan).toBe(11);
  });
});

describe('buildPriorityList', () => {
  it('should take the eligible job with the smallest priority first when building a list', () => {
    const compiled = compileRcpsp(smallInstance);
    expect(Array.from(buildPriorityList(compiled, [0, 5, 1, 0, 2, 9]))).toEqual([0, 2, 4, 1, 3, 5]);
  });
});

describe('sampleActivityList', () => {
  it('should keep every job after its predecessors when sampling', () => {
    const compiled = compileRcpsp(smallInstance);
    const random = createSmallRandom(3);
    for (let k = 0; k < 20; k++) {
      const list = Array.from(sampleActivityList(compiled, compiled.latestFinishes, random));
      expect([...list].sort()).toEqual([0, 1, 2, 3, 4, 5]);
      smallInstance.successors.forEach((succ, j) => {
        for (const s of succ) expect(list.indexOf(j)).toBeLessThan(list.indexOf(s));
      });
    }
  });
});

/** The serial SGS written plainly: try every start from the earliest one until the job fits. */
function decodePlainly(
  instance: ReturnType<typeof generateRandomInstance>,
  list: ArrayLike<number>,
): number[] {
  const n = instance.durations.length;
  const starts = new Array<number>(n).fill(0);
  const placed: number[] = [];
  const fitsAt = (j: number, t: number) => {
    for (let tau = t; tau < t + instance.durations[j]!; tau++) {
      for (let r = 0; r < instance.capacities.length; r++) {
        let used = instance.demands[j]![r]!;
        for (const q of placed) {
          if (starts[q]! <= tau && tau < starts[q]! + instance.durations[q]!)
            used += instance.demands[q]![r]!;
        }
        if (used > instance.capacities[r]!) return false;
      }
    }
    return true;
  };
  for (let x = 0; x < list.length; x++) {
    const j = list[x]!;
    let t = 0;
    instance.successors.forEach((succ, q) => {
      if (succ.includes(j)) t = Math.max(t, starts[q]! + instance.durations[q]!);
    });
    while (!fitsAt(j, t)) t++;
    starts[j] = t;
    placed.push(j);
  }
  return starts;
}

describe('decodeSerial against a plain serial SGS', () => {
  it('should start every job where the plain scheme does when decoding random lists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        const instance = generateRandomInstance({ seed, jobs: 12, resources: 3, maxDuration: 7 });
        const compiled = compileRcpsp(instance);
        const workspace = createSgsWorkspace(compiled);
        const random = createSmallRandom(seed);
        // Decode twice with the same workspace: leftovers of the first decoding must not leak.
        for (let round = 0; round < 2; round++) {
          const list = sampleActivityList(compiled, compiled.latestFinishes, random);
          const starts = new Int32Array(compiled.jobCount);
          decodeSerial(workspace, list, starts);
          expect(Array.from(starts)).toEqual(decodePlainly(instance, list));
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });
});
