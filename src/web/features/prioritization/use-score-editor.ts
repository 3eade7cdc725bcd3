import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { keys } from '../../api/query-keys';
import type { Item } from '../../api/types';
import { useSaveItem } from '../item/conflict-provider';

/**
 * Saves one score input of an item. Saves of the same item run one after another, each on the
 * freshest copy of the item, so a person tabbing quickly through reach, impact and confidence
 * does not race their own versions into a conflict.
 */
export function useScoreEditor(ws: string) {
  const client = useQueryClient();
  const save = useSaveItem();
  const queues = useRef(new Map<string, Promise<unknown>>());

  const findItem = useCallback(
    (id: string): Item | undefined => {
      const own = client.getQueryData<Item>(keys.item(ws, id));
      const listed = client.getQueryData<Item[]>(keys.itemList(ws, {}))?.find((it) => it.id === id);
      if (own && listed) return own.version >= listed.version ? own : listed;
      return own ?? listed;
    },
    [client, ws],
  );

  return useCallback(
    (itemId: string, scoreKey: string, value: number | string | null): Promise<boolean> => {
      const previous = queues.current.get(itemId) ?? Promise.resolve();
      const next = previous.then(async () => {
        const item = findItem(itemId);
        if (!item) return false;
        if ((item.scores[scoreKey] ?? null) === value) return true;
        const scores = { ...item.scores };
        if (value === null) delete scores[scoreKey];
        else scores[scoreKey] = value;
        // A saved score makes the rankings stale (declared by the item's patch).
        return save(item, { scores });
      });
      queues.current.set(
        itemId,
        next.catch(() => false),
      );
      return next;
    },
    [findItem, save],
  );
}
