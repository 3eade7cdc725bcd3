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

const days = (value: number) => {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} day${rounded === 1 ? '' : 's'}`;
};

/**
 * What the plan counts for work under way, in one sentence added to its start reason.
 * @param options.given the full-time days its person has given it before the plan's start
 * @param options.remaining the days the plan expects are left (see expectRemainingEffort)
 * @param options.expected the expected effort of its whole estimate
 * @returns e.g. "Under way: 3 days given so far; about 2.3 days of its expected 5 days are left"
 */
export function describeUnderWay(options: { given: number; remaining: number; expected: number }): string {
  const { given, remaining, expected } = options;
  const left =
    given >= expected
      ? `it has run past its expected ${days(expected)}, and about ${days(remaining)} more are planned`
      : `about ${days(remaining)} of its expected ${days(expected)} are left`;
  return `Under way: ${days(given)} given so far; ${left}`;
}
