import { describe, expect, it } from 'vitest';
import { computeNormalCdf, computeNormalQuantile } from './statistics';

describe('statistics', () => {
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
