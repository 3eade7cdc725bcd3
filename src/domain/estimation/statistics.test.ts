import { describe, expect, it } from 'vitest';
import { computeMedian, computeNormalCdf, computeNormalQuantile, computeQuantile } from './statistics';

describe('statistics', () => {
  it('should take the middle value or the mean of the two middle values when computing a median', () => {
    expect(computeMedian([5, 1, 3])).toBe(3);
    expect(computeMedian([4, 1, 3, 2])).toBe(2.5);
  });

  it('should interpolate between order statistics when computing a quantile', () => {
    // sorted 10 20 30 40 50, p = 0.9 → position 0.9 × 4 = 3.6 → 40 + 0.6 × 10 = 46
    expect(computeQuantile([50, 10, 40, 20, 30], 0.9)).toBeCloseTo(46, 12);
  });

  it('should match published values of the normal distribution', () => {
    expect(computeNormalCdf(0)).toBeCloseTo(0.5, 14);
    expect(computeNormalCdf(1)).toBeCloseTo(0.8413447460685429, 12);
    expect(computeNormalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 12);
    expect(computeNormalCdf(5)).toBeCloseTo(0.9999997133484281, 12);
    expect(computeNormalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 9);
    expect(computeNormalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 9);
    expect(computeNormalQuantile(0.05)).toBeCloseTo(-1.6448536269514729, 9);
    expect(computeNormalQuantile(1e-6)).toBeCloseTo(-4.753424308822899, 7);
  });
});
