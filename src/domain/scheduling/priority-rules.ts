/**
 * Priority rules for the classic RCPSP and regret-based biased random sampling over them: the
 * seed material of the population search. Every rule gives a value per job where smaller
 * means more urgent.
 */
import type { Random } from '../shared/random';
import type { CompiledRcpsp } from './rcpsp-instance';

/**
 * Computes several classic priority rules of an instance.
 * @param compiled the instance
 * @returns per rule, a value per job (smaller = more urgent): LFT, LST, MTS, GRPW, WRUP
 */
export function computePriorityRules(compiled: CompiledRcpsp): Float64Array[] {
  const n = compiled.jobCount;
  const { durations, demands, capacities, resourceCount: k, successors, order } = compiled;
  const lft = Float64Array.from(compiled.latestFinishes);
  const lst = new Float64Array(n);
  for (let j = 0; j < n; j++) lst[j] = lft[j]! - durations[j]!;

  // Most total successors: count of all transitive successors, via bitsets in reverse order.
  const words = Math.ceil(n / 32);
  const reach = new Uint32Array(n * words);
  const mts = new Float64Array(n);
  for (let x = n - 1; x >= 0; x--) {
    const j = order[x]!;
    const base = j * words;
    for (const s of successors[j]!) {
      reach[base + (s >>> 5)]! |= 1 << (s & 31);
      const sb = s * words;
      for (let w = 0; w < words; w++) reach[base + w]! |= reach[sb + w]!;
    }
    let count = 0;
    for (let w = 0; w < words; w++) count += popCount(reach[base + w]!);
    mts[j] = -count;
  }

  // Greatest rank positional weight: own duration plus the durations of direct successors.
  const grpw = new Float64Array(n);
  // Weighted resource utilisation and precedence: direct successors plus relative demand.
  const wrup = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let weight = durations[j]!;
    for (const s of successors[j]!) weight += durations[s]!;
    grpw[j] = -weight;
    let relative = 0;
    for (let r = 0; r < k; r++) relative += capacities[r]! > 0 ? demands[j * k + r]! / capacities[r]! : 0;
    wrup[j] = -(0.7 * successors[j]!.length + 0.3 * relative);
  }
  return [lft, lst, mts, grpw, wrup];
}

function popCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Builds an activity list by regret-based biased random sampling: among the eligible jobs,
 * each is drawn with weight (regret + 1)^alpha, where regret is how much more urgent it is
 * than the least urgent eligible job. alpha 0 is uniform sampling; large alpha follows the rule.
 * @param options instance, rule values, bias exponent and random source
 * @returns a precedence-feasible activity list
 */
export function sampleByRegret(options: {
  compiled: CompiledRcpsp;
  priority: ArrayLike<number>;
  alpha: number;
  random: Random;
}): Int32Array {
  const { compiled, priority, alpha, random } = options;
  const n = compiled.jobCount;
  const missing = new Int32Array(n);
  const eligible = new Int32Array(n);
  const weights = new Float64Array(n);
  let size = 0;
  for (let j = 0; j < n; j++) {
    missing[j] = compiled.predecessors[j]!.length;
    if (missing[j] === 0) eligible[size++] = j;
  }
  const list = new Int32Array(n);
  for (let pos = 0; pos < n; pos++) {
    let worst = Number.NEGATIVE_INFINITY;
    for (let x = 0; x < size; x++) worst = Math.max(worst, priority[eligible[x]!]!);
    let total = 0;
    for (let x = 0; x < size; x++) {
      const w = (worst - priority[eligible[x]!]! + 1) ** alpha;
      weights[x] = w;
      total += w;
    }
    let pick = size - 1;
    let draw = random.nextFloat() * total;
    for (let x = 0; x < size; x++) {
      draw -= weights[x]!;
      if (draw < 0) {
        pick = x;
        break;
      }
    }
    const j = eligible[pick]!;
    eligible[pick] = eligible[size - 1]!;
    size--;
    list[pos] = j;
    for (const s of compiled.successors[j]!) {
      missing[s]! -= 1;
      if (missing[s] === 0) eligible[size++] = s;
    }
  }
  return list;
}
