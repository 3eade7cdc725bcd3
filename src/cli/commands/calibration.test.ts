import { describe, expect, it } from 'vitest';
import type { CalibrationProfileView, CalibrationReportView } from '../../contract';
import { buildCalibrationProfile, type CompletedEstimate } from '../../domain/estimation';
import { renderCalibrationTable } from './calibration';

function viewOf(records: CompletedEstimate[]): CalibrationProfileView {
  const profile = buildCalibrationProfile({ records });
  if (!profile.ok) throw new Error(profile.reason);
  const { reference: _reference, ...rest } = profile;
  return { ...rest, group: { kind: 'workspace', key: null, name: 'whole workspace' } };
}

function report(overall: CalibrationProfileView): CalibrationReportView {
  return {
    by: 'workspace',
    reference: 'likely',
    unit: 'days',
    completedItems: overall.count,
    overall,
    groups: [],
    drift: { periods: [], trend: { ok: false, needed: 10, have: 0, reason: 'no trend yet' } },
  };
}

const item = (index: number, actual: number): CompletedEstimate => ({
  itemId: `i${index}`,
  estimate: { kind: 'point', value: 4 },
  actual,
  estimator: 'ana',
  itemType: 'task',
  completedOn: '2026-01-01',
});

describe('renderCalibrationTable', () => {
  it('should show the observed median, say the fit is rejected with D, and label single values', () => {
    // 40 items that took exactly their estimate, 60 spread from ×0.08 to ×12.
    const records = [
      ...Array.from({ length: 40 }, (_, i) => item(i, 4)),
      ...Array.from({ length: 60 }, (_, i) => item(40 + i, 4 * Math.exp(-2.5 + (5 * i) / 59))),
    ];
    const view = viewOf(records);
    const text = renderCalibrationTable(report(view));
    expect(text).toContain('median, P80 and P90 are observed');
    expect(text).toMatch(/whole workspace\s+100\s+×1\.00/);
    expect(text).toMatch(/rejected \(D 0\.\d{3} > 0\.\d{3}\); fitted median ×\d\.\d\d/);
    expect(text).toContain('single values met');
    expect(text).toContain('is observed (the fit is not used)');
    expect(text).not.toContain('90% ranges');
  });
});
