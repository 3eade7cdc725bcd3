import { describe, expect, it } from 'vitest';
import { createSmallRandom } from '../shared/random';
import { testLogNormalFit } from './goodness-of-fit';
import { drawStandardNormal } from './synthetic-history';

describe('testLogNormalFit', () => {
  it('should use Stephens’ 5% critical value for a fit whose mean and spread were estimated', () => {
    const values = [0.5, 0.8, 1, 1.2, 1.5, 2, 2.5, 3, 4, 6];
    const result = testLogNormalFit(values);
    if (!result.tested) throw new Error(result.reason);
    // 0.895 / (√10 − 0.01 + 0.85/√10)
    expect(result.critical).toBeCloseTo(0.895 / (Math.sqrt(10) - 0.01 + 0.85 / Math.sqrt(10)), 12);
    expect(result.critical).toBeCloseTo(0.2616, 3);
    expect(result.significance).toBe(0.05);
  });

  it('should compute D by hand on five values with ties', () => {
    const five = testLogNormalFit([-1, 0, 1, -1, 1].map(Math.exp));
    if (!five.tested) throw new Error('five values are enough');
    // Logs −1, −1, 0, 1, 1: mean 0, sd √(4/4) = 1. Observed CDF jumps to 0.4 at −1, 0.6 at 0, 1 at 1.
    // Gaps: 0.4 − Φ(−1) = 0.2413, Φ(0) − 0.4 = 0.1, 0.6 − Φ(0) = 0.1, Φ(1) − 0.6 = 0.2413.
    expect(five.statistic).toBeCloseTo(0.4 - 0.15865525393145707, 9);
  });

  it('should pass log-normal data and reject data with a spike at one', () => {
    const random = createSmallRandom(5).nextFloat;
    const logNormal = Array.from({ length: 400 }, () => Math.exp(0.3 + 0.8 * drawStandardNormal(random)));
    const fine = testLogNormalFit(logNormal);
    expect(fine.tested && fine.passes).toBe(true);
    const spiked = [...logNormal.slice(0, 300), ...Array(100).fill(1)];
    const bad = testLogNormalFit(spiked);
    if (!bad.tested) throw new Error('400 values are enough');
    expect(bad.passes).toBe(false);
    expect(bad.statistic).toBeGreaterThan(bad.critical);
  });

  it('should say why when the ratios cannot be tested', () => {
    expect(testLogNormalFit([1, 2])).toEqual({
      tested: false,
      reason: 'a fit test needs at least 5 values; there are 2',
    });
    expect(testLogNormalFit([2, 2, 2, 2, 2])).toEqual({
      tested: false,
      reason: 'every ratio is the same: there is no spread to fit',
    });
  });
});
