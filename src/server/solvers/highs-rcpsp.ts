/**
 * Exact mode: solves small classic RCPSP instances to proven optimality with a time-indexed
 * MILP through HiGHS. x[j,t] = 1 when job j starts in period t; the horizon comes from the
 * heuristic schedule, so the MILP only has to prove or beat it.
 */
import loadHighs from 'highs';
import {
  compileRcpsp,
  computeEarliestStarts,
  findRcpspDefects,
  type RcpspDefect,
  type RcpspInstance,
  solveRcpsp,
} from '../../domain/scheduling/index';

/** Largest number of jobs (dummies included) exact mode accepts: "optimal for ≤ N items". */
export const EXACT_MAX_JOBS = 32;

/** Outcome of exact mode. */
export type ExactRcpspResult =
  | { status: 'optimal'; starts: number[]; makespan: number }
  /** The solver hit its time limit; the best known schedule is returned, without proof. */
  | { status: 'time-limit'; starts: number[]; makespan: number }
  | { status: 'too-large'; jobCount: number; maxJobs: number }
  | { status: 'infeasible'; defects: RcpspDefect[] };

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | null = null;

/**
 * Builds the time-indexed model as CPLEX LP text.
 * @returns the LP text and the variable name of each (job, start) pair
 */
function buildModel(
  instance: RcpspInstance,
  horizon: number,
): { lp: string; vars: { name: string; job: number; t: number }[] } {
  const compiled = compileRcpsp(instance);
  const n = compiled.jobCount;
  const es = computeEarliestStarts({
    network: { count: n, successors: compiled.successors },
    durations: compiled.durations,
    order: compiled.order,
  });
  // Latest starts against the horizon: nothing may finish after it.
  const ls = new Array<number>(n).fill(0);
  const tail = new Array<number>(n).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    const j = compiled.order[k]!;
    for (const s of compiled.successors[j]!) tail[j] = Math.max(tail[j]!, compiled.durations[s]! + tail[s]!);
    ls[j] = horizon - compiled.durations[j]! - tail[j]!;
  }
  const vars: { name: string; job: number; t: number }[] = [];
  const byJob: string[][] = [];
  for (let j = 0; j < n; j++) {
    const names: string[] = [];
    for (let t = es[j]!; t <= ls[j]!; t++) {
      const name = `x${j}_${t}`;
      names.push(name);
      vars.push({ name, job: j, t });
    }
    byJob.push(names);
  }
  const rows: string[] = [];
  const startExpr = (j: number) => vars.filter((v) => v.job === j).map((v) => `${v.t} ${v.name}`);
  for (let j = 0; j < n; j++) rows.push(` once${j}: ${byJob[j]!.join(' + ')} = 1`);
  compiled.successors.forEach((list, j) => {
    for (const s of list) {
      // start(s) - start(j) >= d(j)
      const lhs = [...startExpr(s).map((x) => `+ ${x}`), ...startExpr(j).map((x) => `- ${x}`)].join(' ');
      rows.push(` prec${j}_${s}: ${lhs} >= ${compiled.durations[j]}`);
    }
  });
  const k = compiled.resourceCount;
  for (let r = 0; r < k; r++) {
    for (let tau = 0; tau < horizon; tau++) {
      const terms: string[] = [];
      for (const v of vars) {
        const d = compiled.durations[v.job]!;
        const u = compiled.demands[v.job * k + r]!;
        if (u > 0 && v.t <= tau && tau < v.t + d) terms.push(`${u} ${v.name}`);
      }
      if (terms.length > 0) rows.push(` cap${r}_${tau}: ${terms.join(' + ')} <= ${compiled.capacities[r]}`);
    }
  }
  // Makespan variable: no job finishes after it.
  for (let j = 0; j < n; j++) {
    rows.push(
      ` end${j}: makespan ${startExpr(j)
        .map((x) => `- ${x}`)
        .join(' ')} >= ${compiled.durations[j]}`,
    );
  }
  const lp = [
    'Minimize',
    ' obj: makespan',
    'Subject To',
    ...rows,
    'Bounds',
    ` 0 <= makespan <= ${horizon}`,
    'Binary',
    ...vars.map((v) => ` ${v.name}`),
    'End',
  ].join('\n');
  return { lp, vars };
}

/**
 * Solves a small classic instance to optimality (a heuristic schedule gives the horizon, the
 * MILP proves or improves it).
 * @param instance the instance (at most {@link EXACT_MAX_JOBS} jobs)
 * @param options solver time limit in seconds (default 30); `alwaysSolveMilp` skips the
 *   shortcut for heuristic schedules at the lower bound and uses the sum of durations as horizon
 * @returns the optimal schedule, the best found at the time limit, or why none was attempted
 */
export async function solveRcpspExactly(
  instance: RcpspInstance,
  options: { timeLimitSeconds?: number; alwaysSolveMilp?: boolean } = {},
): Promise<ExactRcpspResult> {
  const defects = findRcpspDefects(instance);
  if (defects.length > 0) return { status: 'infeasible', defects };
  const n = instance.durations.length;
  if (n > EXACT_MAX_JOBS) return { status: 'too-large', jobCount: n, maxJobs: EXACT_MAX_JOBS };
  const heuristic = solveRcpsp(instance, { seed: 1, maxSchedules: 3000 });
  if (heuristic.status !== 'scheduled') return { status: 'infeasible', defects: [] };
  if (heuristic.provenOptimal)
    return { status: 'optimal', starts: heuristic.starts, makespan: heuristic.makespan };
  const { lp, vars } = buildModel(instance, heuristic.makespan);
  highsPromise ??= loadHighs();
  const highs = await highsPromise;
  const solution = highs.solve(lp, {
    time_limit: options.timeLimitSeconds ?? 30,
    output_flag: false,
  } as Parameters<Highs['solve']>[1]);
  if (solution.Status !== 'Optimal') {
    return { status: 'time-limit', starts: heuristic.starts, makespan: heuristic.makespan };
  }
  const starts = new Array<number>(n).fill(0);
  for (const v of vars) {
    const col = solution.Columns[v.name] as { Primal?: number } | undefined;
    if ((col?.Primal ?? 0) > 0.5) starts[v.job] = v.t;
  }
  let makespan = 0;
  for (let j = 0; j < n; j++) makespan = Math.max(makespan, starts[j]! + instance.durations[j]!);
  return { status: 'optimal', starts, makespan };
}
