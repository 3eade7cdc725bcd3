import type { EstimationSessionItem } from '../../../contract';

/** Days for people: at most one decimal, no trailing zero. */
export function formatDays(days: number): string {
  const rounded = Math.round(days * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}

/** Rounds to the nearest half day, the finest grain an estimate should claim. */
export function roundToHalf(days: number): number {
  return Math.round(days * 2) / 2;
}

/**
 * The three-point estimate to offer for acceptance: the lowest vote, the median and the highest,
 * rounded to half days; null before there is a spread.
 * @param item one item of a revealed session
 * @returns optimistic ≤ likely ≤ pessimistic, or null
 */
export function suggestEstimate(
  item: EstimationSessionItem,
): { optimistic: number; likely: number; pessimistic: number } | null {
  if (!item.spread) return null;
  const optimistic = roundToHalf(item.spread.min);
  const pessimistic = Math.max(optimistic, roundToHalf(item.spread.max));
  const likely = Math.min(pessimistic, Math.max(optimistic, roundToHalf(item.spread.median)));
  return { optimistic, likely, pessimistic };
}
