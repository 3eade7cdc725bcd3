/**
 * Uses the machine's cores for a classic RCPSP plan: independent search islands, one per worker
 * thread, each running the whole heuristic with its own seed (seed, seed + 1, …) and the whole
 * budget; the shortest schedule wins, ties going to the lowest island. With schedule budgets the
 * answer is the same on any machine, however busy; only the wall-clock cap can make it depend
 * on speed, and each island reports whether it hit it.
 */
import { Worker } from 'node:worker_threads';
import {
  type RcpspInstance,
  type RcpspResult,
  type SolveRcpspOptions,
  solveRcpsp,
} from '../../domain/scheduling/index';

/** What one island found. */
export interface IslandOutcome {
  seed: number;
  makespan: number;
  schedulesGenerated: number;
  stoppedBy: 'schedules' | 'time' | 'lower-bound' | 'infeasible';
}

/** A parallel plan: the best island's result plus what every island found. */
export type ParallelRcpspResult = RcpspResult & { islands: IslandOutcome[] };

/** Worker threads kept alive across instances, so start-up is paid once. */
export interface IslandPool {
  /** Number of islands (1 = no worker thread, the search runs in the calling thread). */
  size: number;
  /**
   * Solves one instance on every island at once.
   * @param options seed (island i uses seed + i), schedule budget, wall-clock cap per island
   */
  solve(instance: RcpspInstance, options: SolveRcpspOptions): Promise<ParallelRcpspResult>;
  close(): Promise<void>;
}

const WORKER_URL = new URL('./rcpsp-island-worker.ts', import.meta.url).href;
// Workers load TypeScript the way the CLI does (Node 20 workers ignore --import for .ts files).
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL)}); })`;

/**
 * Starts a pool of search islands.
 * @param islands how many (at least 1)
 * @returns the pool; close it when done
 */
export function createIslandPool(islands: number): IslandPool {
  const size = Math.max(1, Math.floor(islands));
  const workers = size === 1 ? [] : Array.from({ length: size }, () => new Worker(BOOTSTRAP, { eval: true }));
  const ask = (worker: Worker, task: unknown) =>
    new Promise<RcpspResult>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (result: RcpspResult) => {
        worker.off('error', onError);
        resolve(result);
      });
      worker.postMessage(task);
    });
  return {
    size,
    async solve(instance, options) {
      const seed = options.seed ?? 1;
      // The cap counts from this call for every island, so hand-over time is part of it.
      const deadline = options.timeLimitMs === undefined ? null : Date.now() + options.timeLimitMs;
      const results =
        size === 1
          ? [solveRcpsp(instance, { ...options, seed })]
          : await Promise.all(
              workers.map((w, i) => ask(w, { instance, options: { ...options, seed: seed + i }, deadline })),
            );
      let best = results[0]!;
      for (const r of results) {
        if (r.status === 'scheduled' && best.status === 'scheduled' && r.makespan < best.makespan) best = r;
      }
      return {
        ...best,
        islands: results.map((r, i) => ({
          seed: seed + i,
          makespan: r.status === 'scheduled' ? r.makespan : Number.NaN,
          schedulesGenerated: r.status === 'scheduled' ? r.schedulesGenerated : 0,
          stoppedBy: r.status === 'scheduled' ? r.stoppedBy : 'infeasible',
        })),
      };
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Solves one instance on `islands` worker threads at once (1 runs in this thread).
 * @param instance the instance
 * @param options seed (island i uses seed + i), schedule budget and wall-clock cap per island
 * @param islands number of independent islands, at least 1
 * @returns the best island's result, or the defects that make the instance unschedulable
 */
export async function solveRcpspInParallel(
  instance: RcpspInstance,
  options: SolveRcpspOptions,
  islands: number,
): Promise<ParallelRcpspResult> {
  const pool = createIslandPool(islands);
  try {
    return await pool.solve(instance, options);
  } finally {
    await pool.close();
  }
}
