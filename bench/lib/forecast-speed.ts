/**
 * Speed cases of the forecast benchmark, each with a straightforward array-of-objects baseline
 * that answers the same question with the same generator, for a ratio in the same run.
 */

import type { DailyThroughput, PlanItem } from '../../src/domain/forecasting/index';
import {
  fitPert,
  forecastCompletion,
  forecastCountByDate,
  runPlanForecast,
  samplePert,
} from '../../src/domain/forecasting/index';
import { buildSchedule } from '../../src/domain/scheduling';
import { computeMedian, createRandom, formatIsoDay, parseIsoDay } from '../../src/domain/shared';
import { createGreedyListScheduler, type PredecessorTable } from './forecast-greedy-scheduler';

const LEVELS = [50, 70, 85, 95];

/**
 * Times a function: one warm-up call, then the median of `runs` calls.
 * @returns the median in milliseconds and the last result.
 */
export function timeMedian<T>(fn: () => T, runs: number): { ms: number; result: T } {
  let result = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: computeMedian(times), result };
}

/** The last `days` days of a history, as a history of its own. */
export function takeLastDays(history: DailyThroughput, days: number): DailyThroughput {
  const counts = Array.from(history.counts).slice(-days);
  const first = parseIsoDay(history.firstDate)! + history.counts.length - counts.length;
  return { firstDate: formatIsoDay(first), counts };
}

/** The engine's "when will N items be done", through its public API (optionally with blocks of days or level uncertainty). */
export function runEngineWhen(
  history: DailyThroughput,
  items: number,
  trials: number,
  blockDays?: number,
  levelUncertainty = false,
): string[] {
  const result = forecastCompletion({
    history,
    start: '2030-01-01',
    items,
    trials,
    seed: 7,
    ...(blockDays ? { blockDays } : {}),
    ...(levelUncertainty ? { levelUncertainty: {} } : {}),
  });
  if (result.status !== 'ok') throw new Error(result.reason);
  return result.percentiles.map((p) => p.date ?? 'never');
}

/** The engine's "how many by D", through its public API (optionally with blocks of days or level uncertainty). */
export function runEngineBy(
  history: DailyThroughput,
  by: string,
  trials: number,
  blockDays?: number,
  levelUncertainty = false,
): number[] {
  const result = forecastCountByDate({
    history,
    start: '2030-01-01',
    by,
    trials,
    seed: 7,
    ...(blockDays ? { blockDays } : {}),
    ...(levelUncertainty ? { levelUncertainty: {} } : {}),
  });
  if (result.status !== 'ok') throw new Error(result.reason);
  return result.percentiles.map((p) => p.count);
}

interface DayRow {
  date: string;
  done: number;
}

function toRows(history: DailyThroughput): DayRow[] {
  const first = parseIsoDay(history.firstDate)!;
  return Array.from(history.counts, (done, i) => ({ date: formatIsoDay(first + i), done }));
}

/** Baseline "when": each trial builds a list of simulated day objects; results are objects sorted at the end. */
export function runBaselineWhen(history: DailyThroughput, items: number, trials: number): string[] {
  const rows = toRows(history);
  const random = createRandom(7);
  const start = parseIsoDay('2030-01-01')!;
  const results: Array<{ trial: number; finishDay: number }> = [];
  for (let trial = 0; trial < trials; trial++) {
    const simulated: Array<{ day: number; done: number; total: number }> = [];
    let total = 0;
    while (total < items) {
      const row = rows[Math.floor(random.nextFloat() * rows.length)]!;
      total += row.done;
      simulated.push({ day: simulated.length, done: row.done, total });
    }
    results.push({ trial, finishDay: simulated[simulated.length - 1]!.day });
  }
  results.sort((a, b) => a.finishDay - b.finishDay);
  return LEVELS.map((level) =>
    formatIsoDay(start + results[Math.ceil((level * trials) / 100) - 1]!.finishDay),
  );
}

/** Baseline "how many by D": each trial builds its day objects, then sums them. */
export function runBaselineBy(history: DailyThroughput, by: string, trials: number): number[] {
  const rows = toRows(history);
  const random = createRandom(7);
  const days = parseIsoDay(by)! - parseIsoDay('2030-01-01')! + 1;
  const results: Array<{ trial: number; total: number }> = [];
  for (let trial = 0; trial < trials; trial++) {
    const simulated: DayRow[] = [];
    for (let d = 0; d < days; d++) simulated.push(rows[Math.floor(random.nextFloat() * rows.length)]!);
    results.push({ trial, total: simulated.reduce((sum, row) => sum + row.done, 0) });
  }
  results.sort((a, b) => a.total - b.total);
  return LEVELS.map((level) => results[trials - Math.ceil((level * trials) / 100)]!.total);
}

/** A synthetic ordered plan: estimates, predecessors among the 20 items before, milestones of 30 items. */
export interface BenchPlan {
  items: PlanItem[];
  predecessors: PredecessorTable;
  dependsOn: string[][];
  milestones: Array<{ id: string; itemIds: string[]; targetDate: string }>;
}

/**
 * Generates the benchmark plan from a seed.
 * @param size number of items.
 * @returns the plan in both forms (typed predecessor table and id lists).
 */
export function generatePlan(size: number): BenchPlan {
  const random = createRandom(42);
  const items: PlanItem[] = [];
  const dependsOn: string[][] = [];
  for (let i = 0; i < size; i++) {
    const optimistic = 1 + random.nextFloat() * 4;
    const likely = optimistic * (1 + random.nextFloat());
    const pessimistic = likely * (1.5 + 2 * random.nextFloat());
    items.push({ id: `item-${i}`, estimate: { optimistic, likely, pessimistic } });
    const deps = new Set<string>();
    if (i > 0 && random.nextFloat() < 0.6) {
      const count = 1 + random.nextIndex(2);
      for (let k = 0; k < count; k++) deps.add(`item-${Math.max(0, i - 1 - random.nextIndex(20))}`);
    }
    dependsOn.push([...deps]);
  }
  const offsets = new Int32Array(size + 1);
  const indices: number[] = [];
  for (let i = 0; i < size; i++) {
    for (const id of dependsOn[i]!) indices.push(Number(id.slice(5)));
    offsets[i + 1] = indices.length;
  }
  const milestones = [];
  for (let m = 0; m * 30 < size; m++) {
    const itemIds = items.slice(m * 30, (m + 1) * 30).map((item) => item.id);
    milestones.push({
      id: `milestone-${m + 1}`,
      itemIds,
      targetDate: formatIsoDay(parseIsoDay('2030-01-01')! + 20 * (m + 1)),
    });
  }
  return { items, predecessors: { offsets, indices: Int32Array.from(indices) }, dependsOn, milestones };
}

/** The engine's plan forecast with the typed greedy scheduler. */
export function runEnginePlan(plan: BenchPlan, people: number, trials: number): Array<string | null> {
  const schedule = createGreedyListScheduler({ people, predecessors: plan.predecessors });
  const result = runPlanForecast({
    items: plan.items,
    trials,
    seed: 7,
    schedule,
    start: '2030-01-01',
    milestones: plan.milestones,
  });
  return result.plan.percentiles.map((p) => p.date);
}

/** Baseline plan forecast: objects and maps per trial, people re-sorted per item, arrays sorted per item. */
export function runBaselinePlan(plan: BenchPlan, people: number, trials: number): string[] {
  const random = createRandom(7);
  const byId = new Map(
    plan.items.map((item, i) => [
      item.id,
      { ...item, deps: plan.dependsOn[i]!, pert: fitPert(item.estimate) },
    ]),
  );
  const trialsOut: Array<{ trial: number; finishes: Map<string, number> }> = [];
  for (let trial = 0; trial < trials; trial++) {
    const durations = plan.items.map((item) => ({
      id: item.id,
      days: samplePert(byId.get(item.id)!.pert, random),
    }));
    const team = Array.from({ length: people }, (_, p) => ({ person: p, freeAt: 0 }));
    const finishes = new Map<string, number>();
    for (const { id, days } of durations) {
      const ready = Math.max(0, ...byId.get(id)!.deps.map((dep) => finishes.get(dep) ?? 0));
      team.sort((a, b) => a.freeAt - b.freeAt);
      const who = team[0]!;
      const end = Math.max(ready, who.freeAt) + days;
      who.freeAt = end;
      finishes.set(id, end);
    }
    trialsOut.push({ trial, finishes });
  }
  const atLevels = (values: number[]) => {
    const sorted = values.sort((a, b) => a - b);
    return LEVELS.map((level) => sorted[Math.ceil((level * sorted.length) / 100) - 1]!);
  };
  // Per item and per milestone percentiles, as the engine computes them.
  for (const item of plan.items) atLevels(trialsOut.map((t) => t.finishes.get(item.id)!));
  for (const m of plan.milestones) {
    atLevels(trialsOut.map((t) => Math.max(...m.itemIds.map((id) => t.finishes.get(id)!))));
  }
  const planFinish = atLevels(trialsOut.map((t) => Math.max(...t.finishes.values())));
  const start = parseIsoDay('2030-01-01')!;
  return planFinish.map((f) => formatIsoDay(start + Math.max(0, Math.ceil(f - 1e-9) - 1)));
}

/**
 * The engine's plan forecast through Headway's team scheduler (`buildSchedule`, as the roadmap
 * and the API use it): people with FTE and calendars, the product order, the dependencies.
 */
export function runTeamSchedulerPlan(plan: BenchPlan, people: number, trials: number): Array<string | null> {
  const team = Array.from({ length: people }, (_, p) => ({
    id: `person-${p}`,
    name: `Person ${p}`,
    fte: 1,
    skills: [],
  }));
  const finishes = new Float64Array(plan.items.length);
  const result = runPlanForecast({
    items: plan.items,
    trials,
    seed: 7,
    start: '2030-01-01',
    milestones: plan.milestones,
    schedule: (durations) => {
      const scheduled = buildSchedule({
        startDate: '2030-01-01',
        people: team,
        items: plan.items.map((item, i) => ({
          id: item.id,
          effortDays: durations[i]!,
          dependsOn: plan.dependsOn[i]!.map((itemId) => ({ itemId })),
        })),
      });
      if (scheduled.status !== 'planned') finishes.fill(Number.NaN);
      else for (const [i, s] of scheduled.items.entries()) finishes[i] = s.endDay;
      return finishes;
    },
  });
  return result.plan.percentiles.map((p) => p.date);
}
