import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSmallRandom } from '../shared/random';
import { computePriorityRules, sampleByRegret } from './priority-rules';
import { compileRcpsp } from './rcpsp-instance';
import { generateRandomInstance, isFeasibleList, smallInstance } from './test-instances';

describe('computePriorityRules', () => {
  it('should give LFT, LST, MTS and GRPW values when the network is the small instance', () => {
    // Critical path 0→2→4→5 is 6 long. LF: 5,4,3 at 6; 2 at 6-4=2; 1 at 6-2=4; 0 at min(4-3, 2-2)=0.
    const [lft, lst, mts, grpw] = computePriorityRules(compileRcpsp(smallInstance));
    expect(Array.from(lft!)).toEqual([0, 4, 2, 6, 6, 6]);
    expect(Array.from(lst!)).toEqual([0, 1, 0, 4, 2, 6]);
    // Transitive successors: 0 has all five, 1 has {3,5}, 2 has {4,5}, 3 and 4 have {5}.
    expect(Array.from(mts!)).toEqual([-5, -2, -2, -1, -1, -0]);
    // Own duration plus direct successors' durations.
    expect(Array.from(grpw!)).toEqual([-5, -5, -6, -2, -4, -0]);
  });
});

describe('sampleByRegret', () => {
  it('should follow the rule when the bias is strong', () => {
    // After the source, job 2 (LF 2) has regret 3 against job 1 (LF 4); then 1 against 4.
    const compiled = compileRcpsp(smallInstance);
    const [lft] = computePriorityRules(compiled);
    const list = sampleByRegret({ compiled, priority: lft!, alpha: 60, random: createSmallRandom(3) });
    expect(Array.from(list.slice(0, 3))).toEqual([0, 2, 1]);
  });

  it('should give precedence-feasible lists when instances and biases are random', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 4 }), (seed, alpha) => {
        const compiled = compileRcpsp(
          generateRandomInstance({ seed, jobs: 10, resources: 2, maxDuration: 5 }),
        );
        const rules = computePriorityRules(compiled);
        const priority = rules[seed % rules.length]!;
        const list = sampleByRegret({ compiled, priority, alpha, random: createSmallRandom(seed) });
        expect(isFeasibleList(list, compiled.predecessors)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
