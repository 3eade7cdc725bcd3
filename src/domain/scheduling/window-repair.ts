/**
 * Destroy and repair on one schedule (a large-neighbourhood move): the jobs that start inside a
 * stretch of the schedule are taken out and put back in a perturbed order, while the jobs before
 * and after the stretch keep theirs. Decoding the new list with the serial SGS rebuilds the
 * stretch and lets everything after it move earlier.
 */
import type { Random } from '../shared/random';
import type { CompiledRcpsp } from './rcpsp-instance';

/** Buffers reused by {@link repairWindow}, one set per instance. */
export interface WindowRepairTools {
  compiled: CompiledRcpsp;
  /** Sort key of every window job: its start plus noise. */
  keys: Float64Array;
  /** Window predecessors not yet placed, per job. */
  missing: Int32Array;
  /** 0 before the window, 1 inside it, 2 after it. */
  group: Uint8Array;
  eligible: Int32Array;
}

/**
 * Allocates the buffers for {@link repairWindow}.
 * @param compiled the instance
 */
export function prepareWindowRepair(compiled: CompiledRcpsp): WindowRepairTools {
  const n = compiled.jobCount;
  return {
    compiled,
    keys: new Float64Array(n),
    missing: new Int32Array(n),
    group: new Uint8Array(n),
    eligible: new Int32Array(n),
  };
}

/**
 * Builds a new activity list from a schedule: jobs that start before `from` first, in the order
 * of `list`; then the jobs that start in [from, to), ordered by start time plus a uniform noise
 * of up to `noise` periods (each still after its predecessors); then the jobs that start at `to`
 * or later, in the order of `list`. A predecessor never starts after its successor, so the
 * result is precedence-feasible whenever `list` is.
 * @param options the schedule (`starts`) and a precedence-feasible list of its jobs, the stretch
 * [from, to), the noise in periods, the random source and the buffers
 * @returns the new list
 */
export function repairWindow(options: {
  list: Int32Array;
  starts: Int32Array;
  from: number;
  to: number;
  noise: number;
  random: Random;
  tools: WindowRepairTools;
}): Int32Array {
  const { list, starts, from, to, noise, random, tools } = options;
  const { compiled, keys, missing, group, eligible } = tools;
  const n = compiled.jobCount;
  for (let j = 0; j < n; j++) {
    const s = starts[j]!;
    group[j] = s < from ? 0 : s < to ? 1 : 2;
  }
  const child = new Int32Array(n);
  let pos = 0;
  for (let x = 0; x < n; x++) if (group[list[x]!] === 0) child[pos++] = list[x]!;
  let size = 0;
  for (let x = 0; x < n; x++) {
    const j = list[x]!;
    if (group[j] !== 1) continue;
    keys[j] = starts[j]! + noise * random.nextFloat();
    let count = 0;
    for (const p of compiled.predecessors[j]!) if (group[p] === 1) count++;
    missing[j] = count;
    if (count === 0) eligible[size++] = j;
  }
  while (size > 0) {
    let pick = 0;
    for (let x = 1; x < size; x++) if (keys[eligible[x]!]! < keys[eligible[pick]!]!) pick = x;
    const j = eligible[pick]!;
    eligible[pick] = eligible[--size]!;
    child[pos++] = j;
    for (const s of compiled.successors[j]!) {
      if (group[s] !== 1) continue;
      missing[s]! -= 1;
      if (missing[s] === 0) eligible[size++] = s;
    }
  }
  for (let x = 0; x < n; x++) if (group[list[x]!] === 2) child[pos++] = list[x]!;
  return child;
}
