import { useRef } from 'react';
import type { Item } from '../../api/types';

/**
 * The item as it was when the person began an edit. Live updates refresh the item under an open
 * editor; saving against the refreshed version would silently overwrite what someone else changed
 * meanwhile. Saving against the version the edit began from lets the server refuse it (409) and the
 * conflict dialog show both changes.
 */
export function useEditBase(item: Item): { begin: () => void; base: () => Item } {
  const started = useRef<Item | null>(null);
  return {
    begin: () => {
      started.current = item;
    },
    base: () => {
      const base = started.current ?? item;
      started.current = null;
      return base;
    },
  };
}
