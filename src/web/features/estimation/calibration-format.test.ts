import { describe, expect, it } from 'vitest';
import { describeBias, describeStatistic, formatRatio } from './calibration-format';

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
