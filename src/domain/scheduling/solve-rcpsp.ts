/**
 * Entry points of the classic RCPSP core: a single-pass priority-rule schedule (the baseline)
 * and the full heuristic (population search with justification under a budget).
 */
import { searchGenetically } from './genetic-search';
import {
  compileRcpsp,
  findRcpspDefects,
  type RcpspDefect,
  type RcpspInstance,
  reverseRcpsp,
} from './rcpsp-instance';
import { buildPriorityList, createSgsWorkspace, decodeSerial } from './serial-sgs';

/** Result of scheduling a classic instance: a schedule, or the defects that prevent one. */
export type RcpspResult =
  | {
      status: 'scheduled';
      starts: number[];
      makespan: number;
      /** Best lower bound known from the instance itself (critical path, resource energy). */
      lowerBound: number;
      schedulesGenerated: number;
      /** True when the makespan equals the lower bound, so it is proven optimal. */
      provenOptimal: boolean;
      /**
       * What ended the search: the schedule budget (reproducible), the wall-clock cap (the result
       * may depend on machine speed and load) or a schedule at the lower bound.
       */
      stoppedBy: 'schedules' | 'time' | 'lower-bound';
    }
  | { status: 'infeasible'; defects: RcpspDefect[] };

/** Options for {@link solveRcpsp}. */
export interface SolveRcpspOptions {
  seed?: number;
  timeLimitMs?: number;
  maxSchedules?: number;
  clock?: () => number;
}

/**
 * Schedules a classic instance with one pass of the serial SGS under the LFT rule
 * (latest finish time first): fast, and the baseline the search is measured against.
 * @param instance the instance
 * @returns the schedule, or the defects
 */
export function scheduleByLatestFinish(instance: RcpspInstance): RcpspResult {
  const defects = findRcpspDefects(instance);
  if (defects.length > 0) return { status: 'infeasible', defects };
  const compiled = compileRcpsp(instance);
  const starts = new Int32Array(compiled.jobCount);
  const makespan = decodeSerial(
    createSgsWorkspace(compiled),
    buildPriorityList(compiled, compiled.latestFinishes),
    starts,
  );
  return {
    status: 'scheduled',
    starts: Array.from(starts),
    makespan,
    lowerBound: compiled.lowerBound,
    schedulesGenerated: 1,
    provenOptimal: makespan === compiled.lowerBound,
    stoppedBy: makespan === compiled.lowerBound ? 'lower-bound' : 'schedules',
  };
}

/**
 * Schedules a classic instance as well as the budget allows: LFT and biased sampling seed a
 * population, a genetic search with forward–backward justification improves it. Deterministic
 * for a given seed and schedule budget; with a time limit the result can depend on speed.
 * @param instance the instance
 * @param options seed (default 1), time limit and/or schedule budget (default 5,000 schedules)
 * @returns the best schedule found, or the defects
 */
export function solveRcpsp(instance: RcpspInstance, options: SolveRcpspOptions = {}): RcpspResult {
  // The time budget covers checking and compiling the instance too.
  const clock = options.clock ?? (() => performance.now());
  const startedAt = clock();
  const defects = findRcpspDefects(instance);
  if (defects.length > 0) return { status: 'infeasible', defects };
  const compiled = compileRcpsp(instance);
  const result = searchGenetically(compiled, reverseRcpsp(compiled), {
    seed: options.seed ?? 1,
    ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
    ...(options.maxSchedules === undefined ? {} : { maxSchedules: options.maxSchedules }),
    clock,
    startedAt,
  });
  return {
    status: 'scheduled',
    starts: Array.from(result.starts),
    makespan: result.makespan,
    lowerBound: compiled.lowerBound,
    schedulesGenerated: result.schedulesGenerated,
    provenOptimal: result.makespan === compiled.lowerBound,
    stoppedBy: result.stoppedBy,
  };
}
