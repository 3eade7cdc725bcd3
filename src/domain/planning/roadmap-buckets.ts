/**
 * Now, next and later: how far from the plan start an item begins, in calendar days.
 */

/** Calendar days from the plan start within which work starts "now". */
export const NOW_DAYS = 14;
/** Calendar days from the plan start within which work starts "next"; later after that. */
export const NEXT_DAYS = 56;

/** Where an item sits on a now/next/later roadmap. */
export type RoadmapBucket = 'now' | 'next' | 'later';

/**
 * The bucket of a planned item: work under way is always now; otherwise now when it starts
 * within {@link NOW_DAYS} days of the plan start, next within {@link NEXT_DAYS}, later after.
 * @param options.startDay the item's start, in days from the plan start
 * @param options.underWay whether the item is in progress or in review
 * @returns now, next or later
 */
export function findRoadmapBucket(options: { startDay: number; underWay: boolean }): RoadmapBucket {
  if (options.underWay || options.startDay < NOW_DAYS) return 'now';
  return options.startDay < NEXT_DAYS ? 'next' : 'later';
}

/** The planning rules as the roadmap states them to its readers. */
export const ROADMAP_RULES: readonly string[] = [
  'Planned work: open features, tasks and bugs with an estimate, in the product order; effort is the PERT mean (optimistic + 4 × likely + pessimistic) / 6 in working days, stretched by the person’s FTE.',
  'People: every member with FTE above 0 except viewers, and except founders who list no skills.',
  'An item goes to someone with all its skills; an assignee who has them keeps the item.',
  'Work under way (in progress or in review) stays with its assignee, whatever skills it lists, and is planned first, from the plan start.',
  'Milestones: initiatives with a target date, reached when their last open item finishes.',
  `Now: under way or starting within ${NOW_DAYS} days of the plan start; next: starting within ${NEXT_DAYS} days; later: after that.`,
  'Items in progress are planned with their whole estimate (remaining effort is not tracked).',
];
