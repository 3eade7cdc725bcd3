/**
 * The classic resource-constrained project scheduling problem (RCPSP): jobs with integer
 * durations, finish-to-start precedence and renewable resources of fixed capacity per period.
 */
import { computeCriticalPathLength, computeLatestFinishes, orderTopologically } from './precedence';

/** A classic RCPSP instance. Jobs are numbered 0..n-1. */
export interface RcpspInstance {
  /** Integer duration of every job (0 for dummy jobs). */
  durations: readonly number[];
  /** `demands[j][k]`: units of resource k that job j uses in every period it runs. */
  demands: readonly (readonly number[])[];
  /** Units of each renewable resource available in every period. */
  capacities: readonly number[];
  /** `successors[j]`: jobs that may start only once j has finished. */
  successors: readonly (readonly number[])[];
}

/** A schedule: the start period of every job and the resulting makespan. */
export interface RcpspSchedule {
  starts: number[];
  makespan: number;
}

/**
 * An instance prepared for fast repeated decoding: flat typed arrays, predecessor lists, a
 * topological order and the resource-free bounds.
 */
export interface CompiledRcpsp {
  jobCount: number;
  resourceCount: number;
  durations: Int32Array;
  /** `demands[j * resourceCount + k]`. */
  demands: Int32Array;
  capacities: Int32Array;
  successors: readonly (readonly number[])[];
  predecessors: readonly (readonly number[])[];
  /** Jobs in a topological order. */
  order: readonly number[];
  /** Position of each job in `order`, used to break ties precedence-consistently. */
  orderRank: Int32Array;
  /** Sum of all durations: no schedule built by a serial SGS is longer. */
  horizon: number;
  /** Latest finish of each job against the critical-path horizon (the LFT priority). */
  latestFinishes: number[];
  /** max(critical path, per-resource energy bound): no schedule can be shorter. */
  lowerBound: number;
  criticalPathLength: number;
}

/** Why an instance cannot be scheduled at all. */
export type RcpspDefect =
  | { kind: 'cycle' }
  | { kind: 'demand-exceeds-capacity'; job: number; resource: number }
  | { kind: 'bad-number'; job: number; field: 'duration' | 'demand' }
  | { kind: 'bad-successor'; job: number; successor: number };

/**
 * Lists what makes an instance unschedulable (a cycle, a job needing more than a resource's
 * capacity, negative or fractional numbers, successors out of range).
 * @param instance the instance to check
 * @returns the defects; empty when the instance can be scheduled
 */
export function findRcpspDefects(instance: RcpspInstance): RcpspDefect[] {
  const defects: RcpspDefect[] = [];
  const n = instance.durations.length;
  for (let j = 0; j < n; j++) {
    const d = instance.durations[j]!;
    if (!Number.isInteger(d) || d < 0) defects.push({ kind: 'bad-number', job: j, field: 'duration' });
    const dem = instance.demands[j] ?? [];
    instance.capacities.forEach((cap, k) => {
      const u = dem[k] ?? 0;
      if (!Number.isInteger(u) || u < 0) defects.push({ kind: 'bad-number', job: j, field: 'demand' });
      else if (u > cap) defects.push({ kind: 'demand-exceeds-capacity', job: j, resource: k });
    });
    for (const s of instance.successors[j] ?? []) {
      if (!Number.isInteger(s) || s < 0 || s >= n)
        defects.push({ kind: 'bad-successor', job: j, successor: s });
    }
  }
  if (defects.length === 0 && orderTopologically({ count: n, successors: instance.successors }) === null) {
    defects.push({ kind: 'cycle' });
  }
  return defects;
}

/**
 * Prepares an instance for the schedule generation schemes. The instance must be free of
 * defects (see {@link findRcpspDefects}); a cycle here is a programmer error.
 * @param instance a defect-free instance
 * @returns the compiled instance
 */
export function compileRcpsp(instance: RcpspInstance): CompiledRcpsp {
  const n = instance.durations.length;
  const k = instance.capacities.length;
  const durations = Int32Array.from(instance.durations);
  const demands = new Int32Array(n * k);
  for (let j = 0; j < n; j++) for (let r = 0; r < k; r++) demands[j * k + r] = instance.demands[j]?.[r] ?? 0;
  const capacities = Int32Array.from(instance.capacities);
  const successors = instance.successors.map((s) => [...s]);
  while (successors.length < n) successors.push([]);
  const predecessors: number[][] = Array.from({ length: n }, () => []);
  successors.forEach((list, j) => {
    for (const s of list) predecessors[s]!.push(j);
  });
  const network = { count: n, successors };
  const order = orderTopologically(network);
  if (order === null) throw new Error('compileRcpsp: the precedence network has a cycle');
  const orderRank = new Int32Array(n);
  order.forEach((j, pos) => {
    orderRank[j] = pos;
  });
  let horizon = 0;
  for (let j = 0; j < n; j++) horizon += durations[j]!;
  const criticalPathLength = computeCriticalPathLength({ network, durations, order });
  const latestFinishes = computeLatestFinishes({ network, durations, order, horizon: criticalPathLength });
  let lowerBound = criticalPathLength;
  for (let r = 0; r < k; r++) {
    let energy = 0;
    for (let j = 0; j < n; j++) energy += durations[j]! * demands[j * k + r]!;
    if (capacities[r]! > 0) lowerBound = Math.max(lowerBound, Math.ceil(energy / capacities[r]!));
  }
  return {
    jobCount: n,
    resourceCount: k,
    durations,
    demands,
    capacities,
    successors,
    predecessors,
    order,
    orderRank,
    horizon,
    latestFinishes,
    lowerBound,
    criticalPathLength,
  };
}

/**
 * The same instance with every precedence arc reversed: scheduling it forwards is scheduling
 * the original backwards from its end (used by forward–backward improvement).
 * @param compiled the compiled instance
 * @returns the compiled mirror instance
 */
export function reverseRcpsp(compiled: CompiledRcpsp): CompiledRcpsp {
  const n = compiled.jobCount;
  const demands: number[][] = [];
  for (let j = 0; j < n; j++)
    demands.push(
      Array.from(compiled.demands.subarray(j * compiled.resourceCount, (j + 1) * compiled.resourceCount)),
    );
  return compileRcpsp({
    durations: Array.from(compiled.durations),
    demands,
    capacities: Array.from(compiled.capacities),
    successors: compiled.predecessors,
  });
}
