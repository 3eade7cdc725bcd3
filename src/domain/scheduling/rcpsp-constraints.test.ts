import { describe, expect, it } from 'vitest';
import {
  checkRcpspSchedule,
  measureMakespan,
  respectPrecedence,
  respectResourceCapacity,
} from './rcpsp-constraints';
import { smallInstance } from './test-instances';

describe('respectPrecedence', () => {
  it('should report the arc when a job starts before its predecessor finishes', () => {
    // job 3 follows job 1 (d3) but starts at 2
    const starts = [0, 0, 0, 2, 3, 7];
    expect(respectPrecedence(smallInstance, starts)).toEqual([
      { rule: 'precedence', job: 3, predecessor: 1 },
    ]);
  });

  it('should report nothing when every job waits for its predecessors', () => {
    expect(respectPrecedence(smallInstance, [0, 0, 3, 3, 5, 9])).toEqual([]);
  });
});

describe('respectResourceCapacity', () => {
  it('should report the periods where use exceeds capacity', () => {
    // job 1 (2 units, periods 0-2) overlaps job 2 (1 unit, 0-1) and job 4 (1 unit, from 2): 3 > 2
    const v = respectResourceCapacity(smallInstance, [0, 0, 0, 3, 2, 6]);
    expect(v.map((x) => (x.rule === 'capacity' ? x.period : -1))).toEqual([0, 1, 2]);
  });

  it('should report nothing when use stays within capacity', () => {
    expect(respectResourceCapacity(smallInstance, [0, 0, 3, 3, 5, 9])).toEqual([]);
  });
});

describe('checkRcpspSchedule', () => {
  it('should reject negative or fractional starts when given them', () => {
    expect(checkRcpspSchedule(smallInstance, [0, -1, 0.5, 3, 5, 9]).map((v) => v.rule)).toEqual([
      'start',
      'start',
    ]);
  });

  it('should measure the makespan as the latest finish', () => {
    expect(measureMakespan(smallInstance, [0, 0, 3, 3, 5, 9])).toBe(9);
  });
});
