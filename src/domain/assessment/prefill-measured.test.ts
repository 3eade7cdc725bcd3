import { describe, expect, it } from 'vitest';
import { prefillAnswers } from './prefill';
import { bandItemSize, describePeriod, type MeasuredFlow, measureAnswers } from './prefill-measured';
import { validateAnswers } from './validate-answers';

const flow = (count: number, p50: number, p85: number): MeasuredFlow => ({
  from: '2026-09-03',
  to: '2026-12-01',
  finishedItems: count,
  cycleTimeDays: { count, p50, p85 },
});

describe('measureAnswers', () => {
  it('should prefill the item size from the median cycle time with a note naming the measure and period', () => {
    const { answers, notes } = prefillAnswers({ flow: flow(23, 6.04, 15.46) });
    expect(answers).toEqual({ 'item-size': '3-5-days' });
    expect(notes['item-size']).toBe(
      'measured: 23 items finished 3 Sep – 1 Dec 2026, cycle time median 6 days, P85 15.5 days',
    );
    expect(validateAnswers(answers, { short: false }).problems).toEqual([]);
  });

  it('should measure nothing from fewer than ten finished items with a recorded start', () => {
    expect(measureAnswers(flow(9, 1, 2))).toEqual([]);
    expect(measureAnswers({ ...flow(0, 0, 0), cycleTimeDays: null })).toEqual([]);
    expect(measureAnswers({ ...flow(3, 1, 2), finishedItems: 40 })).toEqual([]);
    expect(measureAnswers(undefined)).toEqual([]);
  });

  it('should band median cycle times into the item-size options at their edges', () => {
    expect([0, 2, 2.01, 7, 7.5, 14, 14.1].map(bandItemSize)).toEqual([
      'up-to-2-days',
      'up-to-2-days',
      '3-5-days',
      '3-5-days',
      '1-2-weeks',
      '1-2-weeks',
      'over-2-weeks',
    ]);
  });

  it('should name both years when a period spans the new year', () => {
    expect(describePeriod('2025-11-15', '2026-02-12')).toBe('15 Nov 2025 – 12 Feb 2026');
  });
});
