import { describe, expect, it } from 'vitest';
import { compileRcpsp, solveRcpsp } from '../../domain/scheduling/index';
import { generateRandomInstance, smallInstance } from '../../domain/scheduling/test-instances';
import {
  buildTimeIndexedModel,
  computeStartWindows,
  decodeColumns,
  encodeSchedule,
} from './rcpsp-time-indexed';

describe('computeStartWindows', () => {
  it('should bound each start by the critical path from the start and back from the horizon', () => {
    // smallInstance: 1 (d3) → 3 (d2) → sink; 2 (d2) → 4 (d4) → sink; critical path 6.
    const windows = computeStartWindows(compileRcpsp(smallInstance), 8);
    expect(Array.from(windows!.earliest)).toEqual([0, 0, 0, 3, 2, 6]);
    expect(Array.from(windows!.latest)).toEqual([2, 3, 2, 6, 4, 8]);
  });

  it('should find no window when the horizon is below the critical path', () => {
    expect(computeStartWindows(compileRcpsp(smallInstance), 5)).toBeNull();
  });
});

describe('buildTimeIndexedModel', () => {
  it('should hold a known schedule and read it back when the horizon is its makespan', () => {
    const instance = generateRandomInstance({ seed: 5, jobs: 10, resources: 2, maxDuration: 5 });
    const compiled = compileRcpsp(instance);
    const found = solveRcpsp(instance, { seed: 1, maxSchedules: 50 });
    if (found.status !== 'scheduled') throw new Error('scheduled expected');
    const model = buildTimeIndexedModel(compiled, found.makespan)!;
    const x = encodeSchedule(model, found.starts, compiled.durations);
    expect(decodeColumns(model, x)).toEqual(found.starts);
    // Every row holds for the encoded schedule.
    for (let r = 0; r < model.numRows; r++) {
      let activity = 0;
      for (let e = model.starts[r]!; e < model.starts[r + 1]!; e++)
        activity += model.values[e]! * x[model.indices[e]!]!;
      expect(activity).toBeGreaterThanOrEqual(model.rowLower[r]!);
      expect(activity).toBeLessThanOrEqual(model.rowUpper[r]!);
    }
    // The objective is the makespan.
    let objective = 0;
    for (let c = 0; c < model.numCols; c++) objective += model.colCost[c]! * x[c]!;
    expect(objective).toBe(found.makespan);
  });

  it('should exclude a start that finishes too late for its successor', () => {
    const compiled = compileRcpsp(smallInstance);
    const model = buildTimeIndexedModel(compiled, 8)!;
    // Job 1 at 2 and job 3 at 4 overlap (1 ends at 5): some precedence row must exceed 1.
    const starts = [0, 2, 0, 4, 2, 8];
    const x = encodeSchedule(model, starts, compiled.durations);
    let broken = 0;
    for (let r = 0; r < model.numRows; r++) {
      let activity = 0;
      for (let e = model.starts[r]!; e < model.starts[r + 1]!; e++)
        activity += model.values[e]! * x[model.indices[e]!]!;
      if (activity > model.rowUpper[r]! || activity < model.rowLower[r]!) broken++;
    }
    expect(broken).toBeGreaterThan(0);
  });
});
