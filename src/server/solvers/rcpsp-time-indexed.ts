/**
 * The time-indexed MILP of a classic RCPSP instance, as sparse arrays for HiGHS: x[j,t] = 1 when
 * job j starts in period t. Three choices keep it small and its LP relaxation tight:
 * - every job's start window runs from its earliest start (critical path from the start) to its
 *   latest start against a known schedule's makespan (critical path back from that end), so only
 *   schedules at least as good as the known one are modelled;
 * - precedence is disaggregated: for every arc i→j and period t, "i starts at t or later" and
 *   "j starts before t + d(i)" exclude each other (much tighter than comparing start times);
 * - the objective is the finish of the last job, through one terminal job (a virtual one is
 *   added when the instance has several jobs without successors).
 */
import type { CompiledRcpsp } from '../../domain/scheduling/index';

/** The model as HiGHS takes it (CSR rows), plus how to read a start vector back. */
export interface TimeIndexedModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Job of every column (the virtual end job, when added, is `jobCount`). */
  columnJob: Int32Array;
  /** Start period of every column. */
  columnStart: Int32Array;
  /** First column of every job (and of the virtual end job), then the total: job j owns [first[j], first[j+1]). */
  firstColumn: Int32Array;
  /** Number of real jobs. */
  jobCount: number;
}

/**
 * Earliest and latest start of every job when the whole project must end by `horizon`.
 * @returns the windows, or null when some job cannot fit (the horizon is below the critical path)
 */
export function computeStartWindows(
  compiled: CompiledRcpsp,
  horizon: number,
): { earliest: Int32Array; latest: Int32Array } | null {
  const { jobCount: n, durations, successors, order } = compiled;
  const earliest = new Int32Array(n);
  for (const j of order) {
    const finish = earliest[j]! + durations[j]!;
    for (const s of successors[j]!) if (finish > earliest[s]!) earliest[s] = finish;
  }
  const tail = new Int32Array(n);
  const latest = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const j = order[k]!;
    for (const s of successors[j]!) tail[j] = Math.max(tail[j]!, durations[s]! + tail[s]!);
    latest[j] = horizon - durations[j]! - tail[j]!;
    if (latest[j]! < earliest[j]!) return null;
  }
  return { earliest, latest };
}

/**
 * Builds the model for schedules that end no later than `horizon`.
 * @param compiled the instance
 * @param horizon makespan of a known schedule (the model contains it)
 * @returns the model, or null when no schedule can end by the horizon
 */
export function buildTimeIndexedModel(compiled: CompiledRcpsp, horizon: number): TimeIndexedModel | null {
  const windows = computeStartWindows(compiled, horizon);
  if (windows === null) return null;
  const { jobCount: n, resourceCount: k, durations, demands, capacities } = compiled;
  const terminals: number[] = [];
  for (let j = 0; j < n; j++) if (compiled.successors[j]!.length === 0) terminals.push(j);
  // One terminal job carries the objective; otherwise a virtual end job follows every terminal one.
  const virtualEnd = terminals.length !== 1;
  const jobs = virtualEnd ? n + 1 : n;
  const earliest = new Int32Array(jobs);
  const latest = new Int32Array(jobs);
  earliest.set(windows.earliest);
  latest.set(windows.latest);
  const duration = (j: number) => (j < n ? durations[j]! : 0);
  const arcs: [number, number][] = [];
  for (let j = 0; j < n; j++) for (const s of compiled.successors[j]!) arcs.push([j, s]);
  if (virtualEnd) {
    let endEarliest = 0;
    for (const t of terminals) {
      endEarliest = Math.max(endEarliest, earliest[t]! + durations[t]!);
      arcs.push([t, n]);
    }
    earliest[n] = endEarliest;
    latest[n] = horizon;
  }
  const objectiveJob = virtualEnd ? n : terminals[0]!;

  const firstColumn = new Int32Array(jobs + 1);
  for (let j = 0; j < jobs; j++) firstColumn[j + 1] = firstColumn[j]! + latest[j]! - earliest[j]! + 1;
  const numCols = firstColumn[jobs]!;
  const columnJob = new Int32Array(numCols);
  const columnStart = new Int32Array(numCols);
  const colCost = new Float64Array(numCols);
  for (let j = 0; j < jobs; j++) {
    for (let t = earliest[j]!; t <= latest[j]!; t++) {
      const c = firstColumn[j]! + t - earliest[j]!;
      columnJob[c] = j;
      columnStart[c] = t;
      if (j === objectiveJob) colCost[c] = t + duration(j);
    }
  }
  const col = (j: number, t: number) => firstColumn[j]! + t - earliest[j]!;

  const rowStarts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const closeRow = (lower: number, upper: number) => {
    rowStarts.push(indices.length);
    rowLower.push(lower);
    rowUpper.push(upper);
  };
  // Every job starts exactly once.
  for (let j = 0; j < jobs; j++) {
    for (let c = firstColumn[j]!; c < firstColumn[j + 1]!; c++) {
      indices.push(c);
      values.push(1);
    }
    closeRow(1, 1);
  }
  // Disaggregated precedence: Σ_{s ≥ t} x[i,s] + Σ_{s < t + d(i)} x[j,s] ≤ 1.
  for (const [i, j] of arcs) {
    const d = duration(i);
    // A fixed predecessor is already respected by the successor's window.
    if (earliest[i] === latest[i]) continue;
    const from = Math.max(earliest[i]!, earliest[j]! - d + 1);
    for (let t = from; t <= latest[i]!; t++) {
      for (let s = t; s <= latest[i]!; s++) {
        indices.push(col(i, s));
        values.push(1);
      }
      const last = Math.min(latest[j]!, t + d - 1);
      for (let s = earliest[j]!; s <= last; s++) {
        indices.push(col(j, s));
        values.push(1);
      }
      closeRow(-Infinity, 1);
    }
  }
  // Resource capacity in every period.
  for (let r = 0; r < k; r++) {
    for (let tau = 0; tau < horizon; tau++) {
      const before = indices.length;
      for (let j = 0; j < n; j++) {
        const u = demands[j * k + r]!;
        if (u === 0) continue;
        const lo = Math.max(earliest[j]!, tau - durations[j]! + 1);
        const hi = Math.min(latest[j]!, tau);
        for (let t = lo; t <= hi; t++) {
          indices.push(col(j, t));
          values.push(u);
        }
      }
      if (indices.length > before) closeRow(-Infinity, capacities[r]!);
    }
  }
  return {
    numCols,
    numRows: rowLower.length,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    starts: Int32Array.from(rowStarts),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    columnJob,
    columnStart,
    firstColumn,
    jobCount: n,
  };
}

/**
 * The column vector of a known schedule, to hand to the solver as its first incumbent.
 * @param model the model
 * @param starts a schedule that ends by the model's horizon
 * @param durations the duration of every job
 * @returns 0/1 per column
 */
export function encodeSchedule(
  model: TimeIndexedModel,
  starts: ArrayLike<number>,
  durations: ArrayLike<number>,
): Float64Array {
  const x = new Float64Array(model.numCols);
  let end = 0;
  for (let j = 0; j < model.jobCount; j++) {
    x[model.firstColumn[j]! + starts[j]! - model.columnStart[model.firstColumn[j]!]!] = 1;
    end = Math.max(end, starts[j]! + durations[j]!);
  }
  // The virtual end job, when there is one, starts when the last job finishes.
  if (model.firstColumn.length - 1 > model.jobCount) {
    const first = model.firstColumn[model.jobCount]!;
    x[first + end - model.columnStart[first]!] = 1;
  }
  return x;
}

/**
 * Reads the start of every real job from a 0/1 column vector.
 * @returns the starts, indexed by job
 */
export function decodeColumns(model: TimeIndexedModel, x: ArrayLike<number>): number[] {
  const starts = new Array<number>(model.jobCount).fill(0);
  for (let c = 0; c < model.numCols; c++) {
    const j = model.columnJob[c]!;
    if (j < model.jobCount && x[c]! > 0.5) starts[j] = model.columnStart[c]!;
  }
  return starts;
}
