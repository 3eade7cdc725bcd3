/**
 * Plan and throughput forecasts answer "when?" from different evidence: the plan from estimates,
 * the team's record and the scheduler; throughput from how many items the team has finished per
 * day. Where their P85s still differ, the answer shows both and names what sets them apart.
 */

/** What the two forecasts said and what the plan assumed. */
export interface DisagreementInput {
  /** P85 of the plan forecast, in days after the start (null when it has none). */
  planP85Days: number | null;
  /** P85 of the throughput forecast for the same number of items, in days after the start. */
  throughputP85Days: number | null;
  /** The plan's focus factor, and whether it was learned from the record (else assumed 1). */
  focus: { value: number; learned: boolean };
  /** Items of the subject nobody estimated, drawn from the team's sizes. */
  unestimated: number;
  /** Items of the subject. */
  subjectItems: number;
  /** Items the throughput forecast was asked for: the subject's and the others the plan finishes by then. */
  comparedItems: number;
}

/** Whether the two agree, and why not. */
export interface Disagreement {
  agree: boolean;
  /** Days the plan's P85 lies after the throughput's (negative: before), or null. */
  differenceDays: number | null;
  reasons: string[];
}

/** Two P85s this close (in days, or as a share of the later one) tell the same story. */
const AGREE_DAYS = 7;
const AGREE_SHARE = 0.2;

const percent = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Whether two finish dates tell different stories: more than a week apart and more than 20 % of
 * the later one (both in days after the start). Every screen that sets two dates side by side
 * and says why they differ uses this one rule.
 * @param a one date, in days after the start
 * @param b the other, in days after the start
 */
export function isFarApart(a: number, b: number): boolean {
  return Math.abs(a - b) > Math.max(AGREE_DAYS, AGREE_SHARE * Math.max(a, b));
}

/**
 * Compares a plan forecast with a throughput forecast for the same work and says why they differ.
 * @param input the two P85s and what the plan assumed
 * @returns whether they agree (within a week or 20 %), the difference, and the reasons
 */
export function explainDisagreement(input: DisagreementInput): Disagreement {
  const {
    planP85Days: plan,
    throughputP85Days: throughput,
    focus,
    unestimated,
    subjectItems,
    comparedItems,
  } = input;
  if (plan === null || throughput === null) {
    return {
      agree: false,
      differenceDays: null,
      reasons: [
        plan === null
          ? 'The plan cannot place all of this work, so there is no plan date to compare.'
          : 'The throughput forecast reaches no date within its horizon.',
      ],
    };
  }
  const difference = plan - throughput;
  const agree = !isFarApart(plan, throughput);
  if (agree) return { agree, differenceDays: difference, reasons: [] };
  const reasons: string[] = [];
  const others = comparedItems - subjectItems;
  if (others > 0) {
    reasons.push(
      `Scope: the plan finishes ${others} other item(s) before or alongside this work, so throughput is asked for all ${comparedItems}; it counts every finished item alike, whatever its size, while the plan sizes each one.`,
    );
  }
  if (focus.learned && focus.value < 1) {
    reasons.push(
      `Focus factor: the plan divides every effort by ${percent(focus.value)}, the share of capacity that went to planned work in the last 90 days; throughput already counts whatever interruptions left.`,
    );
  } else if (!focus.learned) {
    reasons.push(
      'Focus factor: the plan assumes all capacity goes to planned work (too little record to learn it), while throughput counts what interruptions really left.',
    );
  }
  if (unestimated > 0) {
    reasons.push(
      `Unestimated items: ${unestimated} item(s) have no estimate, so the plan draws them at the team's own sizes; throughput counts them as items like any other.`,
    );
  }
  reasons.push(
    difference > 0
      ? 'The plan is the later of the two: its estimates and dependencies ask for more time than the team’s recent pace of finishing items.'
      : 'Throughput is the later of the two: the team has recently finished fewer items per day than these estimates and people allow, for example because items are larger than estimated or work waited.',
  );
  return { agree, differenceDays: difference, reasons };
}
