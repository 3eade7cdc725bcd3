/**
 * The order a session's item picker offers items in: those without an estimate in the session's
 * unit first, then the estimated ones, each group in backlog order.
 */

export type SessionUnit = 'days' | 'points';

/** What the picker reads of an item. */
export interface PickableItem {
  estimate: unknown | null;
  storyPoints: number | null;
}

/** One group of the picker, with its visible heading. */
export interface PickerGroup<T> {
  key: 'unestimated' | 'estimated';
  label: string;
  items: T[];
}

/**
 * Whether an item already has an estimate in the unit a session estimates in.
 * @param item the item's estimate and story points
 * @param unit days (three-point estimate) or story points
 * @returns true when the item is estimated in that unit
 */
export function isEstimatedIn(item: PickableItem, unit: SessionUnit): boolean {
  return unit === 'points' ? item.storyPoints !== null : item.estimate !== null;
}

/**
 * Splits candidates into "Not estimated yet" then "Estimated", keeping their backlog order within
 * each group, and shows at most `limit` items in all, unestimated ones first.
 * @param items the candidates, in backlog order
 * @param unit the unit the session estimates in
 * @param limit how many items the picker shows at most
 * @returns the non-empty groups, and how many items were left out by the limit
 */
export function groupForPicking<T extends PickableItem>(
  items: readonly T[],
  unit: SessionUnit,
  limit: number,
): { groups: PickerGroup<T>[]; hidden: number } {
  const unestimated = items.filter((item) => !isEstimatedIn(item, unit));
  const estimated = items.filter((item) => isEstimatedIn(item, unit));
  const shownUnestimated = unestimated.slice(0, limit);
  const shownEstimated = estimated.slice(0, Math.max(0, limit - shownUnestimated.length));
  const groups: PickerGroup<T>[] = [
    { key: 'unestimated' as const, label: 'Not estimated yet', items: shownUnestimated },
    { key: 'estimated' as const, label: 'Estimated', items: shownEstimated },
  ].filter((group) => group.items.length > 0);
  return { groups, hidden: items.length - shownUnestimated.length - shownEstimated.length };
}
