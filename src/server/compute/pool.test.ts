import { afterAll, describe, expect, it } from 'vitest';
import { buildItem, buildPerson, buildSource } from '../../domain/planning/test-support';
import { createComputePool, defaultComputeThreads } from './pool';
import { runComputeTask } from './tasks';

const source = buildSource(
  Array.from({ length: 30 }, (_, i) =>
    buildItem({ id: `i${i + 1}`, estimate: { optimistic: 1, likely: 2, pessimistic: 4 + i } }),
  ),
  [buildPerson({ id: 'p1' }), buildPerson({ id: 'p2' })],
);
const pool = createComputePool({ threads: 1, inlineBelow: 0 });
afterAll(() => pool.close());

describe('createComputePool', () => {
  it('should answer a re-plan on its thread exactly as in this thread', async () => {
    const threaded = await pool.run('scheduleRoadmap', source);
    expect(threaded.result.status).toBe('planned');
    expect(threaded).toEqual(runComputeTask('scheduleRoadmap', source));
  });

  it('should refuse with the task’s own error and go on answering afterwards', async () => {
    const { prepared } = runComputeTask('scheduleRoadmap', source);
    const input = {
      plan: prepared.input,
      efforts: prepared.input.items.map((it) => ({ id: it.id, estimate: prepared.estimates.get(it.id)! })),
      trials: 50,
      seed: 3,
      start: source.startDate,
      milestones: [],
      focus: 0,
    };
    await expect(pool.run('simulatePlan', input)).rejects.toThrow('focus must be in (0, 1]');
    const answer = await pool.run('simulatePlan', { ...input, focus: 1 });
    expect(answer).toEqual(runComputeTask('simulatePlan', { ...input, focus: 1 }));
  });

  it('should run work below its threshold in this thread, and every task when it has no thread', async () => {
    const inline = createComputePool({ threads: 0 });
    expect(inline.threads).toBe(0);
    expect(await inline.run('scheduleRoadmap', source)).toEqual(runComputeTask('scheduleRoadmap', source));
    await inline.close();
    expect(defaultComputeThreads()).toBeGreaterThanOrEqual(1);
  });
});
