/**
 * Small hand-made and random classic instances shared by the scheduling tests.
 */

import { createSmallRandom } from '../shared/random';
import type { RcpspInstance } from './rcpsp-instance';

/**
 * Four real jobs between a source (0) and a sink (5), one resource of capacity 2:
 * 1 (d3, 2 units) and 2 (d2, 1 unit) start the project, 3 (d2, 1 unit) follows 1,
 * 4 (d4, 1 unit) follows 2.
 */
export const smallInstance: RcpspInstance = {
  durations: [0, 3, 2, 2, 4, 0],
  demands: [[0], [2], [1], [1], [1], [0]],
  capacities: [2],
  successors: [[1, 2], [3], [4], [5], [5], []],
};

/**
 * A random instance with a source and a sink, arcs only from lower to higher job numbers.
 * @param options seed, number of real jobs, resources, maximum duration
 * @returns a defect-free instance
 */
export function generateRandomInstance(options: {
  seed: number;
  jobs: number;
  resources: number;
  maxDuration: number;
}): RcpspInstance {
  const random = createSmallRandom(options.seed);
  const n = options.jobs + 2;
  const capacities = Array.from({ length: options.resources }, () => 2 + random.nextIndex(4));
  const durations = [0];
  const demands: number[][] = [capacities.map(() => 0)];
  const successors: number[][] = [[]];
  for (let j = 1; j <= options.jobs; j++) {
    durations.push(1 + random.nextIndex(options.maxDuration));
    demands.push(capacities.map((c) => random.nextIndex(c + 1)));
    successors.push([]);
  }
  durations.push(0);
  demands.push(capacities.map(() => 0));
  successors.push([]);
  const hasPred = new Array<boolean>(n).fill(false);
  for (let j = 1; j <= options.jobs; j++) {
    for (let s = j + 1; s <= options.jobs; s++) {
      if (random.nextFloat() < 0.25) {
        successors[j]!.push(s);
        hasPred[s] = true;
      }
    }
  }
  for (let j = 1; j <= options.jobs; j++) {
    if (!hasPred[j]) successors[0]!.push(j);
    if (successors[j]!.length === 0) successors[j]!.push(n - 1);
  }
  return { durations, demands, capacities, successors };
}

/**
 * Whether a list holds every job once, each after all of its predecessors.
 * @param list the activity list
 * @param predecessors predecessors of every job
 * @returns true for a precedence-feasible activity list
 */
export function isFeasibleList(
  list: ArrayLike<number>,
  predecessors: readonly (readonly number[])[],
): boolean {
  const seen = new Set<number>();
  for (let x = 0; x < list.length; x++) {
    const j = list[x]!;
    if (seen.has(j) || predecessors[j]!.some((p) => !seen.has(p))) return false;
    seen.add(j);
  }
  return seen.size === predecessors.length;
}
