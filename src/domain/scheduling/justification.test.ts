import { describe, expect, it } from 'vitest';
import { createJustifyWorkspace, justifySchedule } from './justification';
import { checkRcpspSchedule } from './rcpsp-constraints';
import { compileRcpsp, reverseRcpsp } from './rcpsp-instance';
import { decodeSerial } from './serial-sgs';
import { generateRandomInstance } from './test-instances';

describe('justifySchedule', () => {
  it('should shorten the schedule when a poor list left slack to close', () => {
    // One unit of one resource. Jobs 1 (d1) → 3 (d1) → 4 (d3, no resource); job 2 (d3) alone.
    // List 0,2,1,3,4,5 runs 2 first: 2 [0,3), 1 [3,4), 3 [4,5), 4 [5,8) → 8. Right-justified:
    // 4 [2,5), 3 [1,2), 1 [0,1), 2 [2,5); pulled left in that order: 1 at 0, 3 at 1, 2 at 2,
    // 4 at 2 → 5, the optimum (chain 1, 3, 4 is 5 long).
    const instance = {
      durations: [0, 1, 3, 1, 3, 0],
      demands: [[0], [1], [1], [1], [0], [0]],
      capacities: [1],
      successors: [[1, 2], [3], [5], [4], [5], []],
    };
    const compiled = compileRcpsp(instance);
    const ws = createJustifyWorkspace(compiled, reverseRcpsp(compiled));
    const starts = new Int32Array(6);
    const raw = decodeSerial(ws.forward, [0, 2, 1, 3, 4, 5], starts);
    const list = new Int32Array(6);
    const improved = justifySchedule(ws, starts, raw, list);
    expect(raw).toBe(8);
    expect(improved).toBe(5);
    expect(Array.from(starts)).toEqual([0, 0, 2, 1, 2, 5]);
    expect(checkRcpspSchedule(instance, Array.from(starts))).toEqual([]);
  });

  it('should never lengthen a feasible schedule when applied to random instances', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const instance = generateRandomInstance({ seed, jobs: 8, resources: 2, maxDuration: 5 });
      const compiled = compileRcpsp(instance);
      const ws = createJustifyWorkspace(compiled, reverseRcpsp(compiled));
      const starts = new Int32Array(compiled.jobCount);
      const raw = decodeSerial(ws.forward, compiled.order, starts);
      const improved = justifySchedule(ws, starts, raw, new Int32Array(compiled.jobCount));
      expect(improved).toBeLessThanOrEqual(raw);
      expect(checkRcpspSchedule(instance, Array.from(starts))).toEqual([]);
    }
  });
});
