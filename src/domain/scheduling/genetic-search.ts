/**
 * A seeded genetic algorithm over activity lists (after Hartmann's activity-list GA). Every
 * child is decoded by the serial SGS and improved by forward–backward justification (Valls,
 * Ballestín and Quintanilla 2005; by default one pass, repeated while it helps up to
 * `justifyPasses`); the justified order replaces the child's list so improvements are
 * inherited. Parents meet by binary tournament and are crossed by two-point or peak crossover.
 * The population is seeded from several priority rules by regret-based biased sampling, and
 * rebuilt when it stalls: alternately around the best schedule by destroy and repair of random
 * stretches of it (after Valls et al.'s second phase from the best's neighbourhood), and from
 * fresh samples.
 */
import { createSmallRandom, type Random } from '../shared/random';
import { createJustifyWorkspace, justifySchedule } from './justification';
import { crossPeak, crossTwoPoint, type ListTools, mutateByShift, prepareListTools } from './list-operators';
import { computePriorityRules, sampleByRegret } from './priority-rules';
import type { CompiledRcpsp } from './rcpsp-instance';
import { buildPriorityList, decodeSerial } from './serial-sgs';
import { prepareWindowRepair, repairWindow } from './window-repair';

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
  /** Probability that a child gets a random shift of one job (a second one with the same chance, …). */
  mutationRate?: number;
  /** Generations without a new best before the population is rebuilt. */
  stallLimit?: number;
  /** Share of pairs crossed by peak crossover rather than two-point crossover. */
  peakShare?: number;
  /** Forward–backward passes per child at most (each costs two schedules). */
  justifyPasses?: number;
  /** Typical share of the makespan re-ordered when perturbing the best schedule (see {@link repairWindow}). */
  repairSpan?: number;
  /** Milliseconds since an arbitrary origin; injected so the engine stays free of IO. */
  clock?: () => number;
  /** Clock reading at which the time budget began (default: when the search starts), so setup counts. */
  startedAt?: number;
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
  starts: Int32Array;
  makespan: number;
  hash: number;
}

type StopReason = GeneticSearchResult['stoppedBy'];

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
  const random = createSmallRandom(options.seed);
  const clock = options.clock ?? (() => performance.now());
  const started = options.startedAt ?? clock();
  // Stop a little early: the caller still has to copy the result, and a busy machine can pause
  // the process between two clock readings.
  const deadline =
    options.timeLimitMs === undefined
      ? Number.POSITIVE_INFINITY
      : started + options.timeLimitMs - Math.min(50, 0.05 * options.timeLimitMs);
  const maxSchedules =
    options.maxSchedules ?? (options.timeLimitMs === undefined ? 5000 : Number.POSITIVE_INFINITY);
  // 80 individuals and one forward–backward pass per child (two schedules): on a sample of j120
  // instances (not the benchmark's stride sample) at 30,000 schedules, each beat 40 individuals
  // and two passes by about 0.1 % of makespan over two seeds; a second pass costs schedules
  // that more children use better.
  const populationSize = options.populationSize ?? 80;
  const mutationRate = options.mutationRate ?? 0.5;
  const maxPasses = options.justifyPasses ?? 1;
  // Generations without a new best before the population is rebuilt around the best.
  const stallLimit = options.stallLimit ?? 30;
  // Share of pairs crossed by peak crossover rather than two-point crossover.
  const peakShare = options.peakShare ?? 0.5;
  const repairSpan = options.repairSpan ?? 0.3;
  const repairTools = prepareWindowRepair(compiled);

  const workspace = createJustifyWorkspace(compiled, mirror);
  const tools = prepareListTools(compiled);
  const rules = computePriorityRules(compiled);
  const starts = new Int32Array(n);
  const bestStarts = new Int32Array(n);
  let bestMakespan = Number.POSITIVE_INFINITY;
  let best: Individual | null = null;
  let schedules = 0;
  let generations = 0;
  let stoppedBy: StopReason | null = null;

  const check = (): StopReason | null => {
    if (bestMakespan <= compiled.lowerBound) return 'lower-bound';
    if (schedules >= maxSchedules) return 'schedules';
    if (clock() >= deadline) return 'time';
    return null;
  };
  const evaluate = (list: Int32Array): Individual => {
    let makespan = decodeSerial(workspace.forward, list, starts);
    schedules += 1;
    for (let pass = 0; pass < maxPasses; pass++) {
      const justified = justifySchedule(workspace, starts, makespan, list);
      schedules += 2;
      const improved = justified < makespan;
      makespan = justified;
      if (!improved) break;
    }
    const individual = { list, starts: starts.slice(), makespan, hash: hashStarts(starts) };
    if (makespan < bestMakespan) {
      bestMakespan = makespan;
      bestStarts.set(starts);
      best = individual;
    }
    stoppedBy = check();
    return individual;
  };

  const seedPopulation = (keep: Individual[]): Individual[] => {
    const population = [...keep];
    let rule = 0;
    while (stoppedBy === null && population.length < populationSize) {
      const alpha = 1 + random.nextIndex(3);
      const priority = rules[rule++ % rules.length]!;
      population.push(evaluate(sampleByRegret({ compiled, priority, alpha, random })));
    }
    return population;
  };

  // A population around one schedule: the schedule itself and copies of it, each with a random
  // stretch of 15–45 % of the makespan (for the default span) taken out and re-ordered.
  const seedAround = (centre: Individual): Individual[] => {
    const population = [centre];
    while (stoppedBy === null && population.length < populationSize) {
      const span = Math.max(1, Math.round(centre.makespan * repairSpan * (0.5 + random.nextFloat())));
      const from = random.nextIndex(Math.max(1, centre.makespan - span + 1));
      population.push(
        evaluate(
          repairWindow({
            list: centre.list,
            starts: centre.starts,
            from,
            to: from + span,
            noise: span * random.nextFloat(),
            random,
            tools: repairTools,
          }),
        ),
      );
    }
    return population;
  };

  let population = [evaluate(buildPriorityList(compiled, compiled.latestFinishes))];
  population = seedPopulation(population);
  let lastImprovement = 0;
  let restarts = 0;
  let generationBest = bestMakespan;

  while (stoppedBy === null) {
    generations += 1;
    const children: Individual[] = [];
    while (stoppedBy === null && children.length < populationSize) {
      const mother = pickParent(population, random);
      const father = pickParent(population, random);
      const q1 = random.nextIndex(n);
      const q2 = q1 + random.nextIndex(n - q1 + 1);
      const peak = random.nextFloat() < peakShare;
      for (const [a, b] of [
        [mother, father],
        [father, mother],
      ] as const) {
        const child = peak
          ? crossPeak({
              motherList: a.list,
              motherStarts: a.starts,
              makespan: a.makespan,
              fatherList: b.list,
              length: Math.ceil(a.makespan * (0.25 + 0.5 * random.nextFloat())),
              tools,
            })
          : crossTwoPoint(a.list, b.list, q1, q2, tools.used);
        mutateChild(child, mutationRate, tools, random);
        children.push(evaluate(child));
        if (stoppedBy !== null) break;
      }
    }
    population = selectSurvivors(children, population, populationSize);
    if (bestMakespan < generationBest) {
      generationBest = bestMakespan;
      lastImprovement = generations;
    } else if (generations - lastImprovement >= stallLimit && stoppedBy === null && best !== null) {
      // Stalled: rebuild the population, every other time from perturbed copies of the best
      // schedule (destroy and repair: intensify) and otherwise from fresh samples without it
      // (explore another basin; the best is kept aside).
      restarts += 1;
      population = restarts % 2 === 1 ? seedAround(best) : seedPopulation([]);
      lastImprovement = generations;
    }
  }
  return {
    starts: bestStarts,
    makespan: bestMakespan,
    schedulesGenerated: schedules,
    generations,
    stoppedBy: stoppedBy ?? 'schedules',
  };
}

function mutateChild(child: Int32Array, rate: number, tools: ListTools, random: Random): void {
  while (random.nextFloat() < rate) mutateByShift(child, tools, random);
}

/** Binary tournament: the shorter of two random individuals. */
function pickParent(population: Individual[], random: Random): Individual {
  const a = population[random.nextIndex(population.length)]!;
  const b = population[random.nextIndex(population.length)]!;
  return b.makespan < a.makespan ? b : a;
}

/**
 * The best distinct schedules survive; on equal makespan children go first so the population
 * keeps drifting across plateaus, and duplicates are dropped to keep it diverse.
 */
function selectSurvivors(children: Individual[], parents: Individual[], size: number): Individual[] {
  const candidates = [...children, ...parents];
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

function hashStarts(starts: Int32Array): number {
  let h = 2166136261;
  for (let j = 0; j < starts.length; j++) h = Math.imul(h ^ starts[j]!, 16777619);
  return h >>> 0;
}
