import type { CalibrationProfile, CalibrationReport, RecordedEstimate } from './calibration';
import { referenceValue } from './calibration';

/** A raw estimate beside its calibrated version. */
export type CalibratedEstimate =
  | {
      ok: true;
      raw: { optimistic: number | null; likely: number; pessimistic: number | null };
      calibrated: {
        optimistic: number | null;
        likely: number;
        pessimistic: number | null;
        /** Expected effort, reference × exp(μ + σ²/2): the number to add up across items. */
        mean: number;
      };
      /** 0.8 when the range is the observed P10–P90; null when it is only the raw range scaled by the median. */
      rangeCoverage: number | null;
      note: string;
      basedOn: { group: CalibrationProfile['group']; count: number };
    }
  | { ok: false; needed: number; have: number; reason: string };

/**
 * Corrects an estimate with the history of similar work: the reference value (likely, or the point)
 * times the observed median ratio. With 30 or more items behind the profile the range becomes the
 * observed 80% interval (reference × P10 … reference × P90); with fewer, a three-point range is only
 * scaled by the median and the note says so. The mean uses the log-normal fit only where it passes
 * its goodness-of-fit test (see the profile's `shown`).
 * @param options.estimate the new estimate
 * @param options.profile the calibration profile to apply (see {@link pickCalibrationProfile})
 * @returns raw and calibrated values side by side, or a refusal when the profile lacks data
 */
export function calibrateEstimate(options: {
  estimate: RecordedEstimate;
  profile: CalibrationProfile;
}): CalibratedEstimate {
  const { profile, estimate } = options;
  if (!profile.ok) {
    return { ok: false, needed: profile.needed, have: profile.count, reason: profile.reason };
  }
  const reference = referenceValue(estimate, profile.reference);
  const raw =
    estimate.kind === 'point'
      ? { optimistic: null, likely: estimate.value, pessimistic: null }
      : { optimistic: estimate.optimistic, likely: estimate.likely, pessimistic: estimate.pessimistic };
  const likely = reference * profile.median;
  const mean = reference * profile.mean;
  const basedOn = { group: profile.group, count: profile.count };
  if (profile.p10.ok && profile.p90.ok) {
    return {
      ok: true,
      raw,
      calibrated: {
        optimistic: reference * profile.p10.value,
        likely,
        pessimistic: reference * profile.p90.value,
        mean,
      },
      rangeCoverage: 0.8,
      note: `range is the observed 10th–90th percentile of ${profile.count} completed items`,
      basedOn,
    };
  }
  const scale = (value: number | null) => (value === null ? null : value * profile.median);
  const why = profile.p90.ok ? '' : `; ${profile.p90.reason}`;
  return {
    ok: true,
    raw,
    calibrated: { optimistic: scale(raw.optimistic), likely, pessimistic: scale(raw.pessimistic), mean },
    rangeCoverage: null,
    note: `range scaled by the median ratio only${why}`,
    basedOn,
  };
}

/**
 * Chooses the most specific profile that has enough data: the estimator's, else the item type's,
 * else the workspace's.
 * @param options.report the calibration report
 * @param options.estimator who estimated the new item
 * @param options.itemType the new item's type
 * @returns the profile to use (possibly the workspace's refusal when nothing has enough data)
 */
export function pickCalibrationProfile(options: {
  report: CalibrationReport;
  estimator?: string;
  itemType?: string;
}): CalibrationProfile {
  const byEstimator = options.report.byEstimator.find(
    (profile) => profile.group.kind === 'estimator' && profile.group.key === options.estimator,
  );
  if (byEstimator?.ok) return byEstimator;
  const byType = options.report.byItemType.find(
    (profile) => profile.group.kind === 'item-type' && profile.group.key === options.itemType,
  );
  if (byType?.ok) return byType;
  return options.report.overall;
}
