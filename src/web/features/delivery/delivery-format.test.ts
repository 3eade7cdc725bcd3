import { describe, expect, it } from 'vitest';
import {
  ageLevel,
  describeAgingPercentile,
  describeTimeNotWorked,
  formatDays,
  formatHours,
  formatShare,
} from './delivery-format';

describe('delivery format', () => {
  it('should round an aging percentile down so an item is never said to be older than it is', () => {
    expect(describeAgingPercentile(84.99)).toBe('older than 84 % of finished work');
    expect(describeAgingPercentile(null)).toBe('nothing finished in the period to compare with');
  });

  it('should call an item late from the 85th percentile and watched from the 50th', () => {
    expect([ageLevel(85), ageLevel(84.9), ageLevel(50), ageLevel(49), ageLevel(null)]).toEqual([
      'late',
      'watch',
      'watch',
      'ok',
      'ok',
    ]);
  });

  it('should show one decimal below ten days and whole days above', () => {
    expect([formatDays(3.25), formatDays(12.6), formatDays(null)]).toEqual(['3.3 d', '13 d', '—']);
  });

  it('should show a duration in minutes below an hour, hours below two days, then days', () => {
    expect([
      formatHours(0.25),
      formatHours(6.04),
      formatHours(30.4),
      formatHours(72),
      formatHours(null),
    ]).toEqual(['15 min', '6.0 h', '30 h', '3.0 d', '—']);
  });

  it('should show a share as a percentage with one decimal', () => {
    expect([formatShare(2 / 3), formatShare(0), formatShare(null)]).toEqual(['66.7 %', '0.0 %', '—']);
  });

  it('should list blocked time and flow efficiency where measured, and say why where not', () => {
    const measured = describeTimeNotWorked({
      blockedTime: { available: true, items: 2, blockedDays: 1.25, share: 0.125 },
      flowEfficiency: { available: false, reason: 'No waiting state.' },
    });
    expect(measured).toEqual({
      figures: [
        { label: 'Blocked (2 finished items)', value: '1.3 d' },
        { label: 'Share of cycle time blocked', value: '12.5 %' },
      ],
      missing: ['No waiting state.'],
    });
    const efficient = describeTimeNotWorked({
      blockedTime: { available: false, reason: 'No blocked state.' },
      flowEfficiency: { available: true, items: 2, activeDays: 6, waitingDays: 2, percent: 75 },
    });
    expect(efficient.figures).toEqual([{ label: 'Flow efficiency (time worked)', value: '75.0 %' }]);
    expect(efficient.missing).toEqual(['No blocked state.']);
  });
});
