/**
 * The rules of Headway's attempt limits, as plain functions over a counter's state; the
 * database keeps the state (./throttle.ts). A limit lets `free` attempts through in a window;
 * from then on each attempt that is let through locks the next one out for a time that doubles
 * (base, 2 × base, 4 × base …) up to `maxLockMs`. The window restarts when it has passed.
 */
export interface ThrottlePolicy {
  /** Stored with the counter; one scope per kind of limit. */
  scope: string;
  /** Attempts let through before any waiting. */
  free: number;
  windowMs: number;
  baseLockMs: number;
  maxLockMs: number;
  /** What is limited, for the message: "failed sign-ins for this account". */
  what: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The limits Headway enforces (documented in SECURITY.md). A correct password does not pass a
 * lock: the lock is what stops guessing.
 */
export const LIMIT_POLICIES = {
  /** 5 failed sign-ins, then 1, 2, 4, 8 and 15 minutes between tries; forgotten on success or after a day. */
  signInAccount: {
    scope: 'signin_account',
    free: 5,
    windowMs: 24 * HOUR,
    baseLockMs: MINUTE,
    maxLockMs: 15 * MINUTE,
    what: 'failed sign-ins for this account',
  },
  /** 30 failed sign-ins an hour from one address (any accounts), then the same doubling wait. */
  signInAddress: {
    scope: 'signin_address',
    free: 30,
    windowMs: HOUR,
    baseLockMs: MINUTE,
    maxLockMs: 15 * MINUTE,
    what: 'failed sign-ins from your network address',
  },
  /** 20 sign-ups an hour from one address, then a doubling wait up to an hour. */
  signUpAddress: {
    scope: 'signup_address',
    free: 20,
    windowMs: HOUR,
    baseLockMs: MINUTE,
    maxLockMs: HOUR,
    what: 'accounts created from your network address',
  },
  /** 20 new API tokens an hour per person, then a doubling wait up to an hour. */
  tokenCreation: {
    scope: 'token_create',
    free: 20,
    windowMs: HOUR,
    baseLockMs: MINUTE,
    maxLockMs: HOUR,
    what: 'API tokens created',
  },
  /** 30 submissions of published assessments an hour from one address, then a doubling wait up to an hour. */
  publicAssessmentAddress: {
    scope: 'public_assessment_address',
    free: 30,
    windowMs: HOUR,
    baseLockMs: MINUTE,
    maxLockMs: HOUR,
    what: 'assessments sent from your network address',
  },
  /** 500 submissions an hour through one published link (any addresses), then a doubling wait up to 15 minutes. */
  publicAssessmentLink: {
    scope: 'public_assessment_link',
    free: 500,
    windowMs: HOUR,
    baseLockMs: MINUTE,
    maxLockMs: 15 * MINUTE,
    what: 'assessments sent through this link',
  },
  /** 20 portal submissions an hour from one address, then a doubling wait up to an hour. */
  portalAddress: {
    scope: 'portal_address',
    free: 20,
    windowMs: HOUR,
    baseLockMs: MINUTE,
    maxLockMs: HOUR,
    what: 'portal submissions from your network address',
  },
  /** 5 portal submissions an hour for one e-mail address (each sends it a link), then a doubling wait up to a day. */
  portalEmail: {
    scope: 'portal_email',
    free: 5,
    windowMs: HOUR,
    baseLockMs: 5 * MINUTE,
    maxLockMs: 24 * HOUR,
    what: 'portal submissions for this e-mail address',
  },
  /**
   * 300 portal page reads an hour from one address (each runs the plan's forecast), then a doubling
   * wait up to 15 minutes.
   */
  portalReadAddress: {
    scope: 'portal_read_address',
    free: 300,
    windowMs: HOUR,
    baseLockMs: MINUTE,
    maxLockMs: 15 * MINUTE,
    what: 'portal pages read from your network address',
  },
  /** 500 submissions an hour to one portal (any addresses), then a doubling wait up to 15 minutes. */
  portalSite: {
    scope: 'portal_site',
    free: 500,
    windowMs: HOUR,
    baseLockMs: MINUTE,
    maxLockMs: 15 * MINUTE,
    what: 'submissions to this portal',
  },
} as const satisfies Record<string, ThrottlePolicy>;

/** A counter as stored. */
export interface ThrottleState {
  attempts: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
}

export type ThrottleDecision =
  | { allowed: true; next: ThrottleState }
  | { allowed: false; retryAfterMs: number; blockedUntil: Date };

/**
 * Decides whether one more attempt may go ahead now and, if so, the counter after it.
 * @param state the stored counter, or null when there is none.
 */
export function takeAttempt(
  state: ThrottleState | null,
  policy: ThrottlePolicy,
  now: Date,
): ThrottleDecision {
  if (state?.blockedUntil && state.blockedUntil > now) {
    return {
      allowed: false,
      retryAfterMs: state.blockedUntil.getTime() - now.getTime(),
      blockedUntil: state.blockedUntil,
    };
  }
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs;
  const attempts = fresh ? 1 : state.attempts + 1;
  return {
    allowed: true,
    next: {
      attempts,
      windowStartedAt: fresh ? now : state.windowStartedAt,
      blockedUntil: attempts >= policy.free ? new Date(now.getTime() + lockAfter(attempts, policy)) : null,
    },
  };
}

/** How long the attempt numbered `attempts` locks out the next one. */
export function lockAfter(attempts: number, policy: ThrottlePolicy): number {
  if (attempts < policy.free) return 0;
  const doublings = Math.min(attempts - policy.free, 30);
  return Math.min(policy.baseLockMs * 2 ** doublings, policy.maxLockMs);
}

/**
 * The counter after an attempt turned out well and should not count (a successful sign-in from
 * a shared address): one attempt fewer, and no lock once it is back under the free count.
 */
export function refundAttempt(state: ThrottleState, policy: ThrottlePolicy): ThrottleState {
  const attempts = Math.max(0, state.attempts - 1);
  return { ...state, attempts, blockedUntil: attempts >= policy.free ? state.blockedUntil : null };
}

/** "2 minutes", "45 seconds", "1 hour": how long to wait, for people. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}
