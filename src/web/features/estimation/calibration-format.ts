import type { CalibrationProfileView } from '../../../contract';

type Statistic = { ok: true; value: number } | { ok: false; needed: number; have: number; reason: string };

/** A ratio of actual to estimated effort as a person reads it: ×1.12. */
export function formatRatio(ratio: number): string {
  return `×${ratio.toFixed(2)}`;
}

/**
 * What a median ratio means in words: "takes about 12% more than estimated".
 * @param ratio fitted median of actual / estimate
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
