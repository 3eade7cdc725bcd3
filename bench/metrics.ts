/**
 * Speed of the flow metrics on a generated history (default 50,000 items with 300,000 state
 * changes over two years, the API's default 90-day period): every metric computed by the engine, against a
 * straightforward baseline run in the same process that rescans every item's history for each
 * day of the period. Both answers are compared, so the speed is not bought with a wrong answer.
 * "In review" is marked waiting and blocked, so blocked time and flow efficiency are computed and
 * timed too (the baseline does not compute those two: the ratio only understates the gain).
 *
 *   npm run bench:metrics -- [--items 50000] [--days 90] [--trials 7] [--seed 1]
 */

import { parseArgs } from 'node:util';
import { computeFlowMetrics, type FlowItem, type FlowMetrics, type FlowWorkflow } from '../src/domain/flow';
import { computeMedian, computeQuantile, createSmallRandom, MS_PER_DAY } from '../src/domain/shared';
import { HEADWAY_WORKFLOW } from '../src/server/commands/flow-metrics';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '50000' },
    days: { type: 'string', default: '90' },
    trials: { type: 'string', default: '7' },
    seed: { type: 'string', default: '1' },
  },
});
const itemCount = Number(values.items);
const periodDays = Number(values.days);
const trials = Number(values.trials);
const TARGET_MS = 500;
const HISTORY_DAYS = 730;
const FIRST_DAY = 20_000;
const toDay = FIRST_DAY + HISTORY_DAYS - 1;
const period = { fromDay: toDay - periodDays + 1, toDay, asOf: (toDay + 1) * MS_PER_DAY - 1 };

/** Six state changes per item: the usual way to done, rework, reopens, cuts and work still open. */
const ENDINGS: readonly (readonly [number, readonly string[]])[] = [
  [0.6, ['in_progress', 'done']],
  [0.1, ['done', 'in_progress']],
  [0.1, ['ready', 'cancelled']],
  [0.2, ['in_progress', 'in_review']],
];

function pickEnding(roll: number): readonly string[] {
  let below = 0;
  for (const [share, ending] of ENDINGS) {
    below += share;
    if (roll < below) return ending;
  }
  return ENDINGS[0]![1];
}

function generate(): FlowItem[] {
  const random = createSmallRandom(Number(values.seed)).nextFloat;
  const gap = () => -Math.log(1 - random()) * 2 * MS_PER_DAY;
  const people = Array.from({ length: 60 }, (_, k) => `p${k}@example.com`);
  return Array.from({ length: itemCount }, (_, i) => {
    let t = (FIRST_DAY + random() * HISTORY_DAYS) * MS_PER_DAY;
    const ending = pickEnding(random());
    const states = ['new', 'ready', 'in_progress', 'in_review', ...ending];
    const transitions = states.map((state, k) => {
      if (k > 0) t += gap();
      return { state, at: Math.round(t) };
    });
    return { id: `i${i}`, assignee: people[i % people.length]!, transitions };
  });
}

/** The built-in workflow with review marked as both a queue and a blocked state. */
const WORKFLOW: FlowWorkflow = {
  states: HEADWAY_WORKFLOW.states.map((s) =>
    s.name === 'in_review' ? { ...s, waiting: true, blocked: true } : s,
  ),
};

/** The state names of the workflow, by index, and the category of each. */
const names = HEADWAY_WORKFLOW.states.map((s) => s.name);
const category = new Map(HEADWAY_WORKFLOW.states.map((s) => [s.name, s.category]));

/**
 * The straightforward way: for each day, walk every item's history to find its state at the
 * end of that day; a finish is a day whose end finds the item done and the day before not.
 */
function computeNaively(items: readonly FlowItem[]) {
  const stateAt = (item: FlowItem, moment: number) => {
    let state: string | null = null;
    for (const t of item.transitions) if (t.at <= moment) state = t.state;
    return state;
  };
  const cfd: number[][] = [];
  const cycleTimes: number[] = [];
  let throughput = 0;
  for (let day = period.fromDay; day <= period.toDay; day++) {
    const end = Math.min(period.asOf, (day + 1) * MS_PER_DAY - 1);
    const counts = names.map(() => 0);
    for (const item of items) {
      const state = stateAt(item, end);
      if (state === null) continue;
      counts[names.indexOf(state)]!++;
      // Finished today: done now, and this is the day of its last entry into done before asOf.
      if (category.get(state) !== 'done' || category.get(stateAt(item, period.asOf) ?? '') !== 'done')
        continue;
      const entries = item.transitions.filter((t) => t.at <= period.asOf);
      const lastDone = entries.findLast((t) => t.state === 'done')!;
      if (Math.floor(lastDone.at / MS_PER_DAY) !== day) continue;
      throughput++;
      const start = entries.find((t) => category.get(t.state) === 'started');
      if (start) cycleTimes.push((lastDone.at - start.at) / MS_PER_DAY);
    }
    cfd.push(counts);
  }
  const percentiles = [0.5, 0.7, 0.85, 0.95].map((p) => computeQuantile(cycleTimes, p));
  const aging = items.flatMap((item) => {
    const state = stateAt(item, period.asOf);
    if (category.get(state ?? '') !== 'started') return [];
    const start = item.transitions.find((t) => category.get(t.state) === 'started')!;
    const age = (period.asOf - start.at) / MS_PER_DAY;
    return [cycleTimes.filter((c) => c < age).length / cycleTimes.length];
  });
  return { cfd, throughput, percentiles, cycleCount: cycleTimes.length, aging: aging.length };
}

/** Wall-clock and CPU time of a call: on a busy machine the CPU time shows what the work itself cost. */
function time<T>(work: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

function check(engine: FlowMetrics, naive: ReturnType<typeof computeNaively>): void {
  const same =
    engine.throughput.total === naive.throughput &&
    engine.cycleTime.count === naive.cycleCount &&
    engine.aging.length === naive.aging &&
    engine.cumulativeFlow.days.every((d, i) => d.counts.join() === naive.cfd[i]!.join()) &&
    [50, 70, 85, 95].every(
      (level, i) => Math.abs(engine.cycleTime.percentiles![level as 50]! - naive.percentiles[i]!) < 1e-9,
    );
  if (!same) throw new Error('the engine and the baseline disagree');
}

const items = generate();
const changes = items.reduce((n, item) => n + item.transitions.length, 0);
console.log(
  `bench:metrics — ${items.length} items, ${changes} state changes, a ${periodDays}-day period, node ${process.version}`,
);
const run = () => computeFlowMetrics({ items, workflow: WORKFLOW, period });
run(); // warm-up (JIT)
const engineRuns: number[] = [];
const engineCpu: number[] = [];
let metrics = run();
for (let t = 0; t < trials; t++) {
  const r = time(run);
  engineRuns.push(r.ms);
  engineCpu.push(r.cpuMs);
  metrics = r.value;
}
const engineMs = computeMedian(engineRuns);
console.log(
  `  all metrics: median ${engineMs.toFixed(0)} ms wall, ${computeMedian(engineCpu).toFixed(0)} ms CPU (runs ${engineRuns.map((x) => x.toFixed(0)).join(', ')}); target ≤ ${TARGET_MS} ms: ${engineMs <= TARGET_MS ? 'met' : 'MISSED'}`,
);
console.log(
  `  ${metrics.cycleTime.count} cycle times (P50 ${metrics.cycleTime.percentiles?.[50].toFixed(1)} d, P85 ${metrics.cycleTime.percentiles?.[85].toFixed(1)} d), throughput ${metrics.throughput.total}, ${metrics.aging.length} aging items`,
);
const { blockedTime, flowEfficiency } = metrics;
if (!blockedTime.available || !flowEfficiency.available)
  throw new Error('blocked time and flow efficiency were not computed');
console.log(
  `  blocked time ${blockedTime.flaggedDays.toFixed(0)} of ${blockedTime.cycleDays.toFixed(0)} cycle days over ${blockedTime.items} items; flow efficiency ${flowEfficiency.percent?.toFixed(1)} %`,
);
// The baseline is slow: one run is enough to measure it.
const naive = time(() => computeNaively(items));
check(metrics, naive.value);
console.log(
  `  baseline per-day rescan: ${naive.ms.toFixed(0)} ms wall, ${naive.cpuMs.toFixed(0)} ms CPU, same answer; ratio engine/baseline ${(engineMs / naive.ms).toFixed(3)} (${(naive.ms / engineMs).toFixed(0)}× faster)`,
);
