/**
 * A deliberately simple greedy list scheduler, used only to benchmark plan forecasts (the real
 * roadmap scheduler lives in src/domain/scheduling). Items are taken in list order; each goes
 * to the person free earliest and starts once that person is free and its predecessors are done.
 */

/** Predecessors in compressed rows: item i's predecessors are indices[offsets[i] .. offsets[i+1]). */
export interface PredecessorTable {
  offsets: Int32Array;
  indices: Int32Array;
}

/**
 * Builds a reusable greedy list scheduler over typed arrays (no allocation per call).
 * @param options.people how many interchangeable people.
 * @param options.predecessors each item's predecessors, all earlier in the list.
 * @returns a function from durations to finish times (the returned array is reused).
 */
export function createGreedyListScheduler(options: {
  people: number;
  predecessors: PredecessorTable;
}): (durations: Float64Array) => Float64Array {
  const { people, predecessors } = options;
  const n = predecessors.offsets.length - 1;
  const free = new Float64Array(people);
  const finish = new Float64Array(n);
  return (durations) => {
    free.fill(0);
    for (let i = 0; i < n; i++) {
      let ready = 0;
      for (let k = predecessors.offsets[i]!; k < predecessors.offsets[i + 1]!; k++) {
        const f = finish[predecessors.indices[k]!]!;
        if (f > ready) ready = f;
      }
      let who = 0;
      for (let p = 1; p < people; p++) if (free[p]! < free[who]!) who = p;
      const begin = Math.max(free[who]!, ready);
      const end = begin + durations[i]!;
      free[who] = end;
      finish[i] = end;
    }
    return finish;
  };
}
