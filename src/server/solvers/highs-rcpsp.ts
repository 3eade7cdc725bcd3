/**
 * Exact mode: proves schedules of small classic RCPSP instances optimal with a time-indexed MILP
 * through HiGHS. The heuristic runs first (a fixed schedule budget, so the same seed gives the
 * same schedule on a busy machine) and its makespan, less one, is the model's horizon: HiGHS
 * looks only for strictly shorter schedules, so it proves the heuristic's schedule optimal by
 * finding none, or finds a better one. At the time limit the best schedule and HiGHS's dual
 * bound are kept, so every answer says what is proven.
 */
import loadHighs from 'highs';
import {
  type CompiledRcpsp,
  compileRcpsp,
  findRcpspDefects,
  type RcpspDefect,
  type RcpspInstance,
  solveRcpsp,
} from '../../domain/scheduling/index';
import { buildTimeIndexedModel, decodeColumns } from './rcpsp-time-indexed';

/** Largest number of jobs (dummies included) exact mode accepts: "optimal for ≤ N items". */
export const EXACT_MAX_JOBS = 32;
/** Default MILP time limit: enough to prove most 30-job PSPLIB instances on one core. */
export const EXACT_DEFAULT_TIME_LIMIT_SECONDS = 10;
/** Default schedule budget of the heuristic that gives the first incumbent. */
export const EXACT_DEFAULT_MAX_SCHEDULES = 20_000;

/** What the heuristic spent before the MILP. */
export interface HeuristicRun {
  makespan: number;
  schedulesGenerated: number;
  /** True when the wall-clock cap, not the schedule budget, ended the heuristic. */
  wallClockCapHit: boolean;
}

/** A schedule with what is proven about it. */
export interface ExactSchedule {
  /**
   * optimal: proven minimal (lowerBound = makespan). feasible: not proven, but the MILP found a
   * better schedule or raised the proven lower bound; gap says how far it may be from optimal.
   * heuristic: not proven and the MILP added nothing within its limit: the heuristic's schedule
   * with the instance's own lower bound (critical path, resource energy).
   */
  status: 'optimal' | 'feasible' | 'heuristic';
  starts: number[];
  makespan: number;
  /** Proven: no schedule is shorter. */
  lowerBound: number;
  /** (makespan − lowerBound) / makespan; 0 when optimal. */
  gap: number;
  /** Which method found the schedule. */
  foundBy: 'heuristic' | 'milp';
  heuristic: HeuristicRun;
  /** Seconds HiGHS ran (0 when the heuristic's schedule was already at the lower bound). */
  milpSeconds: number;
  /** True when HiGHS stopped at its time limit. */
  timeLimitReached: boolean;
}

/** Outcome of exact mode. */
export type ExactRcpspResult =
  | ExactSchedule
  | { status: 'too-large'; jobCount: number; maxJobs: number }
  | { status: 'infeasible'; defects: RcpspDefect[] };

/** Options of {@link solveRcpspExactly}. */
export interface ExactOptions {
  /** HiGHS time limit in seconds (default {@link EXACT_DEFAULT_TIME_LIMIT_SECONDS}). */
  timeLimitSeconds?: number;
  /** Heuristic seed (default 1). */
  seed?: number;
  /** Heuristic schedule budget (default {@link EXACT_DEFAULT_MAX_SCHEDULES}). */
  maxSchedules?: number;
  /** Wall-clock cap of the heuristic in milliseconds (default 10,000). */
  heuristicTimeLimitMs?: number;
  /** Test hook: solve the MILP alone, from the sum of durations, without the heuristic's help. */
  alwaysSolveMilp?: boolean;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | null = null;

/**
 * Schedules a small classic instance and proves what it can within the time limit.
 * @param instance the instance (at most {@link EXACT_MAX_JOBS} jobs)
 * @param options time limit, heuristic seed and budget
 * @returns the best schedule with its status, proven lower bound and gap; or why none was attempted
 */
export async function solveRcpspExactly(
  instance: RcpspInstance,
  options: ExactOptions = {},
): Promise<ExactRcpspResult> {
  const defects = findRcpspDefects(instance);
  if (defects.length > 0) return { status: 'infeasible', defects };
  const n = instance.durations.length;
  if (n > EXACT_MAX_JOBS) return { status: 'too-large', jobCount: n, maxJobs: EXACT_MAX_JOBS };
  const compiled = compileRcpsp(instance);
  const found = solveRcpsp(instance, {
    seed: options.seed ?? 1,
    maxSchedules: options.maxSchedules ?? EXACT_DEFAULT_MAX_SCHEDULES,
    timeLimitMs: options.heuristicTimeLimitMs ?? 10_000,
  });
  if (found.status !== 'scheduled') return { status: 'infeasible', defects: [] };
  const heuristic: HeuristicRun = {
    makespan: found.makespan,
    schedulesGenerated: found.schedulesGenerated,
    wallClockCapHit: found.stoppedBy === 'time',
  };
  const base = {
    starts: found.starts,
    makespan: found.makespan,
    lowerBound: compiled.lowerBound,
    foundBy: 'heuristic' as const,
    heuristic,
    milpSeconds: 0,
    timeLimitReached: false,
  };
  if (found.provenOptimal && !options.alwaysSolveMilp) return { ...base, status: 'optimal', gap: 0 };
  highsPromise ??= loadHighs();
  const highs = await highsPromise;
  // The heuristic's makespan is an upper bound: the model only holds strictly shorter schedules,
  // so it is smaller, and proving it empty proves the heuristic's schedule optimal.
  const milp = runMilp(highs, compiled, {
    horizon: options.alwaysSolveMilp ? compiled.horizon : found.makespan - 1,
    timeLimitSeconds: options.timeLimitSeconds ?? EXACT_DEFAULT_TIME_LIMIT_SECONDS,
  });
  const better = milp.starts !== null && milp.makespan < found.makespan;
  const starts = better ? milp.starts! : found.starts;
  const makespan = better ? milp.makespan : found.makespan;
  const lowerBound = Math.min(makespan, Math.max(compiled.lowerBound, milp.lowerBound));
  const proven = lowerBound === makespan;
  const added = better || lowerBound > compiled.lowerBound;
  return {
    ...base,
    status: proven ? 'optimal' : added ? 'feasible' : 'heuristic',
    starts,
    makespan,
    lowerBound,
    gap: (makespan - lowerBound) / Math.max(1, makespan),
    foundBy: better ? 'milp' : 'heuristic',
    milpSeconds: milp.seconds,
    timeLimitReached: milp.timeLimitReached,
  };
}

/**
 * Runs HiGHS on the time-indexed model.
 * @returns the best schedule HiGHS holds (null when none), its makespan, the proven lower bound
 */
function runMilp(
  highs: Highs,
  compiled: CompiledRcpsp,
  options: { horizon: number; timeLimitSeconds: number },
): {
  starts: number[] | null;
  makespan: number;
  lowerBound: number;
  seconds: number;
  timeLimitReached: boolean;
} {
  const model = buildTimeIndexedModel(compiled, options.horizon);
  // No schedule ends by the horizon: the horizon itself is a proven bound (+1).
  if (model === null)
    return {
      starts: null,
      makespan: Number.POSITIVE_INFINITY,
      lowerBound: options.horizon + 1,
      seconds: 0,
      timeLimitReached: false,
    };
  const binary = highs.constants.variableType.integer;
  return highs.withModel(
    {
      numCols: model.numCols,
      numRows: model.numRows,
      colCost: model.colCost,
      colLower: model.colLower,
      colUpper: model.colUpper,
      rowLower: model.rowLower.map((v) => (v === Number.NEGATIVE_INFINITY ? -highs.infinity : v)),
      rowUpper: model.rowUpper,
      matrix: {
        format: 'csr',
        numRows: model.numRows,
        numCols: model.numCols,
        starts: model.starts,
        indices: model.indices,
        values: model.values,
      },
      integrality: new Int32Array(model.numCols).fill(binary),
    },
    (m) => {
      m.options.set({
        output_flag: false,
        time_limit: options.timeLimitSeconds,
        // Makespans are whole numbers: a gap below one period is no gap.
        mip_abs_gap: 1 - 1e-6,
        mip_rel_gap: 0,
      });
      m.run();
      const status = m.getModelStatus();
      const seconds = m.getRunTime();
      const timeLimitReached = status === highs.constants.modelStatus.timeLimit;
      const hasSolution = Number(m.info.get('primal_solution_status')) === 2;
      const starts = hasSolution ? decodeColumns(model, m.getSolution().colValue) : null;
      let makespan = starts === null ? Number.POSITIVE_INFINITY : 0;
      if (starts !== null)
        for (let j = 0; j < compiled.jobCount; j++)
          makespan = Math.max(makespan, starts[j]! + compiled.durations[j]!);
      let lowerBound = 0;
      if (status === highs.constants.modelStatus.optimal) lowerBound = makespan;
      else if (status === highs.constants.modelStatus.infeasible) lowerBound = options.horizon + 1;
      else {
        const dual = Number(m.info.get('mip_dual_bound'));
        // Tolerance: a bound of 41.9999999 proves 42.
        if (Number.isFinite(dual)) lowerBound = Math.ceil(dual - 1e-6);
      }
      return { starts, makespan, lowerBound, seconds, timeLimitReached };
    },
  );
}
