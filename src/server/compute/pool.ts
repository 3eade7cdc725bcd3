/**
 * Heavy computations off the request path: a small fixed pool of worker threads that runs the
 * pure tasks of tasks.ts (plan forecasts, large re-plans), so a simulation of seconds does not
 * hold up every other request on the event loop. The command loads its data, hands the pure
 * computation to the pool, then stores and presents the answer. Work too small to be worth a
 * hand-over (its cost below `inlineBelow`) runs in the calling thread: the answer is the same.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createResultMemo, type ResultMemo } from './memo';
import {
  type ComputeInput,
  type ComputeOutput,
  type ComputeReply,
  type ComputeTask,
  runComputeTask,
} from './tasks';

export interface ComputePool {
  /** Worker threads (0: every task runs in the calling thread). */
  readonly threads: number;
  /** The answers it remembers (tasks are pure: the same input, the same answer). */
  readonly memo: ResultMemo;
  /**
   * Runs one task, on a worker thread when its cost reaches the pool's `inlineBelow`.
   * @param task the task's name
   * @param input its input (structured-cloneable)
   * @param cost how much work it is, in the units of `inlineBelow` (default: enough to hand over)
   * @returns its output
   */
  run<K extends ComputeTask>(task: K, input: ComputeInput<K>, cost?: number): Promise<ComputeOutput<K>>;
  /** Stops the worker threads; tasks still running are refused. */
  close(): Promise<void>;
}

/**
 * The cost below which a task stays in the calling thread: scheduler item placements (a plan
 * forecast's trials × planned items, a re-plan's items). About 20 ms of work on one core.
 */
export const INLINE_BELOW = 20_000;

interface Job {
  id: number;
  task: ComputeTask;
  input: unknown;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * How to start a compute thread: the built entry beside this chunk in dist/cli, or, running from
 * source (tsx, vitest), the TypeScript entry loaded through tsx as the CLI does.
 */
function startWorker(): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const entry = new URL('./worker.ts', import.meta.url).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(code, { eval: true });
  }
  return new Worker(new URL('./compute-worker.js', import.meta.url));
}

/**
 * Starts a pool; its threads start with the first task handed over and stay until close().
 * @param options.threads worker threads (0: run everything in the calling thread)
 * @param options.inlineBelow tasks cheaper than this run in the calling thread (default INLINE_BELOW)
 * @param options.remember answers to keep for identical inputs (default 0: every task is computed)
 */
export function createComputePool(options: {
  threads: number;
  inlineBelow?: number;
  remember?: number;
}): ComputePool {
  const threads = Math.max(0, Math.floor(options.threads));
  const inlineBelow = options.inlineBelow ?? INLINE_BELOW;
  const memo = createResultMemo(options.remember ?? 0);
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const queue: Job[] = [];
  let started = 0;
  let nextId = 1;
  let closed = false;

  const retire = (worker: Worker, error: Error) => {
    const job = busy.get(worker);
    busy.delete(worker);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    started -= 1;
    job?.reject(error);
    dispatch();
  };
  const spawn = (): Worker => {
    const worker = startWorker();
    started += 1;
    worker.on('message', (reply: ComputeReply) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      // An idle thread must not keep a CLI process alive.
      worker.unref();
      if (job && reply.ok) job.resolve(reply.output);
      else if (job && !reply.ok) job.reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
      dispatch();
    });
    worker.on('error', (error) => retire(worker, error));
    worker.on('exit', (code) => {
      if (started > 0 && (busy.has(worker) || idle.includes(worker))) {
        retire(worker, new Error(`A compute thread stopped (exit code ${code})`));
      }
    });
    return worker;
  };
  function dispatch() {
    while (queue.length > 0 && !closed) {
      const worker = idle.pop() ?? (started < threads ? spawn() : undefined);
      if (!worker) return;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, task: job.task, input: job.input });
    }
  }

  const compute = async <K extends ComputeTask>(
    task: K,
    input: ComputeInput<K>,
    cost: number,
  ): Promise<ComputeOutput<K>> => {
    if (threads === 0 || cost < inlineBelow) return runComputeTask(task, input);
    if (closed) throw new Error('The compute pool is closed');
    return new Promise((resolve, reject) => {
      queue.push({ id: nextId++, task, input, resolve: resolve as (output: unknown) => void, reject });
      dispatch();
    });
  };

  return {
    threads,
    memo,
    run(task, input, cost = Number.POSITIVE_INFINITY) {
      return memo.through(task, input, () => compute(task, input, cost));
    },
    async close() {
      closed = true;
      const workers = [...idle, ...busy.keys()];
      for (const job of [...queue, ...busy.values()]) job.reject(new Error('The compute pool is closed'));
      queue.length = 0;
      busy.clear();
      idle.length = 0;
      started = 0;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** Worker threads for this machine: one core is left to the event loop, at least one thread. */
export function defaultComputeThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

let shared: ComputePool | null = null;

/**
 * Answers the process's pool remembers: a roadmap page, the portfolio and the brief of an
 * unchanged workspace ask the same simulation; a few dozen plans' answers are a few megabytes.
 */
export const REMEMBERED_ANSWERS = 32;

/** The process's pool, started on first use with defaultComputeThreads(). */
export function getComputePool(): ComputePool {
  shared ??= createComputePool({ threads: defaultComputeThreads(), remember: REMEMBERED_ANSWERS });
  return shared;
}

/**
 * Replaces the process's pool (a server's shutdown passes null; tests and benchmarks pass their
 * own), closing the one it had.
 * @param pool the new pool, or null to start a default one on next use
 */
export async function setComputePool(pool: ComputePool | null): Promise<void> {
  const previous = shared;
  shared = pool;
  if (previous && previous !== pool) await previous.close();
}
