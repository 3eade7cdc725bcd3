import type { CalibrationProfileView } from '../../../contract';

type Statistic = { ok: true; value: number } | { ok: false; needed: number; have: number; reason: string };

/** A ratio of actual to estimated effort as a person reads it: ×1.12. */
export function formatRatio(ratio: number): string {
  return `×${ratio.toFixed(2)}`;
}

/**
 * What a median ratio means in words: "takes about 12% more than estimated".
 * @param ratio observed median of actual / estimate
 * @returns the sentence fragment
 */
export function describeBias(ratio: number): string {
  const pct = Math.round((ratio - 1) * 100);
  if (pct === 0) return 'takes about what was estimated';
  return pct > 0 ? `takes about ${pct}% more than estimated` : `takes about ${-pct}% less than estimated`;
}

/** A percentile statistic or the honest refusal, as text. */
export function describeStatistic(stat: Statistic): string {
  return stat.ok ? formatRatio(stat.value) : `needs ${stat.needed} items, has ${stat.have}`;
}

/** The refusal sentence of a profile that could not be fitted. */
export function describeRefusal(profile: Extract<CalibrationProfileView, { ok: false }>): string {
  return `Not enough history for ${profile.group.name}: ${profile.count} of the ${profile.needed} completed, estimated items needed. ${profile.reason}`;
}

/**
 * Whether the log-normal fit describes the ratios, and so which numbers are shown: quantiles are
 * always the observed ones; the fit is used (for the mean) only when its test passes.
 * @param profile a calibrated profile
 * @returns one sentence with the test's D and critical value
 */
export function describeFitVerdict(profile: Extract<CalibrationProfileView, { ok: true }>): string {
  const { fit } = profile;
  if (!fit.test.tested) return `Log-normal fit not tested: ${fit.test.reason}. Observed numbers shown.`;
  const d = `KS D = ${fit.test.statistic.toFixed(3)}, 5% critical value ${fit.test.critical.toFixed(3)}`;
  return fit.accepted
    ? `A log-normal fits these ratios (${d}); its mean ${formatRatio(fit.mean)} is the one used to add items up. Quantiles shown are observed.`
    : `A log-normal does not fit these ratios (${d}): its median would be ${formatRatio(fit.median)} and its P90 ${formatRatio(fit.p90)}, so only observed numbers are shown and used.`;
}
