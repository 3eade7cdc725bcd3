/** Words and numbers of the Delivery page, apart from the components so they can be tested. */

/** A duration in days: one decimal below 10 days, whole days above. */
export function formatDays(days: number | null): string {
  if (days === null) return '—';
  return days < 10 ? `${days.toFixed(1)} d` : `${Math.round(days)} d`;
}

/**
 * "older than 85 % of finished work", or why it cannot be said.
 * @param percent the share of the period's cycle times below the item's age (0–100), or null
 */
export function describeAgingPercentile(percent: number | null): string {
  if (percent === null) return 'nothing finished in the period to compare with';
  return `older than ${Math.floor(percent)} % of finished work`;
}

/** How alarming an age is: past the 85th percentile is late, past the 50th is watch. */
export function ageLevel(percent: number | null): 'late' | 'watch' | 'ok' {
  if (percent === null) return 'ok';
  return percent >= 85 ? 'late' : percent >= 50 ? 'watch' : 'ok';
}

/** The periods the page offers, in days ending today. */
export const PERIODS = [30, 90, 180, 365] as const;
