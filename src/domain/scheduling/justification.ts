/**
 * Forward–backward improvement (double justification): shift every job as late as possible
 * in order of decreasing finish, then as early as possible in order of increasing start.
 * It never lengthens a schedule and often shortens it, for the price of two more decodings.
 */
import type { CompiledRcpsp } from './rcpsp-instance';
import { createSgsWorkspace, decodeSerial, type SgsWorkspace } from './serial-sgs';

/** Buffers for repeated justification of schedules of one instance. */
export interface JustifyWorkspace {
  forward: SgsWorkspace;
  backward: SgsWorkspace;
  keys: Float64Array;
  list: Int32Array;
  mirrorStarts: Int32Array;
}

/**
 * Allocates the buffers for {@link justifySchedule}.
 * @param compiled the instance
 * @param mirror the same instance with arcs reversed (from `reverseRcpsp`)
 */
export function createJustifyWorkspace(compiled: CompiledRcpsp, mirror: CompiledRcpsp): JustifyWorkspace {
  const n = compiled.jobCount;
  return {
    forward: createSgsWorkspace(compiled),
    backward: createSgsWorkspace(mirror),
    keys: new Float64Array(n),
    list: new Int32Array(n),
    mirrorStarts: new Int32Array(n),
  };
}

/**
 * Applies one forward–backward pass to a feasible schedule, in place.
 * @param workspace buffers from {@link createJustifyWorkspace}
 * @param starts the schedule to improve; overwritten with the justified schedule
 * @param makespan the makespan of `starts`
 * @param listOut receives the activity list of the justified schedule (jobs by start)
 * @returns the new makespan (never larger than `makespan`)
 */
export function justifySchedule(
  workspace: JustifyWorkspace,
  starts: Int32Array,
  makespan: number,
  listOut: Int32Array,
): number {
  const { forward, backward, keys, list, mirrorStarts } = workspace;
  const { jobCount: n, durations, order, orderRank } = forward.compiled;
  // Right pass: decreasing finish; ties go to the later job in topological order, so every
  // job still comes after its successors in the mirrored network.
  for (let j = 0; j < n; j++) keys[j] = (makespan - starts[j]! - durations[j]!) * n + (n - 1 - orderRank[j]!);
  keys.sort();
  for (let x = 0; x < n; x++) list[x] = order[n - 1 - (keys[x]! % n)]!;
  const mirrorMakespan = decodeSerial(backward, list, mirrorStarts);
  // Left pass: increasing start in the right-justified schedule, ties by topological order.
  for (let j = 0; j < n; j++) {
    const start = mirrorMakespan - mirrorStarts[j]! - durations[j]!;
    keys[j] = start * n + orderRank[j]!;
  }
  keys.sort();
  for (let x = 0; x < n; x++) list[x] = order[keys[x]! % n]!;
  const result = decodeSerial(forward, list, starts);
  for (let j = 0; j < n; j++) keys[j] = starts[j]! * n + orderRank[j]!;
  keys.sort();
  for (let x = 0; x < n; x++) listOut[x] = order[keys[x]! % n]!;
  return result;
}
