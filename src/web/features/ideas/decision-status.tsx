import type { IdeaOutcome } from '../../../contract';

/** "3 Dec 2026" from an ISO date or time, read as a calendar day (UTC). */
export const formatIdeaDay = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** How each outcome reads. */
export const OUTCOME_LABELS: Record<IdeaOutcome, string> = {
  accepted: 'Accepted',
  declined: 'Declined',
  parked: 'Parked',
};

/** A promise as both read it; only the members are told it is at risk. */
interface ShownPromise {
  targetDate: string;
  probability: number | null;
  status: 'forecast' | 'done' | 'not-planned';
  atRisk?: boolean;
}

/** A decision as both the members and the portal read it. */
interface ShownDecision {
  outcome: IdeaOutcome;
  reason: string;
  reviewOn: string | null;
  decidedAt: string;
}

/**
 * The decision on an idea and its why, and for an accepted one the chance of its promised date,
 * all as plain text (the reason is a member's words and is never read as HTML). Members read who
 * decided and on how many accounts (`detail`); the portal reads only the day.
 */
export function DecisionStatus({
  decision,
  promise,
  detail = (day) => day,
  unplanned,
}: {
  decision: ShownDecision | null;
  promise: ShownPromise | null;
  /** What follows the reason, given the day decided: "Dana, 3 Dec 2026, on 4 accounts". */
  detail?: (day: string) => string;
  /** What a promise with no work to forecast says, e.g. "Promised for 3 Dec 2026". */
  unplanned: (day: string) => string;
}) {
  return (
    <div className="idea-status">
      {decision === null ? (
        <span className="muted">Not decided yet</span>
      ) : (
        <>
          <span className={`badge idea-outcome idea-outcome-${decision.outcome}`}>
            {OUTCOME_LABELS[decision.outcome]}
            {decision.reviewOn && ` until ${formatIdeaDay(decision.reviewOn)}`}
          </span>{' '}
          <span className="idea-reason">{decision.reason}</span>
          <span className="muted"> — {detail(formatIdeaDay(decision.decidedAt))}</span>
        </>
      )}
      {promise && (
        <div className={promise.atRisk ? 'idea-promise idea-promise-risk' : 'idea-promise'}>
          {promise.status === 'forecast' && promise.probability !== null
            ? `${Math.round(promise.probability * 100)} % likely by ${formatIdeaDay(promise.targetDate)}`
            : promise.status === 'done'
              ? `Done (promised for ${formatIdeaDay(promise.targetDate)})`
              : unplanned(formatIdeaDay(promise.targetDate))}
        </div>
      )}
    </div>
  );
}
