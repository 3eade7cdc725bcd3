/**
 * The closed lists of item types and states, apart from the zod schemas built on them so the web
 * app can use them without bringing zod into the browser.
 */

export const ITEM_TYPES = ['initiative', 'epic', 'feature', 'task', 'bug'] as const;
export const ITEM_STATES = ['new', 'ready', 'in_progress', 'in_review', 'done', 'cancelled'] as const;
/** The states an item leaves no more: finished or dropped. */
export const CLOSED_ITEM_STATES = [
  'done',
  'cancelled',
] as const satisfies readonly (typeof ITEM_STATES)[number][];

/** How deep each type sits: an item's parent must sit at a smaller level (an epic under an initiative). */
export const ITEM_LEVELS: Readonly<Record<(typeof ITEM_TYPES)[number], number>> = {
  initiative: 0,
  epic: 1,
  feature: 2,
  task: 2,
  bug: 2,
};
