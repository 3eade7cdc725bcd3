/**
 * Operators on activity lists (every job once, each after all its predecessors) that keep
 * them precedence-feasible: two-point crossover and shift mutation.
 */
import type { Random } from '../shared/random';
import type { CompiledRcpsp } from './rcpsp-instance';

/** Buffers and instance data the operators reuse. */
export interface ListTools {
  compiled: CompiledRcpsp;
  /** Scratch marks, one per job. */
  used: Uint8Array;
  /** Scratch positions, one per job. */
  position: Int32Array;
  /** Each job's demand as a share of capacity, summed over the resources (the peak weight). */
  share: Float64Array;
  /** Scratch load per period for {@link crossPeak}, one more than the longest schedule. */
  load: Float64Array;
}

/**
 * Allocates the buffers for the list operators of one instance.
 * @returns the tools to pass to the operators
 */
export function prepareListTools(compiled: CompiledRcpsp): ListTools {
  const { jobCount: n, resourceCount: k, demands, capacities } = compiled;
  const share = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let r = 0; r < k; r++) if (capacities[r]! > 0) sum += demands[j * k + r]! / capacities[r]!;
    share[j] = sum;
  }
  return {
    compiled,
    used: new Uint8Array(n),
    position: new Int32Array(n),
    share,
    load: new Float64Array(compiled.horizon + 2),
  };
}

/**
 * Two-point crossover (Hartmann): positions before q1 from `a`, then up to q2 the missing jobs
 * in `b`'s order, then the rest in `a`'s order. Children of feasible lists are feasible.
 * @param a the first parent
 * @param b the second parent
 * @param q1 first cut, 0..n
 * @param q2 second cut, q1..n
 * @param used scratch buffer of n bytes
 * @returns the child list
 */
export function crossTwoPoint(
  a: Int32Array,
  b: Int32Array,
  q1: number,
  q2: number,
  used: Uint8Array,
): Int32Array {
  const n = a.length;
  const child = new Int32Array(n);
  used.fill(0);
  let pos = 0;
  for (; pos < q1; pos++) {
    child[pos] = a[pos]!;
    used[a[pos]!] = 1;
  }
  for (let x = 0; x < n && pos < q2; x++) {
    const j = b[x]!;
    if (used[j] === 0) {
      child[pos++] = j;
      used[j] = 1;
    }
  }
  for (let x = 0; x < n && pos < n; x++) {
    const j = a[x]!;
    if (used[j] === 0) {
      child[pos++] = j;
      used[j] = 1;
    }
  }
  return child;
}

/**
 * Moves one random job to a random position between its last predecessor and its first
 * successor in the list, in place.
 * @param list a precedence-feasible list, changed in place
 * @param tools buffers from {@link prepareListTools}
 * @param random the seeded random source
 */
export function mutateByShift(list: Int32Array, tools: ListTools, random: Random): void {
  const { compiled, position } = tools;
  const n = list.length;
  for (let x = 0; x < n; x++) position[list[x]!] = x;
  const from = random.nextIndex(n);
  const job = list[from]!;
  let lo = 0;
  for (const p of compiled.predecessors[job]!) lo = Math.max(lo, position[p]! + 1);
  let hi = n - 1;
  for (const s of compiled.successors[job]!) hi = Math.min(hi, position[s]! - 1);
  const to = lo + random.nextIndex(hi - lo + 1);
  moveInList(list, from, to);
}

/**
 * Moves the entry at `from` to `to`, shifting the ones between by one place.
 * @param list changed in place
 */
export function moveInList(list: Int32Array, from: number, to: number): void {
  const job = list[from]!;
  if (to > from) list.copyWithin(from, from + 1, to + 1);
  else if (to < from) list.copyWithin(to + 1, to, from);
  list[to] = job;
}

/**
 * Peak crossover (after Valls, Ballestín and Quintanilla): the child keeps the densest stretch
 * of the first parent's schedule. Jobs that start in that stretch keep the first parent's order;
 * jobs before and after it follow the second parent's order. Grouping by start time keeps the
 * child precedence-feasible, since a predecessor never starts after its successor.
 * @param options the first parent's list and schedule, the second parent's list, the stretch
 * length in periods, and the tools
 * @returns the child list
 */
export function crossPeak(options: {
  motherList: Int32Array;
  motherStarts: Int32Array;
  makespan: number;
  fatherList: Int32Array;
  length: number;
  tools: ListTools;
}): Int32Array {
  const { motherList, motherStarts, makespan, fatherList, length, tools } = options;
  const { compiled, position: group, share, load } = tools;
  const { jobCount: n, durations } = compiled;
  // Resource utilisation per period, summed into prefix sums.
  load.fill(0, 0, makespan + 1);
  for (let j = 0; j < n; j++) {
    const w = share[j]!;
    if (w === 0) continue;
    const s = motherStarts[j]!;
    for (let t = s; t < s + durations[j]!; t++) load[t + 1]! += w;
  }
  for (let t = 1; t <= makespan; t++) load[t]! += load[t - 1]!;
  const span = Math.max(1, Math.min(makespan, length));
  let from = 0;
  let densest = Number.NEGATIVE_INFINITY;
  for (let t = 0; t + span <= makespan; t++) {
    const sum = load[t + span]! - load[t]!;
    if (sum > densest) {
      densest = sum;
      from = t;
    }
  }
  const to = from + span;
  for (let j = 0; j < n; j++) {
    const s = motherStarts[j]!;
    group[j] = s < from ? 0 : s < to ? 1 : 2;
  }
  const child = new Int32Array(n);
  let pos = 0;
  for (let x = 0; x < n; x++) if (group[fatherList[x]!] === 0) child[pos++] = fatherList[x]!;
  for (let x = 0; x < n; x++) if (group[motherList[x]!] === 1) child[pos++] = motherList[x]!;
  for (let x = 0; x < n; x++) if (group[fatherList[x]!] === 2) child[pos++] = fatherList[x]!;
  return child;
}
