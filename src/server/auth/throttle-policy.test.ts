import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeWait,
  LIMIT_POLICIES,
  lockAfter,
  refundAttempt,
  type ThrottleState,
  takeAttempt,
} from './throttle-policy';

const policy = LIMIT_POLICIES.signInAccount;
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

/** Attempts as fast as allowed, starting at t0; returns how many were let through by `until`. */
function attemptsLetThrough(until: number, stepMs: number): number {
  let state: ThrottleState | null = null;
  let allowed = 0;
  for (let now = 0; now <= until; now += stepMs) {
    const decision = takeAttempt(state, policy, at(now));
    if (decision.allowed) {
      allowed += 1;
      state = decision.next;
    }
  }
  return allowed;
}

describe('takeAttempt', () => {
  it('should let the free attempts through and lock out the next one after them', () => {
    let state: ThrottleState | null = null;
    for (let i = 1; i <= policy.free; i += 1) {
      const decision = takeAttempt(state, policy, t0);
      expect(decision.allowed).toBe(true);
      if (decision.allowed) state = decision.next;
    }
    const refused = takeAttempt(state, policy, at(1000));
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 59_000 });
  });

  it('should double the wait after each further attempt up to the cap', () => {
    expect([5, 6, 7, 8, 9, 10, 50].map((n) => lockAfter(n, policy) / 60_000)).toEqual([
      1, 2, 4, 8, 15, 15, 15,
    ]);
    expect(lockAfter(4, policy)).toBe(0);
  });

  it('should allow about ten guesses an hour and a hundred a day to an attacker trying every second', () => {
    expect(attemptsLetThrough(3_600_000 - 1000, 1000)).toBe(11);
    expect(attemptsLetThrough(24 * 3_600_000 - 1000, 1000)).toBe(103);
  });

  it('should restart the window once it has passed', () => {
    const first = takeAttempt(null, policy, t0);
    if (!first.allowed) throw new Error('first attempt refused');
    const later = takeAttempt(first.next, policy, at(policy.windowMs));
    expect(later).toMatchObject({ allowed: true, next: { attempts: 1 } });
  });

  it('should never let an attempt through while locked (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 80 }), (gaps) => {
        let state = null as ThrottleState | null;
        let now = 0;
        for (const gap of gaps) {
          now += gap;
          const decision = takeAttempt(state, policy, at(now));
          const locked = state?.blockedUntil != null && state.blockedUntil > at(now);
          if (locked === decision.allowed) return false;
          if (decision.allowed) state = decision.next;
        }
        return true;
      }),
    );
  });
});

describe('refundAttempt', () => {
  it('should lift the lock once the count is back under the free attempts', () => {
    const address = LIMIT_POLICIES.signInAddress;
    const state = { attempts: address.free, windowStartedAt: t0, blockedUntil: at(60_000) };
    expect(refundAttempt(state, address)).toEqual({
      attempts: address.free - 1,
      windowStartedAt: t0,
      blockedUntil: null,
    });
  });
});

describe('describeWait', () => {
  it('should round up to the unit people read', () => {
    expect([1, 999, 59_001, 61_000, 3_600_000, 3_600_001].map(describeWait)).toEqual([
      '1 second',
      '1 second',
      '1 minute',
      '2 minutes',
      '1 hour',
      '2 hours',
    ]);
  });
});
