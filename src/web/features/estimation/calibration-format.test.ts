import { describe, expect, it } from 'vitest';
import type { CalibrationProfileView } from '../../../contract';
import { describeBias, describeFitVerdict, describeStatistic, formatRatio } from './calibration-format';

describe('calibration wording', () => {
  it('should say how much more work takes when the median ratio is above 1', () => {
    expect(describeBias(1.3)).toBe('takes about 30% more than estimated');
  });

  it('should say how much less work takes when the median ratio is below 1', () => {
    expect(describeBias(0.8)).toBe('takes about 20% less than estimated');
  });

  it('should say the estimate holds when the ratio rounds to 1', () => {
    expect(describeBias(1.004)).toBe('takes about what was estimated');
  });

  it('should print a ratio with two decimals when formatting', () => {
    expect(formatRatio(1.5680218)).toBe('×1.57');
  });

  it('should name the points needed when a statistic is refused', () => {
    expect(describeStatistic({ ok: false, needed: 30, have: 12, reason: 'too few' })).toBe(
      'needs 30 items, has 12',
    );
  });
});

describe('describeFitVerdict', () => {
  const profile = (accepted: boolean) =>
    ({
      fit: {
        logMean: -0.56,
        logSd: 1.2,
        median: 0.57,
        p10: 0.12,
        p90: 2.7,
        mean: 1.17,
        test: {
          tested: true,
          test: 'kolmogorov-smirnov-lilliefors',
          statistic: accepted ? 0.01 : 0.147,
          critical: 0.018,
          significance: 0.05,
          count: 2479,
          passes: accepted,
        },
        accepted,
      },
    }) as unknown as Extract<CalibrationProfileView, { ok: true }>;

  it('should give D and the critical value and say only observed numbers are used when the fit fails', () => {
    expect(describeFitVerdict(profile(false))).toBe(
      'A log-normal does not fit these ratios (KS D = 0.147, 5% critical value 0.018): its median would be ×0.57 and its P90 ×2.70, so only observed numbers are shown and used.',
    );
  });

  it('should say the fit’s mean is used when the fit passes', () => {
    expect(describeFitVerdict(profile(true))).toContain('its mean ×1.17 is the one used to add items up');
  });
});
