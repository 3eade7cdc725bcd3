import { describe, expect, it } from 'vitest';
import {
  computeCriticalPathLength,
  computeEarliestStarts,
  computeLatestFinishes,
  findCycle,
  orderTopologically,
} from './precedence';

// 0 → 1 → 3, 0 → 2 → 3 with durations 0, 3, 5, 2
const diamond = { count: 4, successors: [[1, 2], [3], [3], []] };
const durations = [0, 3, 5, 2];

describe('orderTopologically', () => {
  it('should put every node after its predecessors when the network is acyclic', () => {
    const order = orderTopologically(diamond)!;
    expect(order).toHaveLength(4);
    expect(order.indexOf(0)).toBeLessThan(order.indexOf(1));
    expect(order.indexOf(1)).toBeLessThan(order.indexOf(3));
    expect(order.indexOf(2)).toBeLessThan(order.indexOf(3));
  });

  it('should return null when the network has a cycle', () => {
    expect(orderTopologically({ count: 3, successors: [[1], [2], [0]] })).toBeNull();
  });
});

describe('findCycle', () => {
  it('should name the looping nodes when there is a cycle', () => {
    const cycle = findCycle({ count: 4, successors: [[1], [2], [3], [1]] });
    expect(cycle).toEqual([1, 2, 3, 1]);
  });

  it('should return null when there is no cycle', () => {
    expect(findCycle(diamond)).toBeNull();
  });
});

describe('critical path', () => {
  const order = orderTopologically(diamond)!;

  it('should compute earliest starts from the longest predecessor chain', () => {
    // node 3 waits for max(0+3, 0+5) = 5
    expect(computeEarliestStarts({ network: diamond, durations, order })).toEqual([0, 0, 0, 5]);
  });

  it('should add edge lags when given', () => {
    const es = computeEarliestStarts({
      network: diamond,
      durations,
      order,
      lag: (a, b) => (a === 1 && b === 3 ? 4 : 0),
    });
    // via 1: 0+3+4 = 7 beats via 2: 5
    expect(es[3]).toBe(7);
  });

  it('should compute latest finishes backwards from the horizon', () => {
    // horizon 7: node 3 finishes by 7, so 1 and 2 by 5, node 0 by min(5-3, 5-5) = 0
    expect(computeLatestFinishes({ network: diamond, durations, order, horizon: 7 })).toEqual([0, 5, 5, 7]);
  });

  it('should give the length of the longest path when asked for the bound', () => {
    expect(computeCriticalPathLength({ network: diamond, durations, order })).toBe(7);
  });
});
