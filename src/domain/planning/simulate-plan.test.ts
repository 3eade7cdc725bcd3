import { describe, expect, it } from 'vitest';
import { prepareRoadmapInput } from './prepare-roadmap';
import { type PlanSimulationInput, simulatePlanTrials } from './simulate-plan';
import { buildItem, buildPerson, buildSource } from './test-support';

function buildInput(): PlanSimulationInput {
  const items = Array.from({ length: 12 }, (_, i) =>
    buildItem({
      id: `i${i + 1}`,
      estimate: { optimistic: 1 + (i % 3), likely: 3 + (i % 4), pessimistic: 5 + i },
      dependsOn: i % 4 === 3 ? [{ itemId: `i${i}`, lagDays: 0 }] : [],
    }),
  );
  const prepared = prepareRoadmapInput(
    buildSource(items, [buildPerson({ id: 'p1' }), buildPerson({ id: 'p2', fte: 0.5 })]),
  );
  return {
    plan: prepared.input,
    efforts: prepared.input.items.map((it) => ({
      id: it.id,
      estimate: prepared.estimates.get(it.id)!,
      // One item drawn from a size distribution, another corrected by the team's record.
      ratios: it.id === 'i2' ? new Float64Array([0.8, 1, 1.5]) : undefined,
      sizes: it.id === 'i5' ? new Float64Array([1, 2, 8]) : undefined,
    })),
    trials: 200,
    seed: 17,
    start: '2026-01-05',
    milestones: [
      { id: 'first-half', itemIds: ['i1', 'i2', 'i3', 'i4', 'i5', 'i6'], targetDate: '2026-02-02' },
    ],
    focus: 0.8,
  };
}

describe('simulatePlanTrials', () => {
  it('should give the same answer for the same seed and a different one for another seed', () => {
    const input = buildInput();
    const first = simulatePlanTrials(input);
    expect(simulatePlanTrials(input)).toEqual(first);
    expect(simulatePlanTrials({ ...input, seed: 18 }).plan.meanFinish).not.toBe(first.plan.meanFinish);
    expect(first.incompleteTrials).toBe(0);
  });

  it('should answer the same from a structured clone of its input, in an answer that survives one', () => {
    const input = buildInput();
    const answer = simulatePlanTrials(input);
    // What a worker thread receives and sends back.
    expect(simulatePlanTrials(structuredClone(input))).toEqual(answer);
    expect(structuredClone(answer)).toEqual(answer);
  });

  it('should finish later when less of the capacity goes to planned work', () => {
    const input = buildInput();
    const focused = simulatePlanTrials({ ...input, focus: 1 });
    const distracted = simulatePlanTrials({ ...input, focus: 0.5 });
    expect(distracted.plan.meanFinish).toBeGreaterThan(focused.plan.meanFinish);
  });
});
