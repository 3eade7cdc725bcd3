import { type QueryClient, type QueryKey, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidates, type MutationMeta } from './invalidation';
import { createQueryClient } from './query-client';
import { keys } from './query-keys';

/** Cached answers of two workspaces: the plans and forecasts of each, and w1's backlog. */
const cached: QueryKey[] = [
  keys.roadmap.plan('w1', null),
  keys.forecasts.plan('w1', { milestone: 'm1' }, null),
  keys.forecasts.throughput('w1', { items: 5 }, false),
  keys.roadmap.plan('w2', null),
  keys.forecasts.plan('w2', { milestone: 'm1' }, null),
  keys.itemList('w1', {}),
];

function seededClient(): QueryClient {
  const client = createQueryClient();
  for (const key of cached) client.setQueryData(key, { cached: true });
  return client;
}

async function runMutation(
  client: QueryClient,
  meta: MutationMeta,
  fail = false,
  variables: unknown = undefined,
): Promise<void> {
  const mutation = client.getMutationCache().build(client, {
    mutationFn: async () => {
      if (fail) throw new Error('refused');
      return 'done';
    },
    meta,
  });
  await mutation.execute(variables).catch(() => undefined);
}

const invalidated = (client: QueryClient) => cached.map((key) => client.getQueryState(key)?.isInvalidated);

describe('invalidation declared on mutations', () => {
  for (const write of ['rankingApplied', 'estimateAccepted', 'dependencyChanged', 'itemChanged'] as const) {
    it(`should mark the workspace's roadmap and forecasts stale when ${write} succeeds`, async () => {
      const client = seededClient();
      await runMutation(client, { invalidates: invalidates[write]('w1') });
      const [roadmap, milestone, throughput, otherRoadmap, otherForecast] = invalidated(client);
      expect([roadmap, milestone, throughput]).toEqual([true, true, true]);
      expect([otherRoadmap, otherForecast]).toEqual([false, false]);
    });
  }

  it('should refresh the backlog lists after a ranking is applied but not after a patch', async () => {
    const applied = seededClient();
    await runMutation(applied, { invalidates: invalidates.rankingApplied('w1') });
    expect(applied.getQueryState(keys.itemList('w1', {}))?.isInvalidated).toBe(true);
    // A patch answers with the item, which the mutation stores in the lists itself.
    const patched = seededClient();
    await runMutation(patched, { invalidates: invalidates.itemChanged('w1') });
    expect(patched.getQueryState(keys.itemList('w1', {}))?.isInvalidated).toBe(false);
  });

  it('should refresh the backlog lists after a patch of a field they filter on, and only then', async () => {
    for (const [patch, listsRead] of [
      [{ state: 'cancelled', scopeQuestion: null }, true],
      [{ assigneeId: 'u2' }, true],
      [{ title: 'Clearer title' }, false],
    ] as const) {
      const client = seededClient();
      await runMutation(client, { invalidates: invalidates.itemPatched('w1') }, false, {
        id: 'i1',
        version: 3,
        patch,
      });
      expect(client.getQueryState(keys.itemList('w1', {}))?.isInvalidated, JSON.stringify(patch)).toBe(
        listsRead,
      );
      expect(client.getQueryState(keys.roadmap.plan('w1', null))?.isInvalidated).toBe(true);
    }
  });

  it('should leave every query alone when the write fails', async () => {
    const client = seededClient();
    await runMutation(client, { invalidates: invalidates.rankingApplied('w1') }, true);
    expect(invalidated(client).every((flag) => flag === false)).toBe(true);
  });

  it('should leave every query alone when a mutation declares nothing', async () => {
    const client = seededClient();
    await runMutation(client, {});
    expect(invalidated(client).every((flag) => flag === false)).toBe(true);
  });

  it('should fetch again a first read that was already on its way when the write succeeded', async () => {
    // The read left before the write and answers after it with what it saw: the old list.
    const client = createQueryClient();
    const key = keys.roadmap.snapshots('w1');
    const answers: ((list: string[]) => void)[] = [];
    const observer = new QueryObserver<string[]>(client, {
      queryKey: key,
      queryFn: () => new Promise<string[]>((resolve) => answers.push(resolve)),
    });
    const unsubscribe = observer.subscribe(() => undefined);
    expect(answers).toHaveLength(1);
    await runMutation(client, { invalidates: [key] });
    answers[0]?.(['before the write']);
    await new Promise((r) => setTimeout(r, 0));
    expect(answers).toHaveLength(2);
    answers[1]?.(['after the write']);
    await new Promise((r) => setTimeout(r, 0));
    expect(client.getQueryData(key)).toEqual(['after the write']);
    unsubscribe();
  });
});
