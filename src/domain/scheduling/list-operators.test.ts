import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSmallRandom } from '../shared/random';
import { crossPeak, crossTwoPoint, moveInList, mutateByShift, prepareListTools } from './list-operators';
import { compileRcpsp } from './rcpsp-instance';
import { generateRandomInstance, isFeasibleList, smallInstance } from './test-instances';

describe('crossTwoPoint', () => {
  it('should take the head from the first parent and the middle in the second parent order', () => {
    // Head [0]; positions 1..2 are the first missing jobs of b: 2, 4; the rest in a's order: 1, 3, 5.
    const a = Int32Array.from([0, 1, 2, 3, 4, 5]);
    const b = Int32Array.from([0, 2, 4, 1, 3, 5]);
    expect(Array.from(crossTwoPoint(a, b, 1, 3, new Uint8Array(6)))).toEqual([0, 2, 4, 1, 3, 5]);
  });
});

describe('crossPeak', () => {
  it('should keep the densest stretch of the first parent when crossing', () => {
    // Small instance, capacity 2. Mother: 1 [0,3) uses 2/2, 2 [3,5) and 3 [3,5) use 1/2 each,
    // 4 [5,9) uses 1/2; utilisation 1,1,1,1,1,.5,.5,.5,.5. The first densest 3 periods are
    // [0,3): jobs starting there (0, 1) keep the mother's order; the rest (2, 3, 4, 5 start at
    // 3 or later) follow the father's order 2, 4, 3, 5.
    const compiled = compileRcpsp(smallInstance);
    const child = crossPeak({
      motherList: Int32Array.from([0, 1, 2, 3, 4, 5]),
      motherStarts: Int32Array.from([0, 0, 3, 3, 5, 9]),
      makespan: 9,
      fatherList: Int32Array.from([0, 2, 4, 1, 3, 5]),
      length: 3,
      tools: prepareListTools(compiled),
    });
    expect(Array.from(child)).toEqual([0, 1, 2, 4, 3, 5]);
  });
});

describe('moveInList', () => {
  it('should shift the jobs between when moving an entry later or earlier', () => {
    const later = Int32Array.from([0, 1, 2, 3, 4]);
    moveInList(later, 1, 3);
    expect(Array.from(later)).toEqual([0, 2, 3, 1, 4]);
    const earlier = Int32Array.from([0, 1, 2, 3, 4]);
    moveInList(earlier, 3, 1);
    expect(Array.from(earlier)).toEqual([0, 3, 1, 2, 4]);
  });
});

describe('list operators', () => {
  it('should keep lists precedence-feasible when crossing and mutating random instances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        const compiled = compileRcpsp(
          generateRandomInstance({ seed, jobs: 12, resources: 2, maxDuration: 5 }),
        );
        const tools = prepareListTools(compiled);
        const random = createSmallRandom(seed);
        const a = Int32Array.from(compiled.order);
        const b = Int32Array.from(compiled.order);
        for (let m = 0; m < 10; m++) mutateByShift(b, tools, random);
        expect(isFeasibleList(b, compiled.predecessors)).toBe(true);
        const n = compiled.jobCount;
        const q1 = random.nextIndex(n);
        const child = crossTwoPoint(a, b, q1, q1 + random.nextIndex(n - q1 + 1), tools.used);
        expect(isFeasibleList(child, compiled.predecessors)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('should never move a job when its only place is fixed by its neighbours', () => {
    // A chain 0→1→2: every job is pinned between its predecessor and successor.
    const compiled = compileRcpsp({
      durations: [0, 1, 0],
      demands: [[0], [1], [0]],
      capacities: [1],
      successors: [[1], [2], []],
    });
    const list = Int32Array.from([0, 1, 2]);
    const tools = prepareListTools(compiled);
    const random = createSmallRandom(9);
    for (let m = 0; m < 20; m++) mutateByShift(list, tools, random);
    expect(Array.from(list)).toEqual([0, 1, 2]);
  });
});
