import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { authThrottles } from '../../db/schema';
import { AppError } from '../errors';
import { hashSecret } from './secrets';
import {
  describeWait,
  refundAttempt,
  type ThrottleDecision,
  type ThrottlePolicy,
  type ThrottleState,
  takeAttempt,
} from './throttle-policy';

/** One counter: a policy and what it counts for (an email, an address, a user id). */
export interface ThrottleKey {
  policy: ThrottlePolicy;
  key: string;
}

const storedKey = (k: ThrottleKey) => hashSecret(`${k.policy.scope}:${k.key}`);
const byKey = (k: ThrottleKey) =>
  and(eq(authThrottles.scope, k.policy.scope), eq(authThrottles.key, storedKey(k)));

/** Counters whose window ended a day ago and that lock nothing are of no use: drop them now and then. */
const CLEANUP_EVERY = 200;
const CLEANUP_AGE_MS = 2 * 24 * 3_600_000;

/**
 * Takes one attempt from every counter, all or none, in one transaction: each row is locked
 * (SELECT … FOR UPDATE), so concurrent requests on any number of servers sharing the database
 * cannot slip past a limit together.
 * @throws AppError `rate_limited` (429, with Retry-After) naming the limit and when to try
 *   again, when any of the counters is locked; nothing is counted then.
 */
export async function takeAttempts(db: Database, keys: ThrottleKey[], now = new Date()): Promise<void> {
  if (keys.length === 0) return;
  // Rows are locked in one order everywhere, so two requests cannot wait on each other.
  const ordered = [...keys].sort((a, b) =>
    `${a.policy.scope}:${storedKey(a)}`.localeCompare(`${b.policy.scope}:${storedKey(b)}`),
  );
  const refusal = await db.transaction(async (tx) => {
    const decisions: { key: ThrottleKey; decision: ThrottleDecision }[] = [];
    for (const key of ordered) {
      await tx
        .insert(authThrottles)
        .values({ scope: key.policy.scope, key: storedKey(key), attempts: 0, windowStartedAt: now })
        .onConflictDoNothing();
      const [row] = await tx.select().from(authThrottles).where(byKey(key)).for('update');
      const state: ThrottleState | null = row
        ? { attempts: row.attempts, windowStartedAt: row.windowStartedAt, blockedUntil: row.blockedUntil }
        : null;
      decisions.push({ key, decision: takeAttempt(state, key.policy, now) });
    }
    const refused = decisions
      .flatMap(({ key, decision }) => (decision.allowed ? [] : [{ key, ...decision }]))
      .sort((a, b) => b.retryAfterMs - a.retryAfterMs)[0];
    if (refused) return refused;
    for (const { key, decision } of decisions) {
      if (decision.allowed) await tx.update(authThrottles).set(decision.next).where(byKey(key));
    }
    return null;
  });
  if (Math.random() < 1 / CLEANUP_EVERY) await dropStaleCounters(db, now);
  if (refusal) {
    const wait = describeWait(refusal.retryAfterMs);
    throw new AppError(
      'rate_limited',
      `Too many ${refusal.key.policy.what}: try again in ${wait} (after ${refusal.blockedUntil.toISOString().slice(11, 16)} UTC)`,
      {
        retryAfterSeconds: Math.ceil(refusal.retryAfterMs / 1000),
        details: { limit: refusal.key.policy.scope, retryAt: refusal.blockedUntil.toISOString() },
      },
    );
  }
}

/** Forgets a counter, e.g. an account's failed sign-ins once the right password was given. */
export async function forgetAttempts(db: Database, key: ThrottleKey): Promise<void> {
  await db.delete(authThrottles).where(byKey(key));
}

/**
 * Gives back the attempt just taken, e.g. a successful sign-in from a shared address: only
 * failures should count there, and an attacker's own valid account must not reset the count.
 */
export async function refundAttemptOf(db: Database, key: ThrottleKey): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(authThrottles).where(byKey(key)).for('update');
    if (!row) return;
    await tx.update(authThrottles).set(refundAttempt(row, key.policy)).where(byKey(key));
  });
}

async function dropStaleCounters(db: Database, now: Date): Promise<void> {
  const before = new Date(now.getTime() - CLEANUP_AGE_MS);
  await db
    .delete(authThrottles)
    .where(
      and(
        lt(authThrottles.windowStartedAt, before),
        or(isNull(authThrottles.blockedUntil), lt(authThrottles.blockedUntil, now)),
      ),
    );
}
