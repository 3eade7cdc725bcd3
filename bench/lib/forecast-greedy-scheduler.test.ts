import { describe, expect, it } from 'vitest';
import { createGreedyListScheduler } from './forecast-greedy-scheduler';

describe('createGreedyListScheduler', () => {
  it('should give each item to the person free earliest when there are no dependencies', () => {
    const schedule = createGreedyListScheduler({
      people: 2,
      predecessors: { offsets: Int32Array.from([0, 0, 0, 0]), indices: new Int32Array(0) },
    });
    // a: person 1, 0→3; b: person 2, 0→2; c: person 2 again, 2→3.
    expect(Array.from(schedule(Float64Array.from([3, 2, 1])))).toEqual([3, 2, 3]);
  });

  it('should wait for predecessors when an item depends on earlier work', () => {
    const schedule = createGreedyListScheduler({
      people: 2,
      predecessors: { offsets: Int32Array.from([0, 0, 0, 1]), indices: Int32Array.from([0]) },
    });
    // c depends on a (done at 3), so it starts at 3 although person 2 is free at 2.
    expect(Array.from(schedule(Float64Array.from([3, 2, 1])))).toEqual([3, 2, 4]);
  });
});
