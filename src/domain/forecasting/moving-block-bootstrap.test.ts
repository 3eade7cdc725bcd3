import { describe, expect, it } from 'vitest';
import {
  buildMovingBlocks,
  simulateFinishWithBlocks,
  simulateTotalsWithBlocks,
} from './moving-block-bootstrap';

const seedOfTrial = (trial: number) => 1000 + trial;

describe('buildMovingBlocks', () => {
  it('should total every run of consecutive periods when blocks overlap', () => {
    // Runs of 2 in [1, 2, 3, 4]: 1+2, 2+3, 3+4.
    const blocks = buildMovingBlocks({ samples: Int32Array.from([1, 2, 3, 4]), blockLength: 2 });
    expect(Array.from(blocks.totals)).toEqual([3, 5, 7]);
  });

  it('should throw when a block is longer than the pool', () => {
    expect(() => buildMovingBlocks({ samples: Int32Array.from([1, 2]), blockLength: 3 })).toThrow(RangeError);
  });
});

describe('simulateFinishWithBlocks', () => {
  it('should replay a block in order when it crosses the target', () => {
    // One block only, [0, 0, 3]: 3 items always land on the third day (offset 2).
    const blocks = buildMovingBlocks({ samples: Int32Array.from([0, 0, 3]), blockLength: 3 });
    const { finishHistogram, unfinished } = simulateFinishWithBlocks({
      blocks,
      target: 3,
      trials: 50,
      seedOfTrial,
      working: null,
      maxPeriods: 10,
    });
    expect(Array.from(finishHistogram.subarray(0, 4))).toEqual([0, 0, 50, 0]);
    expect(unfinished).toBe(0);
  });

  it('should skip non-working periods without using up the block', () => {
    // The block [0, 3] is replayed on working periods 0 and 2: done on period 2.
    const blocks = buildMovingBlocks({ samples: Int32Array.from([0, 3]), blockLength: 2 });
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
    // One block [1, 10, 100]: 5 periods = the whole block + its first 2 periods = 111 + 11.
    const blocks = buildMovingBlocks({ samples: Int32Array.from([1, 10, 100]), blockLength: 3 });
    const totals = simulateTotalsWithBlocks({ blocks, periods: 5, trials: 4, seedOfTrial });
    expect(Array.from(totals)).toEqual([122, 122, 122, 122]);
  });
});
