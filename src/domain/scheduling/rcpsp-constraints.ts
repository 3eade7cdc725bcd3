/**
 * The two rules of a classic RCPSP schedule, each a named function returning its violations.
 * Used by tests, properties and benchmarks to check every schedule the engine returns.
 */
import type { RcpspInstance } from './rcpsp-instance';

/** One broken rule in a classic schedule. */
export type RcpspViolation =
  | { rule: 'precedence'; job: number; predecessor: number }
  | { rule: 'capacity'; resource: number; period: number; used: number; capacity: number }
  | { rule: 'start'; job: number };

/**
 * Every job starts no earlier than each of its predecessors finishes.
 * @returns one violation per arc whose successor starts too early
 */
export function respectPrecedence(instance: RcpspInstance, starts: readonly number[]): RcpspViolation[] {
  const out: RcpspViolation[] = [];
  instance.successors.forEach((list, j) => {
    for (const s of list) {
      if (starts[s]! < starts[j]! + instance.durations[j]!)
        out.push({ rule: 'precedence', job: s, predecessor: j });
    }
  });
  return out;
}

/**
 * In every period, the running jobs use no more of each resource than its capacity.
 * @returns one violation per overloaded (resource, period)
 */
export function respectResourceCapacity(
  instance: RcpspInstance,
  starts: readonly number[],
): RcpspViolation[] {
  const out: RcpspViolation[] = [];
  let end = 0;
  instance.durations.forEach((d, j) => {
    end = Math.max(end, starts[j]! + d);
  });
  instance.capacities.forEach((capacity, r) => {
    const used = new Array<number>(end).fill(0);
    instance.durations.forEach((d, j) => {
      const u = instance.demands[j]?.[r] ?? 0;
      for (let t = starts[j]!; t < starts[j]! + d; t++) used[t]! += u;
    });
    used.forEach((u, period) => {
      if (u > capacity) out.push({ rule: 'capacity', resource: r, period, used: u, capacity });
    });
  });
  return out;
}

/**
 * Checks a whole classic schedule: integer non-negative starts, precedence and capacity.
 * @returns every violation; empty when the schedule is feasible
 */
export function checkRcpspSchedule(instance: RcpspInstance, starts: readonly number[]): RcpspViolation[] {
  const bad: RcpspViolation[] = [];
  instance.durations.forEach((_, j) => {
    const s = starts[j];
    if (s === undefined || !Number.isInteger(s) || s < 0) bad.push({ rule: 'start', job: j });
  });
  if (bad.length > 0) return bad;
  return [...respectPrecedence(instance, starts), ...respectResourceCapacity(instance, starts)];
}

/**
 * The makespan of a schedule: the latest finish over all jobs.
 * @returns the makespan (0 for an empty instance)
 */
export function measureMakespan(instance: RcpspInstance, starts: readonly number[]): number {
  let end = 0;
  instance.durations.forEach((d, j) => {
    end = Math.max(end, starts[j]! + d);
  });
  return end;
}
