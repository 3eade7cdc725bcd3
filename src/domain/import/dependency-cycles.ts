/**
 * Cycles among imported dependencies. A cycle cannot be scheduled, so every dependency inside
 * one is reported and left out; the rest import.
 */

/**
 * Groups nodes into strongly connected components (Tarjan's algorithm, iterative so long chains
 * cannot overflow the stack) and returns those that hold a cycle: two or more nodes, or one node
 * that depends on itself.
 * @param count number of nodes, 0..count-1
 * @param successors successors[n] = the nodes n points to
 * @returns each cyclic component as its node numbers, ascending
 */
export function findCyclicComponents(count: number, successors: readonly (readonly number[])[]): number[][] {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  let next = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, edge] = frame;
      const targets = successors[node] ?? [];
      if (edge < targets.length) {
        frame[1] = edge + 1;
        const target = targets[edge]!;
        if (index[target] === -1) {
          index[target] = low[target] = next++;
          stack.push(target);
          onStack[target] = 1;
          work.push([target, 0]);
        } else if (onStack[target]) {
          low[node] = Math.min(low[node]!, index[target]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[node]!);
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== node);
        const selfLoop = component.length === 1 && targets.includes(node);
        if (component.length > 1 || selfLoop) components.push(component.sort((a, b) => a - b));
      }
    }
  }
  return components;
}
