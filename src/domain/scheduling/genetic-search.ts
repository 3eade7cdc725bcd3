/**
 * A seeded genetic algorithm over activity lists (after Hartmann's activity-list GA), with
 * every child decoded by the serial SGS and improved by forward–backward justification; the
 * justified order replaces the child's list so improvements are inherited.
 */
import { createJustifyWorkspace, justifySchedule } from './justification';
import { createRandom, type Random } from './random';
import type { CompiledRcpsp } from './rcpsp-instance';
import { buildPriorityList, decodeSerial, sampleActivityList } from './serial-sgs';

/** Budget and knobs of the search. The search stops at the first budget reached. */
export interface GeneticSearchOptions {
  /** The same seed (and the same schedule budget) always gives the same result. */
  seed: number;
  /** Stop after generating this many schedules (each decoding counts one). */
  maxSchedules?: number;
  /** Stop after this many milliseconds of wall-clock time. */
  timeLimitMs?: number;
  /** Individuals kept between generations. */
  populationSize?: number;
  /** Probability of swapping each adjacent pair of a child's list. */
  mutationRate?: number;
  /** Milliseconds since an arbitrary origin; injected so the engine stays free of IO. */
  clock?: () => number;
}

/** The best schedule found and what the search spent. */
export interface GeneticSearchResult {
  starts: Int32Array;
  makespan: number;
  schedulesGenerated: number;
  generations: number;
  /** Why the search ended: a budget, or a schedule at the lower bound (provably optimal). */
  stoppedBy: 'schedules' | 'time' | 'lower-bound';
}

interface Individual {
  list: Int32Array;
  makespan: number;
  hash: number;
}

/**
 * Searches for a short schedule within a budget.
 * @param compiled the instance
 * @param mirror the instance with arcs reversed (for justification)
 * @param options seed and budget
 * @returns the best schedule found
 */
export function searchGenetically(
  compiled: CompiledRcpsp,
  mirror: CompiledRcpsp,
  options: GeneticSearchOptions,
): GeneticSearchResult {
  const n = compiled.jobCount;
  const random = createRandom(options.seed);
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const deadline =
    options.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : started + options.timeLimitMs;
  const maxSchedules =
    options.maxSchedules ?? (options.timeLimitMs === undefined ? 5000 : Number.POSITIVE_INFINITY);
  const populationSize = options.populationSize ?? (n <= 40 ? 40 : 80);
  const mutationRate = options.mutationRate ?? 0.05;

  const workspace = createJustifyWorkspace(compiled, mirror);
  const starts = new Int32Array(n);
  const bestStarts = new Int32Array(n);
  let bestMakespan = Number.POSITIVE_INFINITY;
  let schedules = 0;
  let generations = 0;
  const isPredecessor = buildPredecessorMatrix(compiled);

  const evaluate = (list: Int32Array): Individual => {
    const raw = decodeSerial(workspace.forward, list, starts);
    const makespan = justifySchedule(workspace, starts, raw, list);
    schedules += 3;
    if (makespan < bestMakespan) {
      bestMakespan = makespan;
      bestStarts.set(starts);
    }
    return { list, makespan, hash: hashStarts(starts) };
  };
  const outOfBudget = (): GeneticSearchResult['stoppedBy'] | null => {
    if (bestMakespan <= compiled.lowerBound) return 'lower-bound';
    if (schedules >= maxSchedules) return 'schedules';
    if (clock() >= deadline) return 'time';
    return null;
  };

  let population: Individual[] = [evaluate(buildPriorityList(compiled, compiled.latestFinishes))];
  let stoppedBy = outOfBudget();
  while (stoppedBy === null && population.length < populationSize) {
    population.push(evaluate(sampleActivityList(compiled, compiled.latestFinishes, random)));
    stoppedBy = outOfBudget();
  }

  const used = new Uint8Array(n);
  while (stoppedBy === null) {
    generations += 1;
    shuffle(population, random);
    const children: Individual[] = [];
    for (let p = 0; p + 1 < population.length && stoppedBy === null; p += 2) {
      const mother = population[p]!.list;
      const father = population[p + 1]!.list;
      const q1 = random.nextInt(n);
      const q2 = q1 + random.nextInt(n - q1 + 1);
      for (const [a, b] of [
        [mother, father],
        [father, mother],
      ] as const) {
        const child = crossTwoPoint(a, b, q1, q2, used);
        mutate(child, mutationRate, isPredecessor, random);
        children.push(evaluate(child));
        stoppedBy = outOfBudget();
        if (stoppedBy !== null) break;
      }
    }
    population = selectSurvivors([...population, ...children], populationSize);
  }
  return {
    starts: bestStarts,
    makespan: bestMakespan,
    schedulesGenerated: schedules,
    generations,
    stoppedBy,
  };
}

/** Two-point crossover that keeps precedence feasibility: head from a, middle from b's order, tail from a's order. */
function crossTwoPoint(a: Int32Array, b: Int32Array, q1: number, q2: number, used: Uint8Array): Int32Array {
  const n = a.length;
  const child = new Int32Array(n);
  used.fill(0);
  let pos = 0;
  for (; pos < q1; pos++) {
    child[pos] = a[pos]!;
    used[a[pos]!] = 1;
  }
  for (let x = 0; x < n && pos < q2; x++) {
    const j = b[x]!;
    if (used[j] === 0) {
      child[pos++] = j;
      used[j] = 1;
    }
  }
  for (let x = 0; x < n && pos < n; x++) {
    const j = a[x]!;
    if (used[j] === 0) {
      child[pos++] = j;
      used[j] = 1;
    }
  }
  return child;
}

/** Swaps neighbours with a small probability when they are not linked by precedence. */
function mutate(
  list: Int32Array,
  rate: number,
  isPredecessor: (a: number, b: number) => boolean,
  random: Random,
): void {
  for (let x = 0; x + 1 < list.length; x++) {
    if (random.next() >= rate) continue;
    const a = list[x]!;
    const b = list[x + 1]!;
    if (!isPredecessor(a, b)) {
      list[x] = b;
      list[x + 1] = a;
    }
  }
}

/** The best distinct schedules survive; duplicates are dropped to keep the population diverse. */
function selectSurvivors(candidates: Individual[], size: number): Individual[] {
  candidates.sort((a, b) => a.makespan - b.makespan);
  const out: Individual[] = [];
  const seen = new Set<number>();
  for (const c of candidates) {
    if (seen.has(c.hash)) continue;
    seen.add(c.hash);
    out.push(c);
    if (out.length === size) return out;
  }
  for (const c of candidates) {
    if (out.length === size) break;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

function shuffle<T>(items: T[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}

function hashStarts(starts: Int32Array): number {
  let h = 2166136261;
  for (let j = 0; j < starts.length; j++) h = Math.imul(h ^ starts[j]!, 16777619);
  return h >>> 0;
}

function buildPredecessorMatrix(compiled: CompiledRcpsp): (a: number, b: number) => boolean {
  const n = compiled.jobCount;
  const direct = new Set<number>();
  compiled.successors.forEach((list, j) => {
    for (const s of list) direct.add(j * n + s);
  });
  return (a, b) => direct.has(a * n + b);
}
