import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../contract';
import { invalidates } from './invalidation';
import { staleAfter } from './live';
import { keys } from './query-keys';

const WS = '00000000-0000-4000-8000-0000000000aa';
const ITEM = '00000000-0000-4000-8000-0000000000bb';

function event(kind: LiveEvent['kind'], itemIds: string[] = []): LiveEvent {
  return { id: '7', workspaceId: WS, kind, itemIds, at: '2026-12-03T04:00:00.000Z' };
}

describe('staleAfter', () => {
  it('should make stale what the same write declares in the writer’s tab, plus the moved item and the lists', () => {
    const stale = staleAfter(event('itemMoved', [ITEM]));
    expect(stale).toEqual(expect.arrayContaining(invalidates.itemMoved(WS)));
    expect(stale).toEqual(expect.arrayContaining([keys.items(WS), keys.item(WS, ITEM)]));
  });

  it('should add nothing to the declared queries when the change names no item', () => {
    expect(staleAfter(event('snapshotPublished'))).toEqual(invalidates.snapshotPublished(WS));
  });

  it('should make nothing stale on the stream’s opening event', () => {
    expect(staleAfter(event('ready'))).toEqual([]);
  });
});
