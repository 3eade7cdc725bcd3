/**
 * Why an item starts when it does, in a sentence a reader of the roadmap understands.
 */
import type { StartReason } from '../scheduling';

/** A start reason with its sentence and the item, person, skills or date it names. */
export interface StartExplanation {
  kind: StartReason['kind'];
  text: string;
  itemId?: string;
  personId?: string;
  skills?: string[];
  date?: string;
}

/**
 * Puts the scheduler's start reason into words, naming items and people by their labels.
 * @param reason the scheduler's reason
 * @param labels item labels by id (an unknown id reads "another item")
 * @param names people's names by id (an unknown id reads "the assignee")
 * @returns the reason with its sentence
 */
export function describeReason(
  reason: StartReason,
  labels: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
): StartExplanation {
  const item = (id: string) => labels.get(id) ?? 'another item';
  const person = (id: string) => names.get(id) ?? 'the assignee';
  switch (reason.kind) {
    case 'ready':
      return { kind: 'ready', text: 'Nothing holds it back: it starts as soon as the plan does' };
    case 'fixed-date':
      return { kind: 'fixed-date', text: `It may not start before ${reason.date}`, date: reason.date };
    case 'dependency':
      return {
        kind: 'dependency',
        text: `Waits for ${item(reason.itemId)} to finish`,
        itemId: reason.itemId,
      };
    case 'calendar':
      return {
        kind: 'calendar',
        text: `${person(reason.personId)} is off when it could start`,
        personId: reason.personId,
      };
    case 'skill':
      return {
        kind: 'skill',
        text: `Everyone with ${reason.skills.join(' + ')} is busy (on ${item(reason.busyItemId)})`,
        skills: reason.skills,
        itemId: reason.busyItemId,
      };
    case 'order':
      return {
        kind: 'order',
        text: `${person(reason.personId)} first finishes higher-ranked ${item(reason.busyItemId)}`,
        personId: reason.personId,
        itemId: reason.busyItemId,
      };
    case 'person':
      return {
        kind: 'person',
        text: `${person(reason.personId)} first finishes ${item(reason.busyItemId)}, which higher-ranked work waits for`,
        personId: reason.personId,
        itemId: reason.busyItemId,
      };
    case 'started':
      return {
        kind: 'started',
        text: `${person(reason.personId)} first finishes ${item(reason.busyItemId)}, already under way`,
        personId: reason.personId,
        itemId: reason.busyItemId,
      };
  }
}
