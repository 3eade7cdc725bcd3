/**
 * The roadmap's schedule and the plan forecast answer "when?" for the same milestone from the
 * same plan, but the schedule takes each item's expected effort at full focus and leaves
 * unestimated work out, while the forecast draws efforts with their spread, divides them by the
 * focus factor learned from the team's record and draws unestimated items from the team's sizes.
 * Where the schedule's date and the forecast's P85 still tell different stories, this says why,
 * in the one sentence the roadmap's card and the forecast page both show.
 */
import { readDayNumber } from '../shared';
import { isFarApart } from './disagreement';

/** What the forecast did that the schedule does not, as the forecast API answers it. */
export interface PlanBasis {
  /** The focus factor efforts were divided by (1 when assumed). */
  focus: number;
  focusStatus: 'learned' | 'assumed';
  /** Items whose effort was corrected by the actual/estimate ratios of completed work. */
  effortsFromRecord: number;
  /** Items of this work nobody estimated, drawn from the team's sizes (the schedule leaves them out). */
  unestimated: number;
}

export interface ScheduleGap {
  /** Days the forecast's P85 lies after the scheduled date (negative: before); null without both. */
  differenceDays: number | null;
  /** True when the two tell different stories (more than a week and 20 % apart). */
  farApart: boolean;
  /** The one sentence that says why, or null when they agree (or there is nothing to compare). */
  line: string | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The reasons a plan forecast's dates differ from the schedule's, each a short clause, in the
 * order they usually weigh: unestimated work, the focus factor, the record's corrections, and
 * the spread of efforts (always there: a P85 covers it, a schedule does not).
 * @param basis what the forecast did
 */
export function describePlanBasis(basis: PlanBasis): string[] {
  const reasons: string[] = [];
  if (basis.unestimated > 0) {
    reasons.push(`it counts ${plural(basis.unestimated, 'unestimated item')} the schedule leaves out`);
  }
  if (basis.focusStatus === 'learned' && basis.focus !== 1) {
    reasons.push(
      `it divides effort by the team's ${Math.round(basis.focus * 100)} % focus factor (the schedule assumes full focus)`,
    );
  }
  if (basis.effortsFromRecord > 0) {
    reasons.push(
      `it corrects ${plural(basis.effortsFromRecord, 'estimate')} by the team's actual/estimate record`,
    );
  }
  reasons.push('it allows for how much efforts vary (the schedule takes each expected effort)');
  return reasons;
}

function joinClauses(clauses: readonly string[]): string {
  if (clauses.length <= 1) return clauses.join('');
  // Clauses carry their own commas, so they are set apart by semicolons.
  return `${clauses.slice(0, -1).join('; ')}; and ${clauses[clauses.length - 1]}`;
}

/**
 * Compares a milestone's scheduled date with its forecast's P85 and, when they tell different
 * stories, says why in one sentence.
 * @param options.start the first plan day (YYYY-MM-DD); both dates are measured from it
 * @param options.scheduled the schedule's date for the milestone, or null when it has none
 * @param options.p85 the forecast's P85, or null when it reaches no date
 * @param options.basis what the forecast did that the schedule does not
 */
export function explainScheduleGap(options: {
  start: string;
  scheduled: string | null;
  p85: string | null;
  basis: PlanBasis;
}): ScheduleGap {
  const { start, scheduled, p85, basis } = options;
  if (p85 === null) return { differenceDays: null, farApart: false, line: null };
  if (scheduled === null) {
    // The schedule places none of this work when all of it is unestimated.
    const line =
      basis.unestimated > 0
        ? `The schedule has no date for it because it leaves out its ${plural(basis.unestimated, 'unestimated item')}; the forecast counts them at the team's own sizes.`
        : null;
    return { differenceDays: null, farApart: line !== null, line };
  }
  const origin = readDayNumber(start);
  const scheduledDays = readDayNumber(scheduled) - origin;
  const p85Days = readDayNumber(p85) - origin;
  const differenceDays = p85Days - scheduledDays;
  const farApart = isFarApart(Math.max(0, scheduledDays), Math.max(0, p85Days));
  if (!farApart) return { differenceDays, farApart, line: null };
  const later = differenceDays > 0;
  const distance = `${plural(Math.abs(differenceDays), 'day')} ${later ? 'after' : 'before'}`;
  // Unestimated work, the focus factor and the spread only ever move the P85 later; earlier
  // comes from the record's corrections, or from trials that fit the work together better.
  const reasons = later
    ? describePlanBasis(basis)
    : basis.effortsFromRecord > 0
      ? describePlanBasis({ ...basis, unestimated: 0, focusStatus: 'assumed' }).slice(0, 1)
      : ['its simulated plans fit the work together better than the single schedule does'];
  return {
    differenceDays,
    farApart,
    line: `The forecast's P85 is ${distance} the scheduled date because ${joinClauses(reasons)}.`,
  };
}
