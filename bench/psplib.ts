/**
 * PSPLIB benchmark of the RCPSP core: for each instance, the engine (genetic search with
 * justification, wall-clock budget per instance) and, in the same process, a single-pass
 * serial SGS with the LFT rule. Prints deviations from the optimum / best-known makespans and
 * from the critical-path lower bound, share at the reference, time per instance, and ratios.
 *
 *   npm run bench:psplib -- [--data ../shared/data/psplib] [--sets j30,j60,j120]
 *                           [--time-limit-ms 1000] [--limit N] [--workers 2] [--seed 1]
 *                           [--max-schedules N] [--islands N]
 *
 * `--limit N` runs N instances per set, spread evenly over the parameter sets (a stride sample).
 * `--max-schedules N` replaces the time limit by a schedule budget: deterministic and independent
 * of machine load, the way the literature compares heuristics. The process CPU time per instance
 * is printed too: with `--workers 1` it is what the run costs an idle core, which is how a
 * schedule budget is calibrated to "1 s per instance" on a loaded machine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import {
  checkRcpspSchedule,
  compileRcpsp,
  parsePsplib,
  scheduleByLatestFinish,
  solveRcpsp,
} from '../src/domain/scheduling/index';
import { createIslandPool, type IslandPool } from '../src/server/solvers/parallel-rcpsp';
import { keyOfInstanceFile, parseReferenceTable } from './lib/psplib-format';

interface Job {
  file: string;
  timeLimitMs: number;
  maxSchedules: number | undefined;
  seed: number;
}

interface Outcome {
  file: string;
  engine: number;
  baseline: number;
  criticalPath: number;
  engineMs: number;
  /** Process CPU time of the engine run: with one worker, what it costs an idle core. */
  engineCpuMs: number;
  baselineMs: number;
  schedules: number;
  feasible: boolean;
  error?: string;
}

/** Search islands on worker threads for `--islands N` (instances then run one at a time). */
let islandPool: IslandPool | null = null;

async function runOne(job: Job): Promise<Outcome> {
  const parsed = parsePsplib(readFileSync(job.file, 'utf8'));
  const empty = {
    file: job.file,
    engine: 0,
    baseline: 0,
    criticalPath: 0,
    engineMs: 0,
    engineCpuMs: 0,
    baselineMs: 0,
    schedules: 0,
  };
  if (!parsed.ok) return { ...empty, feasible: false, error: parsed.errors.join('; ') };
  const instance = parsed.value.instance;
  const t0 = performance.now();
  const base = scheduleByLatestFinish(instance);
  const t1 = performance.now();
  const options = {
    seed: job.seed,
    ...(job.maxSchedules === undefined
      ? { timeLimitMs: job.timeLimitMs }
      : { maxSchedules: job.maxSchedules }),
  };
  const cpu = process.cpuUsage();
  const parallel = islandPool === null ? null : await islandPool.solve(instance, options);
  const best = parallel ?? solveRcpsp(instance, options);
  const t2 = performance.now();
  const cpuUsed = process.cpuUsage(cpu);
  if (best.status !== 'scheduled' || base.status !== 'scheduled') {
    return { ...empty, feasible: false, error: 'instance reported infeasible' };
  }
  const feasible =
    checkRcpspSchedule(instance, best.starts).length === 0 &&
    checkRcpspSchedule(instance, base.starts).length === 0;
  return {
    file: job.file,
    engine: best.makespan,
    baseline: base.makespan,
    criticalPath: compileRcpsp(instance).criticalPathLength,
    engineMs: t2 - t1,
    engineCpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
    baselineMs: t1 - t0,
    // With islands, every island's schedules count.
    schedules: parallel?.islands.reduce((sum, i) => sum + i.schedulesGenerated, 0) ?? best.schedulesGenerated,
    feasible,
  };
}

if (!isMainThread) {
  parentPort!.on('message', async (job: Job | null) => {
    if (job === null) process.exit(0);
    parentPort!.postMessage(await runOne(job));
  });
} else {
  await main();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/psplib' },
      sets: { type: 'string', default: 'j30,j60,j120' },
      'time-limit-ms': { type: 'string', default: '1000' },
      limit: { type: 'string' },
      workers: { type: 'string', default: '2' },
      seed: { type: 'string', default: '1' },
      'max-schedules': { type: 'string' },
      islands: { type: 'string', default: '1' },
    },
  });
  const dataDir = values.data;
  if (!existsSync(dataDir)) {
    process.stderr.write(
      `PSPLIB data not found at ${dataDir}.\nIt is the public PSPLIB single-mode set (j30/, j60/, j120/ folders of .sm files plus ` +
        'j30opt.sm and jNNhrs.sm tables) from https://www.om-db.wi.tum.de/psplib/ ; pass its folder with --data DIR.\n',
    );
    process.exit(2);
  }
  const timeLimitMs = Number(values['time-limit-ms']);
  const seed = Number(values.seed);
  const islands = Math.max(1, Number(values.islands));
  // Islands use the cores for one instance at a time; instances then run in this thread.
  const workers = islands > 1 ? 0 : Math.max(1, Number(values.workers));
  if (islands > 1) {
    islandPool = createIslandPool(islands);
    // Start every worker before the clock runs: one trivial instance each.
    await islandPool.solve(
      { durations: [1], demands: [[0]], capacities: [1], successors: [[]] },
      { maxSchedules: 1 },
    );
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const maxSchedules = values['max-schedules'] === undefined ? undefined : Number(values['max-schedules']);
  console.log(
    `PSPLIB single-mode benchmark — engine budget ${maxSchedules === undefined ? `${timeLimitMs} ms` : `${maxSchedules} schedules`}/instance, seed ${seed}, ${islands > 1 ? `${islands} search islands on worker threads, one instance at a time` : `${workers} worker(s)`}, ` +
      `node ${process.version}`,
  );
  for (const set of values.sets.split(',').map((s) => s.trim())) {
    await runSet({ dataDir, set, timeLimitMs, maxSchedules, seed, workers, limit });
  }
  await islandPool?.close();
}

async function runSet(options: {
  dataDir: string;
  set: string;
  timeLimitMs: number;
  maxSchedules: number | undefined;
  seed: number;
  workers: number;
  limit: number | undefined;
}): Promise<void> {
  const { dataDir, set } = options;
  const folder = join(dataDir, set);
  if (!existsSync(folder)) {
    console.log(`\n${set}: folder ${folder} missing, skipped`);
    return;
  }
  const optimal = set === 'j30';
  const refFile = join(dataDir, optimal ? 'j30opt.sm' : `${set}hrs.sm`);
  const reference = existsSync(refFile)
    ? parseReferenceTable(readFileSync(refFile, 'utf8'))
    : new Map<string, number>();
  const all = readdirSync(folder)
    .map((f) => ({ f, key: keyOfInstanceFile(set, f) }))
    .filter((x): x is { f: string; key: string } => x.key !== null)
    .sort((a, b) => {
      const [pa, ia] = a.key.split('_').map(Number);
      const [pb, ib] = b.key.split('_').map(Number);
      return pa! - pb! || ia! - ib!;
    });
  let chosen = all;
  if (options.limit !== undefined && options.limit < all.length) {
    const stride = all.length / options.limit;
    chosen = Array.from({ length: options.limit }, (_, i) => all[Math.floor(i * stride)]!);
  }
  const jobs: Job[] = chosen.map((x) => ({
    file: join(folder, x.f),
    timeLimitMs: options.timeLimitMs,
    maxSchedules: options.maxSchedules,
    seed: options.seed,
  }));
  const started = performance.now();
  const outcomes = await runInWorkers(jobs, options.workers);
  const wall = (performance.now() - started) / 1000;
  const keyOf = new Map(chosen.map((x) => [join(folder, x.f), x.key]));

  const rows = outcomes.map((o) => ({ ...o, ref: reference.get(keyOf.get(o.file)!) }));
  const bad = rows.filter((r) => !r.feasible);
  const refName = optimal ? 'optimum (j30opt.sm)' : `best known (${set}hrs.sm)`;
  const dev = (value: number, to: number) => (100 * (value - to)) / to;
  const stats = (pick: (r: (typeof rows)[number]) => number | null) => {
    const xs = rows.map(pick).filter((x): x is number => x !== null);
    return {
      avg: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length),
      max: Math.max(...xs),
      n: xs.length,
    };
  };
  const withRef = rows.filter((r) => r.ref !== undefined);
  const line = (
    name: string,
    value: (r: (typeof rows)[number]) => number,
    ms: (r: (typeof rows)[number]) => number,
  ) => {
    const vsRef = stats((r) => (r.ref === undefined ? null : dev(value(r), r.ref)));
    const vsCp = stats((r) => dev(value(r), r.criticalPath));
    const atRef = withRef.filter((r) => value(r) <= r.ref!).length;
    const time = stats(ms);
    const late = rows.filter((r) => ms(r) > 1.05 * options.timeLimitMs).length;
    console.log(
      `  ${name.padEnd(9)} vs ${optimal ? 'opt ' : 'best'}: avg ${vsRef.avg.toFixed(3)}%  max ${vsRef.max.toFixed(2)}%  ` +
        `at ref ${atRef}/${withRef.length} (${((100 * atRef) / Math.max(1, withRef.length)).toFixed(1)}%)  | ` +
        `vs CP-LB: avg ${vsCp.avg.toFixed(2)}%  max ${vsCp.max.toFixed(2)}%  | time avg ${time.avg.toFixed(1)} ms  max ${time.max.toFixed(1)} ms` +
        (options.maxSchedules === undefined ? `  over 1.05x budget ${late}` : ''),
    );
    return { vsRef, vsCp, time };
  };
  console.log(
    `\n${set}: ${rows.length} of ${all.length} instances${rows.length < all.length ? ' (stride sample)' : ''}, reference = ${refName}, wall ${wall.toFixed(1)} s`,
  );
  const e = line(
    'engine',
    (r) => r.engine,
    (r) => r.engineMs,
  );
  const b = line(
    'baseline',
    (r) => r.baseline,
    (r) => r.baselineMs,
  );
  const schedules = stats((r) => r.schedules);
  const cpu = stats((r) => r.engineCpuMs);
  console.log(
    `  engine schedules generated per instance: avg ${Math.round(schedules.avg)}; process CPU per instance avg ${cpu.avg.toFixed(1)} ms ` +
      `(${Math.round((1000 * schedules.avg) / Math.max(1e-9, cpu.avg))} schedules per CPU second; meaningful with one worker)`,
  );
  console.log(
    `  ratio engine/baseline: avg deviation vs ref ${(e.vsRef.avg / Math.max(1e-9, b.vsRef.avg)).toFixed(3)}, ` +
      `vs CP-LB ${(e.vsCp.avg / Math.max(1e-9, b.vsCp.avg)).toFixed(3)}, time ${(e.time.avg / Math.max(1e-9, b.time.avg)).toFixed(0)}x`,
  );
  if (bad.length > 0) {
    console.log(
      `  !! ${bad.length} infeasible or unreadable results: ${bad.map((r) => `${r.file} ${r.error ?? ''}`).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

async function runInWorkers(jobs: Job[], count: number): Promise<Outcome[]> {
  const results: Outcome[] = [];
  if (count === 0) {
    for (const job of jobs) results.push(await runOne(job));
    return results;
  }
  let next = 0;
  // Workers load this same file through tsx (an eval'd bootstrap, since Node 20 workers do not
  // honour --import for a .ts entry point).
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  await Promise.all(
    Array.from({ length: Math.min(count, jobs.length) }, async () => {
      const worker = new Worker(bootstrap, { eval: true });
      await new Promise<void>((resolve, reject) => {
        const feed = () => {
          const job = jobs[next++];
          worker.postMessage(job ?? null);
          if (job === undefined) resolve();
        };
        worker.on('message', (o: Outcome) => {
          results.push(o);
          feed();
        });
        worker.on('error', reject);
        feed();
      });
    }),
  );
  return results;
}
