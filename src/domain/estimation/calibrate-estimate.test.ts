import { describe, expect, it } from 'vitest';
import { calibrateEstimate, pickCalibrationProfile } from './calibrate-estimate';
import { buildCalibrationProfile, buildCalibrationReport, type CompletedEstimate } from './calibration';

const LOG_RATIOS = [-1, -0.5, 0, 0, 0.5, 0.5, 1, 1, 1.5, 2]; // μ = 0.5, σ² = 0.75 (see calibration.test.ts)

function history(logRatios: readonly number[], estimator = 'ana', itemType = 'feature'): CompletedEstimate[] {
  return logRatios.map((logRatio, index) => ({
    itemId: `${estimator}-${itemType}-${index}`,
    estimate: { kind: 'point', value: 1 },
    actual: Math.exp(logRatio),
    estimator,
    itemType,
    completedOn: '2026-01-15',
  }));
}

describe('calibrateEstimate', () => {
  it('should give the observed 80% interval beside the raw values when the profile has 30 items', () => {
    const profile = buildCalibrationProfile({
      records: history([...LOG_RATIOS, ...LOG_RATIOS, ...LOG_RATIOS]),
    });
    const result = calibrateEstimate({
      estimate: { kind: 'three-point', optimistic: 6, likely: 10, pessimistic: 15 },
      profile,
    });
    if (!result.ok || !profile.ok || !profile.p10.ok || !profile.p90.ok)
      throw new Error('30 items are enough');
    expect(result.raw).toEqual({ optimistic: 6, likely: 10, pessimistic: 15 });
    // likely 10 × the observed median e^0.5; range 10 × the observed P10 … P90.
    expect(result.calibrated.likely).toBeCloseTo(10 * Math.exp(0.5), 9);
    expect(result.calibrated.optimistic).toBeCloseTo(10 * profile.p10.value, 9);
    expect(result.calibrated.pessimistic).toBeCloseTo(10 * profile.p90.value, 9);
    expect(result.calibrated.mean).toBeCloseTo(10 * profile.mean, 9);
    expect(result.rangeCoverage).toBe(0.8);
    expect(result.note).toBe('range is the observed 10th–90th percentile of 30 completed items');
  });

  it('should only scale the raw range by the median when the profile has fewer than 30 items', () => {
    const profile = buildCalibrationProfile({ records: history(LOG_RATIOS) });
    const result = calibrateEstimate({
      estimate: { kind: 'three-point', optimistic: 6, likely: 10, pessimistic: 15 },
      profile,
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.calibrated.optimistic).toBeCloseTo(6 * Math.exp(0.5), 9);
    expect(result.calibrated.pessimistic).toBeCloseTo(15 * Math.exp(0.5), 9);
    expect(result.rangeCoverage).toBeNull();
    expect(result.note).toBe(
      'range scaled by the median ratio only; P90 needs at least 30 completed items; there are 10',
    );
  });

  it('should refuse with the number of items needed when the profile has too little data', () => {
    const profile = buildCalibrationProfile({ records: history(LOG_RATIOS.slice(0, 3)) });
    expect(calibrateEstimate({ estimate: { kind: 'point', value: 5 }, profile })).toMatchObject({
      ok: false,
      needed: 10,
      have: 3,
    });
  });
});

describe('pickCalibrationProfile', () => {
  it('should prefer the estimator, then the item type, then the workspace', () => {
    const report = buildCalibrationReport({
      records: [
        ...history(LOG_RATIOS, 'ana', 'bug'),
        ...history(LOG_RATIOS.slice(0, 5), 'ben', 'bug'),
        ...history(LOG_RATIOS.slice(0, 4), 'cy', 'chore'),
      ],
    });
    expect(pickCalibrationProfile({ report, estimator: 'ana', itemType: 'chore' }).group).toEqual({
      kind: 'estimator',
      key: 'ana',
    });
    expect(pickCalibrationProfile({ report, estimator: 'ben', itemType: 'bug' }).group).toEqual({
      kind: 'item-type',
      key: 'bug',
    });
    expect(pickCalibrationProfile({ report, estimator: 'cy', itemType: 'chore' }).group).toEqual({
      kind: 'all',
    });
  });
});
