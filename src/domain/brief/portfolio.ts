/**
 * The portfolio: the brief's headlines of every company one person belongs to, on one page, the
 * company that needs them most first. The server computes each company's headline with the
 * person's rights there; this file holds only the rule that orders them.
 */

/** What ranks one company in the portfolio. */
export interface PortfolioStanding {
  name: string;
  /** False when the company's headline could not be computed: it is listed last, saying so. */
  ok: boolean;
  /** Decisions and proposals waiting on the person there. */
  waitingCount: number;
  /** Days the oldest of them has waited (null when none waits). */
  oldestWaitDays: number | null;
  /** The lowest chance of any of its milestones meeting its target (null when none has a target). */
  lowestChanceOnTime: number | null;
  /** Milestones whose latest health call is off track or at risk. */
  troubledMilestones: number;
}

/** The rule, in the words the page and the API show beside the list. */
export const PORTFOLIO_ORDER_RULE =
  'Companies where decisions wait on you come first, the longest wait first, then the most waiting; ' +
  'then the lowest chance of a milestone meeting its target; then the most milestones called at risk or off track; ' +
  'then by name. A company whose figures could not be read comes last and says why.';

/**
 * Compares two companies by what needs the person most (see PORTFOLIO_ORDER_RULE).
 * @returns a negative number when `a` needs the person more than `b`
 */
export function compareByNeed(a: PortfolioStanding, b: PortfolioStanding): number {
  if (a.ok !== b.ok) return a.ok ? -1 : 1;
  const aWaits = a.waitingCount > 0;
  const bWaits = b.waitingCount > 0;
  if (aWaits !== bWaits) return aWaits ? -1 : 1;
  if (aWaits && bWaits) {
    const byAge = (b.oldestWaitDays ?? 0) - (a.oldestWaitDays ?? 0);
    if (byAge !== 0) return byAge;
    if (a.waitingCount !== b.waitingCount) return b.waitingCount - a.waitingCount;
  }
  // A company with no dated milestone is less pressing than any with one.
  const chanceA = a.lowestChanceOnTime ?? Number.POSITIVE_INFINITY;
  const chanceB = b.lowestChanceOnTime ?? Number.POSITIVE_INFINITY;
  if (chanceA !== chanceB) return chanceA < chanceB ? -1 : 1;
  if (a.troubledMilestones !== b.troubledMilestones) return b.troubledMilestones - a.troubledMilestones;
  return a.name.localeCompare(b.name);
}

/**
 * Orders companies by what needs the person most, without changing the list given.
 * @param companies each company's standing (and whatever else it carries)
 * @returns a new list, the company that needs the person most first
 */
export function rankByNeed<T extends PortfolioStanding>(companies: readonly T[]): T[] {
  return [...companies].sort(compareByNeed);
}
