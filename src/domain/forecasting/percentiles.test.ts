import { describe, expect, it } from 'vitest';
import {
  countRequiredForLevel,
  findEarliestDayForLevel,
  findLargestReachedForLevel,
  findSmallestCoveringForLevel,
} from './percentiles';

describe('percentiles', () => {
  it('should round the required trial count up when the level does not divide evenly', () => {
    expect(countRequiredForLevel({ level: 85, total: 100 })).toBe(85);
    expect(countRequiredForLevel({ level: 85, total: 10 })).toBe(9);
    expect(countRequiredForLevel({ level: 50, total: 3 })).toBe(2);
    expect(countRequiredForLevel({ level: 1, total: 10 })).toBe(1);
  });

  it('should pick the first day whose cumulative share reaches the level when reading a histogram', () => {
    // 10 trials: 2 finish on day 0, 5 on day 1, 2 on day 3, 1 never.
    const finishHistogram = Int32Array.from([2, 5, 0, 2]);
    expect(findEarliestDayForLevel({ finishHistogram, trials: 10, level: 50 })).toBe(1);
    expect(findEarliestDayForLevel({ finishHistogram, trials: 10, level: 70 })).toBe(1);
    expect(findEarliestDayForLevel({ finishHistogram, trials: 10, level: 85 })).toBe(3);
    expect(findEarliestDayForLevel({ finishHistogram, trials: 10, level: 95 })).toBeNull();
  });

  it('should pick the largest value reached by enough trials when reading counts', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // at least 9 of 10 trials reached 2; only 8 reached 3.
    expect(findLargestReachedForLevel({ sortedAscending: sorted, level: 85 })).toBe(2);
    expect(findLargestReachedForLevel({ sortedAscending: sorted, level: 50 })).toBe(6);
    expect(findSmallestCoveringForLevel({ sortedAscending: sorted, level: 85 })).toBe(9);
    expect(findSmallestCoveringForLevel({ sortedAscending: sorted, level: 50 })).toBe(5);
  });
});
