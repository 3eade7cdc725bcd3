/**
 * The serial schedule generation scheme (SGS): takes jobs one by one in the order of a
 * precedence-feasible activity list and starts each at the earliest period where its
 * predecessors are done and every resource has room for its whole duration.
 */

import type { Random } from '../shared/random';
import type { CompiledRcpsp } from './rcpsp-instance';

/**
 * Reusable buffers for decoding many activity lists of one instance without allocating. The
 * instance's predecessors and non-zero demands are stored flat (compressed rows: the entries of
 * job j sit at `[xStart[j], xStart[j + 1])`), so the hot loop reads only typed arrays.
 */
export interface SgsWorkspace {
  compiled: CompiledRcpsp;
  /** `free[t * resourceCount + k]`: units of resource k still free in period t. */
  free: Int32Array;
  /** Every resource at full capacity in every period: copied over `free` to clear it. */
  idle: Int32Array;
  /** Row starts into `predecessorList`, one per job plus one. */
  predecessorStart: Int32Array;
  /** The predecessors of every job, row after row. */
  predecessorList: Int32Array;
  /** Row starts into `usedResources` and `usedDemands`, one per job plus one. */
  usedStart: Int32Array;
  /** For each job, the resources it uses (skipping zero demands keeps the inner loop short). */
  usedResources: Int32Array;
  /** For each job, its demand on each of its `usedResources`, in the same order. */
  usedDemands: Int32Array;
  /** Periods of `free` written by the last decoding (only those need clearing). */
  dirtyPeriods: number;
}

/**
 * Allocates the buffers for decoding activity lists of `compiled`.
 * @returns a workspace to pass to {@link decodeSerial}
 */
export function createSgsWorkspace(compiled: CompiledRcpsp): SgsWorkspace {
  const { jobCount: n, resourceCount: k, demands, predecessors } = compiled;
  const usedStart = new Int32Array(n + 1);
  const resources: number[] = [];
  const amounts: number[] = [];
  const predecessorStart = new Int32Array(n + 1);
  const predecessorList: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let r = 0; r < k; r++) {
      if (demands[j * k + r]! > 0) {
        resources.push(r);
        amounts.push(demands[j * k + r]!);
      }
    }
    usedStart[j + 1] = resources.length;
    predecessorList.push(...predecessors[j]!);
    predecessorStart[j + 1] = predecessorList.length;
  }
  const size = (compiled.horizon + 1) * Math.max(1, k);
  const idle = new Int32Array(size);
  if (k > 0) for (let x = 0; x < size; x += k) idle.set(compiled.capacities, x);
  return {
    compiled,
    free: idle.slice(),
    idle,
    predecessorStart,
    predecessorList: Int32Array.from(predecessorList),
    usedStart,
    usedResources: Int32Array.from(resources),
    usedDemands: Int32Array.from(amounts),
    dirtyPeriods: compiled.horizon + 1,
  };
}

/**
 * Decodes a precedence-feasible activity list into an active schedule with the serial SGS.
 * The resource profile is a flat period-by-resource array of free units; a job's window is
 * scanned from its end so that a conflict moves the job past it in one jump, and periods at or
 * after the latest finish so far are known to be free and never scanned.
 * @param workspace buffers from {@link createSgsWorkspace}
 * @param list every job exactly once, each after all its predecessors
 * @param starts output: the start period of every job
 * @returns the makespan
 */
export function decodeSerial(workspace: SgsWorkspace, list: ArrayLike<number>, starts: Int32Array): number {
  const { compiled, free, idle, predecessorStart, predecessorList, usedStart, usedResources, usedDemands } =
    workspace;
  const { resourceCount: k, durations } = compiled;
  free.set(idle.subarray(0, workspace.dirtyPeriods * k));
  let makespan = 0;
  const count = list.length;
  for (let idx = 0; idx < count; idx++) {
    const j = list[idx]!;
    let t = 0;
    const predEnd = predecessorStart[j + 1]!;
    for (let p = predecessorStart[j]!; p < predEnd; p++) {
      const q = predecessorList[p]!;
      const f = starts[q]! + durations[q]!;
      if (f > t) t = f;
    }
    const d = durations[j]!;
    const first = usedStart[j]!;
    const last = usedStart[j + 1]!;
    if (d > 0 && last > first) {
      // Periods between a conflict and the old window's end are known to fit, so after a jump
      // only the periods beyond the old end need checking; none at or after `makespan` do.
      let checkedFrom = t;
      for (;;) {
        const end = t + d;
        let conflict = -1;
        for (let tau = Math.min(end, makespan) - 1; tau >= checkedFrom; tau--) {
          const off = tau * k;
          let x = first;
          while (x < last && free[off + usedResources[x]!]! >= usedDemands[x]!) x++;
          if (x < last) {
            conflict = tau;
            break;
          }
        }
        if (conflict < 0) break;
        t = conflict + 1;
        checkedFrom = Math.max(end, t);
      }
      const end = t + d;
      for (let tau = t; tau < end; tau++) {
        const off = tau * k;
        for (let x = first; x < last; x++) free[off + usedResources[x]!]! -= usedDemands[x]!;
      }
    }
    starts[j] = t;
    if (t + d > makespan) makespan = t + d;
  }
  workspace.dirtyPeriods = makespan;
  return makespan;
}

/**
 * Builds an activity list by a priority rule: repeatedly takes, among the jobs whose
 * predecessors are all listed, the one with the smallest priority value (ties: lower index).
 * With `latestFinishes` as the priority this is the classic LFT rule.
 * @param compiled the instance
 * @param priority smaller value = scheduled earlier
 * @returns a precedence-feasible activity list
 */
export function buildPriorityList(compiled: CompiledRcpsp, priority: ArrayLike<number>): Int32Array {
  return pickEligible(compiled, (eligible) => {
    let best = 0;
    for (let x = 1; x < eligible.length; x++) {
      const a = eligible[x]!;
      const b = eligible[best]!;
      if (priority[a]! < priority[b]! || (priority[a] === priority[b] && a < b)) best = x;
    }
    return best;
  });
}

/**
 * Builds an activity list by regret-based biased random sampling around a priority rule:
 * eligible jobs with a much better priority are much more likely to come first, yet every
 * eligible job has a chance. Used to seed a diverse population.
 * @param compiled the instance
 * @param priority smaller value = more urgent
 * @param random the seeded random source
 * @returns a precedence-feasible activity list
 */
export function sampleActivityList(
  compiled: CompiledRcpsp,
  priority: ArrayLike<number>,
  random: Random,
): Int32Array {
  return pickEligible(compiled, (eligible) => {
    let worst = Number.NEGATIVE_INFINITY;
    for (const j of eligible) worst = Math.max(worst, priority[j]!);
    let total = 0;
    const weights = eligible.map((j) => {
      const w = (worst - priority[j]! + 1) ** 2;
      total += w;
      return w;
    });
    let draw = random.nextFloat() * total;
    for (let x = 0; x < weights.length; x++) {
      draw -= weights[x]!;
      if (draw < 0) return x;
    }
    return weights.length - 1;
  });
}

function pickEligible(compiled: CompiledRcpsp, choose: (eligible: number[]) => number): Int32Array {
  const n = compiled.jobCount;
  const missing = new Int32Array(n);
  for (let j = 0; j < n; j++) missing[j] = compiled.predecessors[j]!.length;
  const eligible: number[] = [];
  for (let j = 0; j < n; j++) if (missing[j] === 0) eligible.push(j);
  const list = new Int32Array(n);
  for (let pos = 0; pos < n; pos++) {
    const x = choose(eligible);
    const j = eligible[x]!;
    eligible[x] = eligible[eligible.length - 1]!;
    eligible.pop();
    list[pos] = j;
    for (const s of compiled.successors[j]!) {
      missing[s]! -= 1;
      if (missing[s] === 0) eligible.push(s);
    }
  }
  return list;
}
