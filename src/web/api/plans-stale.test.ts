import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { markPlansStale } from './hooks';

describe('markPlansStale', () => {
  it('should mark the roadmap and forecasts of the workspace stale, and nothing else', () => {
    const client = new QueryClient();
    const keys = [
      ['roadmap', 'w1', 'plan', null],
      ['forecasts', 'w1', 'plan', { items: ['a'] }],
      ['forecasts', 'w2', 'plan', { items: ['a'] }],
      ['items', 'w1'],
    ];
    for (const key of keys) client.setQueryData(key, { cached: true });
    markPlansStale(client, 'w1');
    const invalidated = keys.map((key) => client.getQueryState(key)?.isInvalidated);
    expect(invalidated).toEqual([true, true, false, false]);
  });
});
