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
  /** Bucket counts for sorting jobs by integer times (one more than the longest schedule). */
  counts: Int32Array;
  list: Int32Array;
  mirrorStarts: Int32Array;
  /** Scratch times used as sort keys. */
  times: Int32Array;
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
    counts: new Int32Array(compiled.horizon + 2),
    list: new Int32Array(n),
    mirrorStarts: new Int32Array(n),
    times: new Int32Array(n),
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
  const { forward, backward, list, mirrorStarts, times } = workspace;
  const { jobCount: n, durations } = forward.compiled;
  // Right pass: decreasing finish; ties go to the later job in topological order, so every
  // job still comes after its successors in the mirrored network.
  for (let j = 0; j < n; j++) times[j] = makespan - starts[j]! - durations[j]!;
  sortByTime(workspace, makespan, true, list);
  const mirrorMakespan = decodeSerial(backward, list, mirrorStarts);
  // Left pass: increasing start in the right-justified schedule, ties by topological order.
  for (let j = 0; j < n; j++) times[j] = mirrorMakespan - mirrorStarts[j]! - durations[j]!;
  sortByTime(workspace, mirrorMakespan, false, list);
  const result = decodeSerial(forward, list, starts);
  times.set(starts);
  sortByTime(workspace, result, false, listOut);
  return result;
}

/**
 * Counting sort of all jobs by `workspace.times` (integers in 0..maxTime), ties broken by
 * topological order (reversed when `reverseTies`), so the result is a valid list.
 */
function sortByTime(
  workspace: JustifyWorkspace,
  maxTime: number,
  reverseTies: boolean,
  out: Int32Array,
): void {
  const { counts, times } = workspace;
  const { jobCount: n, order } = workspace.forward.compiled;
  counts.fill(0, 0, maxTime + 2);
  for (let j = 0; j < n; j++) counts[times[j]! + 1]! += 1;
  for (let t = 1; t <= maxTime + 1; t++) counts[t]! += counts[t - 1]!;
  if (reverseTies) {
    for (let x = n - 1; x >= 0; x--) {
      const j = order[x]!;
      out[counts[times[j]!]!++] = j;
    }
  } else {
    for (let x = 0; x < n; x++) {
      const j = order[x]!;
      out[counts[times[j]!]!++] = j;
    }
  }
}
