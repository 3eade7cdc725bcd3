import { afterAll, describe, expect, it } from 'vitest';
import { buildItem, buildPerson, buildSource } from '../../domain/planning/test-support';
import { createComputePool, defaultComputeThreads } from './pool';
import { runComputeTask } from './tasks';

const makeSource = () =>
  buildSource(
    Array.from({ length: 30 }, (_, i) =>
      buildItem({ id: `i${i + 1}`, estimate: { optimistic: 1, likely: 2, pessimistic: 4 + i } }),
    ),
    [buildPerson({ id: 'p1' }), buildPerson({ id: 'p2' })],
  );
const source = makeSource();
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

  it('should answer an identical input from memory, a changed one afresh, and never share an answer', async () => {
    const remembering = createComputePool({ threads: 0, remember: 2 });
    const first = await remembering.run('scheduleRoadmap', source);
    first.result.status = 'changed by its caller' as never;
    const again = await remembering.run('scheduleRoadmap', makeSource());
    expect(again).toEqual(runComputeTask('scheduleRoadmap', source));
    expect(remembering.memo.counts).toEqual({ hits: 1, misses: 1 });

    const later = { ...source, startDate: '2031-01-06' };
    expect(await remembering.run('scheduleRoadmap', later)).toEqual(runComputeTask('scheduleRoadmap', later));
    expect(remembering.memo.counts).toEqual({ hits: 1, misses: 2 });
    // Two answers kept: a third input forgets the least recently used (the first source).
    await remembering.run('scheduleRoadmap', { ...source, startDate: '2031-02-03' });
    await remembering.run('scheduleRoadmap', source);
    expect(remembering.memo.counts).toEqual({ hits: 1, misses: 4 });
    await remembering.close();
  });

  it('should remember nothing unless asked to', async () => {
    const forgetful = createComputePool({ threads: 0 });
    await forgetful.run('scheduleRoadmap', source);
    await forgetful.run('scheduleRoadmap', source);
    expect(forgetful.memo.counts).toEqual({ hits: 0, misses: 2 });
    await forgetful.close();
  });
});
