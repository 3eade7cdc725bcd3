/** A workflow shaped like Headway's, and a way to write histories in days, for the tests. */
import { MS_PER_DAY, toDayNumber } from '../shared';
import type { FlowItem, FlowWorkflow } from './workflow';

export const TEST_WORKFLOW: FlowWorkflow = {
  states: [
    { name: 'new', category: 'backlog' },
    { name: 'ready', category: 'unstarted' },
    { name: 'in_progress', category: 'started' },
    { name: 'in_review', category: 'started' },
    { name: 'done', category: 'done' },
    { name: 'cancelled', category: 'cancelled' },
  ],
};

/** Monday 2 March 2026, the first day of the tests' period. */
export const D0 = toDayNumber('2026-03-02');

/** A moment written as days (fractional) after the start of D0. */
export const at = (days: number): number => Math.round((D0 + days) * MS_PER_DAY);

/**
 * An item from `[state, days after D0]` pairs.
 * @param id the item's id
 * @param steps states entered, oldest first
 * @param assignee who holds it
 */
export function itemOf(id: string, steps: [string, number][], assignee: string | null = null): FlowItem {
  return { id, assignee, transitions: steps.map(([state, days]) => ({ state, at: at(days) })) };
}
