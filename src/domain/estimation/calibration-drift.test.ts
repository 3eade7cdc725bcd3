import { describe, expect, it } from 'vitest';
import type { CompletedEstimate } from './calibration';
import { measureCalibrationDrift } from './calibration-drift';

function items(count: number, ratio: number, completedOn: string, prefix: string): CompletedEstimate[] {
  return Array.from({ length: count }, (_, index) => ({
    itemId: `${prefix}${index}`,
    estimate: { kind: 'point', value: 2 },
    actual: 2 * ratio,
    estimator: 'ana',
    itemType: 'feature',
    completedOn,
  }));
}

describe('measureCalibrationDrift', () => {
  it('should show the ratio per quarter and the yearly trend when estimates get worse', () => {
    // Q1: ten items at ratio 1 on 15 Jan; Q2: ten at ratio 2 on 15 Apr, 90 days later; Q3: three items.
    const records = [
      ...items(10, 1, '2026-01-15', 'a'),
      ...items(10, 2, '2026-04-15', 'b'),
      ...items(3, 2, '2026-07-02', 'c'),
    ];
    const drift = measureCalibrationDrift({ records: records.slice(0, 20), window: { kind: 'quarter' } });
    expect(
      drift.periods.map((period) => [
        period.label,
        period.from,
        period.to,
        period.profile.ok && period.profile.median,
      ]),
    ).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31', 1],
      ['2026-Q2', '2026-04-01', '2026-06-30', 2],
    ]);
    // Two clusters of ten: slope = ln 2 / (90 / 365.25) per year → factor 2^(365.25 / 90) ≈ 16.7
    expect(drift.trend.ok && drift.trend.factorPerYear).toBeCloseTo(2 ** (365.25 / 90), 6);
    const withQ3 = measureCalibrationDrift({ records, window: { kind: 'quarter' } });
    expect(withQ3.periods[2]?.profile).toMatchObject({ ok: false, count: 3, needed: 10 });
  });

  it('should slide a rolling window over the completed items in date order', () => {
    // 20 items: windows of 10 with stride 5 → items 1–10, 6–15, 11–20
    const records = [...items(10, 2, '2026-05-01', 'late'), ...items(10, 1, '2026-01-01', 'early')];
    const drift = measureCalibrationDrift({ records, window: { kind: 'rolling', size: 10 } });
    // middle window: five at ratio 1, five at ratio 2 → observed median halfway, 1.5
    expect(drift.periods.map((period) => period.label)).toEqual(['items 1–10', 'items 6–15', 'items 11–20']);
    const medians = drift.periods.map((period) => (period.profile.ok ? period.profile.median : Number.NaN));
    expect(medians[0]).toBeCloseTo(1, 12);
    expect(medians[1]).toBeCloseTo(1.5, 12);
    expect(medians[2]).toBeCloseTo(2, 12);
  });

  it('should refuse a trend with fewer than ten items and skip undated ones', () => {
    const drift = measureCalibrationDrift({
      records: [...items(4, 1, '2026-01-01', 'x'), ...items(1, 1, 'someday', 'y')],
      window: { kind: 'quarter' },
    });
    expect(drift.trend).toEqual({
      ok: false,
      needed: 10,
      have: 4,
      reason: 'a trend needs at least 10 completed items; there are 4',
    });
    expect(drift.skipped).toEqual(['y0']);
  });
});
