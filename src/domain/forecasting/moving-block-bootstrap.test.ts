import { describe, expect, it } from 'vitest';
import {
  buildMovingBlocks,
  simulateFinishWithBlocks,
  simulateTotalsWithBlocks,
} from './moving-block-bootstrap';

const seedOfTrial = (trial: number) => 1000 + trial;

describe('buildMovingBlocks', () => {
  it('should total every run of consecutive periods, wrapping at the end, when blocks overlap', () => {
    // Runs of 2 in [1, 2, 3, 4]: 1+2, 2+3, 3+4 and the wrap 4+1.
    const blocks = buildMovingBlocks({ samples: Int32Array.from([1, 2, 3, 4]), blockLength: 2 });
    expect(Array.from(blocks.totals)).toEqual([3, 5, 7, 5]);
    expect(Array.from(blocks.samples)).toEqual([1, 2, 3, 4, 1]);
  });

  it('should throw when a block is longer than the pool', () => {
    expect(() => buildMovingBlocks({ samples: Int32Array.from([1, 2]), blockLength: 3 })).toThrow(RangeError);
  });
});

describe('simulateFinishWithBlocks', () => {
  it('should replay a block in order when it crosses the target', () => {
    // Blocks [1, 2] and [2, 1] both reach 3 items on their second day (offset 1) and not before;
    // independent days would sometimes draw 1 then 1 and finish later.
    const blocks = buildMovingBlocks({ samples: Int32Array.from([1, 2]), blockLength: 2 });
    const { finishHistogram, unfinished } = simulateFinishWithBlocks({
      blocks,
      target: 3,
      trials: 50,
      seedOfTrial,
      working: null,
      maxPeriods: 10,
    });
    expect(Array.from(finishHistogram.subarray(0, 4))).toEqual([0, 50, 0, 0]);
    expect(unfinished).toBe(0);
  });

  it('should skip non-working periods without using up the block', () => {
    // A block ([1, 2] or [2, 1]) is replayed on working periods 0 and 2: done on period 2.
    const blocks = buildMovingBlocks({ samples: Int32Array.from([1, 2]), blockLength: 2 });
    const { finishHistogram } = simulateFinishWithBlocks({
      blocks,
      target: 3,
      trials: 20,
      seedOfTrial,
      working: Uint8Array.from([1, 0, 1, 1]),
      maxPeriods: 4,
    });
    expect(Array.from(finishHistogram)).toEqual([0, 0, 20, 0]);
  });

  it('should count trials that never reach the target as unfinished', () => {
    const blocks = buildMovingBlocks({ samples: Int32Array.from([1, 1]), blockLength: 2 });
    const result = simulateFinishWithBlocks({
      blocks,
      target: 10,
      trials: 7,
      seedOfTrial,
      working: null,
      maxPeriods: 5,
    });
    expect(result.unfinished).toBe(7);
  });
});

describe('simulateTotalsWithBlocks', () => {
  it('should add the start of a whole block when the periods end mid-block', () => {
    // Blocks [1, 10] and [10, 1]: 3 periods = one whole block (11) + the first period of another
    // (1 or 10), so every total is 12 or 21 and both occur.
    const blocks = buildMovingBlocks({ samples: Int32Array.from([1, 10]), blockLength: 2 });
    const totals = simulateTotalsWithBlocks({ blocks, periods: 3, trials: 200, seedOfTrial });
    expect(new Set(totals)).toEqual(new Set([12, 21]));
  });
});
