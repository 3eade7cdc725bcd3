/**
 * Scale benchmark of the team scheduler on a generated backlog (default 10,000 items, 60
 * people, 20,000 dependencies): full plan time, re-plan after one reorder and after one
 * estimate change (incremental), memory, and a naive list scheduler run in the same process
 * as the baseline (topological order, earliest-free qualified person, no calendars, no gaps).
 *
 *   npm run bench:plan -- [--items 10000] [--people 60] [--deps 20000] [--trials 5] [--seed 1]
 */

import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type IncrementalPlan,
  orderTopologically,
  planIncrementally,
  type TeamPlanInput,
  type WorkItem,
} from '../src/domain/scheduling/index';
import { computeMedian, createSmallRandom } from '../src/domain/shared';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    people: { type: 'string', default: '60' },
    deps: { type: 'string', default: '20000' },
    trials: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
});
const itemCount = Number(values.items);
const peopleCount = Number(values.people);
const depCount = Number(values.deps);
const trials = Number(values.trials);
const random = createSmallRandom(Number(values.seed));
const skills = ['backend', 'frontend', 'design', 'data', 'mobile'];

function generate(): TeamPlanInput {
  const people = Array.from({ length: peopleCount }, (_, k) => ({
    id: `p${k}`,
    name: `Person ${k}`,
    fte: [1, 1, 1, 0.8, 0.5][random.nextIndex(5)]!,
    skills: [
      skills[k % skills.length]!,
      ...(random.nextFloat() < 0.4 ? [skills[random.nextIndex(skills.length)]!] : []),
    ],
    wipLimit: random.nextFloat() < 0.1 ? 2 : 1,
    calendar: {
      holidays: ['2025-04-18', '2025-05-01', '2025-12-25'],
      timeOff: random.nextFloat() < 0.5 ? [{ from: '2025-08-04', to: '2025-08-15' }] : [],
    },
  }));
  // Dependencies go from lower to higher "technical" index; the product order is a shuffle of it,
  // so ranks and dependencies disagree as they do in real backlogs.
  const deps: { itemId: string; lagDays?: number }[][] = Array.from({ length: itemCount }, () => []);
  const seen = new Set<number>();
  while (seen.size < depCount) {
    const b = 1 + random.nextIndex(itemCount - 1);
    const a = Math.max(0, b - 1 - random.nextIndex(Math.min(b, 200)));
    const key = a * itemCount + b;
    if (seen.has(key)) continue;
    seen.add(key);
    deps[b]!.push(random.nextFloat() < 0.1 ? { itemId: `i${a}`, lagDays: 2 } : { itemId: `i${a}` });
  }
  const items: WorkItem[] = Array.from({ length: itemCount }, (_, k) => ({
    id: `i${k}`,
    effortDays: 1 + random.nextIndex(10),
    skills: random.nextFloat() < 0.8 ? [skills[random.nextIndex(skills.length)]!] : [],
    dependsOn: deps[k]!,
    ...(k % 10 === 0 ? { milestoneId: `m${k % 50}` } : {}),
  }));
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.nextIndex(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return {
    startDate: '2025-01-06',
    people,
    items,
    milestones: Array.from({ length: 50 }, (_, k) => ({ id: `m${k}`, name: `Milestone ${k}` })),
    holidays: ['2025-01-01'],
  };
}

/** The baseline: a naive list scheduler with none of the engine's rules beyond skills and dependencies. */
function planNaively(input: TeamPlanInput): number {
  const index = new Map(input.items.map((x, i) => [x.id, i]));
  const successors: number[][] = input.items.map(() => []);
  input.items.forEach((x, i) => {
    for (const d of x.dependsOn ?? []) successors[index.get(d.itemId)!]!.push(i);
  });
  const order = orderTopologically({ count: input.items.length, successors })!;
  const free = input.people.map(() => 0);
  const end = new Float64Array(input.items.length);
  const ready = new Float64Array(input.items.length);
  let makespan = 0;
  for (const i of order) {
    const item = input.items[i]!;
    let best = -1;
    input.people.forEach((p, k) => {
      if ((item.skills ?? []).every((s) => p.skills.includes(s)) && (best < 0 || free[k]! < free[best]!))
        best = k;
    });
    const start = Math.max(ready[i]!, free[best]!);
    end[i] = start + item.effortDays / input.people[best]!.fte;
    free[best] = end[i]!;
    makespan = Math.max(makespan, end[i]!);
    for (const s of successors[i]!) ready[s] = Math.max(ready[s]!, end[i]!);
  }
  return makespan;
}

function time<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  // CPU time of this process: unlike wall time it barely moves when others load the machine.
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const input = generate();
const depTotal = input.items.reduce((n, x) => n + (x.dependsOn?.length ?? 0), 0);
console.log(
  `bench:plan — ${input.items.length} items, ${input.people.length} people, ${depTotal} dependencies, node ${process.version}`,
);
// A collector we can call, so the memory figures are what a plan keeps alive, not garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
collect();
const heapBefore = process.memoryUsage().heapUsed;

// Warm-up run (JIT), then measured runs.
planIncrementally(input);
const fullRuns: number[] = [];
let full: IncrementalPlan = planIncrementally(input);
for (let t = 0; t < trials; t++) {
  const r = time(() => planIncrementally(input));
  fullRuns.push(r.ms);
  full = r.value;
}
collect();
const memory = process.memoryUsage();
if (full.result.status !== 'planned')
  throw new Error(`plan failed: ${JSON.stringify(full.result).slice(0, 300)}`);
console.log(
  `  full plan: median ${computeMedian(fullRuns).toFixed(0)} ms (runs ${fullRuns.map((x) => x.toFixed(0)).join(', ')}), plan ends ${full.result.endDate}`,
);

const baseRuns: number[] = [];
for (let t = 0; t < trials; t++) baseRuns.push(time(() => planNaively(input)).ms);
console.log(
  `  baseline naive list scheduler: median ${computeMedian(baseRuns).toFixed(0)} ms; ratio engine/baseline ${(computeMedian(fullRuns) / computeMedian(baseRuns)).toFixed(1)}x`,
);

const reorderRuns: number[] = [];
const reorderCpu: number[] = [];
const estimateCpu: number[] = [];
const reorderReplaced: number[] = [];
const reorderPlacedAgain: number[] = [];
const estimateRuns: number[] = [];
const estimateReplaced: number[] = [];
const estimatePlacedAgain: number[] = [];
for (let t = 0; t < trials; t++) {
  // One reorder: an item moves up by a few places within the backlog (a typical drag).
  const items = [...input.items];
  const from = Math.floor(items.length * (0.2 + 0.6 * random.nextFloat()));
  const [moved] = items.splice(from, 1);
  items.splice(from - 1 - random.nextIndex(20), 0, moved!);
  const reordered = { ...input, items };
  const r1 = time(() => planIncrementally(reordered, full));
  reorderRuns.push(r1.ms);
  reorderCpu.push(r1.cpuMs);
  reorderReplaced.push(r1.value.replacedItems);
  reorderPlacedAgain.push(r1.value.placedAgain ?? r1.value.replacedItems);
  // One estimate change on a random item.
  const k = random.nextIndex(input.items.length);
  const changed = {
    ...input,
    items: input.items.map((x, i) => (i === k ? { ...x, effortDays: x.effortDays + 3 } : x)),
  };
  const r2 = time(() => planIncrementally(changed, full));
  estimateRuns.push(r2.ms);
  estimateCpu.push(r2.cpuMs);
  estimateReplaced.push(r2.value.replacedItems);
  estimatePlacedAgain.push(r2.value.placedAgain ?? r2.value.replacedItems);
}
console.log(
  `  re-plan after one reorder: median ${computeMedian(reorderRuns).toFixed(0)} ms, max ${Math.max(...reorderRuns).toFixed(0)} ms ` +
    `(CPU median ${computeMedian(reorderCpu).toFixed(0)} ms, max ${Math.max(...reorderCpu).toFixed(0)} ms) ` +
    `(items replayed: median ${computeMedian(reorderReplaced)}, max ${Math.max(...reorderReplaced)}; placed again: median ` +
    `${computeMedian(reorderPlacedAgain)}, max ${Math.max(...reorderPlacedAgain)}); ratio to full plan ${(computeMedian(reorderRuns) / computeMedian(fullRuns)).toFixed(2)}`,
);
console.log(
  `  re-plan after one estimate change: median ${computeMedian(estimateRuns).toFixed(0)} ms, max ${Math.max(...estimateRuns).toFixed(0)} ms ` +
    `(CPU median ${computeMedian(estimateCpu).toFixed(0)} ms, max ${Math.max(...estimateCpu).toFixed(0)} ms) ` +
    `(items replayed: median ${computeMedian(estimateReplaced)}, of which placed again: median ${computeMedian(estimatePlacedAgain)}, ` +
    `max ${Math.max(...estimatePlacedAgain)}); ratio to full plan ${(computeMedian(estimateRuns) / computeMedian(fullRuns)).toFixed(2)}`,
);
console.log(
  `  memory: heap used after GC ${(memory.heapUsed / 1e6).toFixed(0)} MB (+${((memory.heapUsed - heapBefore) / 1e6).toFixed(0)} MB for one plan and its re-plan memory), rss ${(memory.rss / 1e6).toFixed(0)} MB`,
);
console.log(`  targets: full plan ≤ 2000 ms, re-plan ≤ 200 ms`);
