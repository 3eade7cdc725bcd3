import { describe, expect, it } from 'vitest';
import { classifyValueEffort } from './value-effort';

describe('classifyValueEffort', () => {
  it('should place items in the four quadrants around the default 5.5 thresholds', () => {
    expect(classifyValueEffort({ value: 8, effort: 2 })).toBe('quick-win');
    expect(classifyValueEffort({ value: 8, effort: 9 })).toBe('big-bet');
    expect(classifyValueEffort({ value: 3, effort: 2 })).toBe('fill-in');
    expect(classifyValueEffort({ value: 3, effort: 9 })).toBe('time-sink');
  });

  it('should count a value on the threshold as high when custom thresholds are set', () => {
    expect(classifyValueEffort({ value: 50, effort: 49, valueThreshold: 50, effortThreshold: 50 })).toBe(
      'quick-win',
    );
  });
});
