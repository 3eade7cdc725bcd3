/**
 * Precedence-network helpers shared by the classic RCPSP core and the team scheduler:
 * cycle detection, topological order and longest paths (the critical-path bound).
 */

/** A network of `count` nodes; `successors[i]` lists the nodes that may start only after i ends. */
export interface PrecedenceNetwork {
  count: number;
  successors: readonly (readonly number[])[];
}

/**
 * Orders the nodes so that every node comes after all of its predecessors (Kahn's algorithm,
 * smallest index first among the ready nodes, so the order is deterministic).
 * @param network the nodes and their successors
 * @returns the order, or `null` when the network has a cycle
 */
export function orderTopologically(network: PrecedenceNetwork): number[] | null {
  const { count, successors } = network;
  const indegree = new Int32Array(count);
  for (let i = 0; i < count; i++) for (const s of successors[i] ?? []) indegree[s] = (indegree[s] ?? 0) + 1;
  const ready: number[] = [];
  for (let i = count - 1; i >= 0; i--) if (indegree[i] === 0) ready.push(i);
  const order: number[] = [];
  while (ready.length > 0) {
    const node = ready.pop()!;
    order.push(node);
    for (const s of successors[node] ?? []) {
      indegree[s] = (indegree[s] ?? 0) - 1;
      if (indegree[s] === 0) ready.push(s);
    }
  }
  return order.length === count ? order : null;
}

/**
 * Finds one cycle in the network, to tell the user which dependencies loop.
 * @param network the nodes and their successors
 * @returns the nodes of one cycle in dependency order (first node repeated at the end), or `null`
 */
export function findCycle(network: PrecedenceNetwork): number[] | null {
  const { count, successors } = network;
  // 0 = unvisited, 1 = on the current path, 2 = done
  const state = new Uint8Array(count);
  const parent = new Int32Array(count).fill(-1);
  for (let root = 0; root < count; root++) {
    if (state[root] !== 0) continue;
    // Iterative DFS so long dependency chains cannot overflow the stack.
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, edge] = top;
      const next = successors[node]?.[edge];
      if (next === undefined) {
        state[node] = 2;
        stack.pop();
        continue;
      }
      top[1] = edge + 1;
      if (state[next] === 1) {
        const cycle = [next];
        for (let at = node; at !== next; at = parent[at]!) cycle.push(at);
        cycle.push(next);
        return cycle.reverse();
      }
      if (state[next] === 0) {
        state[next] = 1;
        parent[next] = node;
        stack.push([next, 0]);
      }
    }
  }
  return null;
}

/** Options for {@link computeEarliestStarts}. */
export interface LongestPathOptions {
  network: PrecedenceNetwork;
  durations: ArrayLike<number>;
  /** A topological order of the network (from {@link orderTopologically}). */
  order: readonly number[];
  /** Optional per-edge lag: `lag(from, to)` extra periods between from's finish and to's start. */
  lag?: (from: number, to: number) => number;
}

/**
 * Earliest start of every node when resources are ignored (forward pass of the critical-path method).
 * @returns earliest starts, indexed by node
 */
export function computeEarliestStarts(options: LongestPathOptions): number[] {
  const { network, durations, order, lag } = options;
  const es = new Array<number>(network.count).fill(0);
  for (const i of order) {
    const finish = es[i]! + durations[i]!;
    for (const s of network.successors[i] ?? []) {
      const candidate = finish + (lag ? lag(i, s) : 0);
      if (candidate > es[s]!) es[s] = candidate;
    }
  }
  return es;
}

/**
 * Latest finish of every node such that the whole network still ends by `horizon`
 * (backward pass of the critical-path method). Used as the LFT priority rule.
 * @returns latest finishes, indexed by node
 */
export function computeLatestFinishes(options: LongestPathOptions & { horizon: number }): number[] {
  const { network, durations, order, lag, horizon } = options;
  const lf = new Array<number>(network.count).fill(horizon);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    for (const s of network.successors[i] ?? []) {
      const candidate = lf[s]! - durations[s]! - (lag ? lag(i, s) : 0);
      if (candidate < lf[i]!) lf[i] = candidate;
    }
  }
  return lf;
}

/**
 * Length of the longest path through the network: no schedule can finish earlier.
 * @returns the critical-path lower bound on the makespan
 */
export function computeCriticalPathLength(options: LongestPathOptions): number {
  const es = computeEarliestStarts(options);
  let best = 0;
  for (let i = 0; i < options.network.count; i++) best = Math.max(best, es[i]! + options.durations[i]!);
  return best;
}
