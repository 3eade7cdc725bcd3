import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ItemFilters } from '../../api/types';
import type { BacklogView } from './backlog-rows';
import { ITEM_STATES, ITEM_TYPES } from './labels';

export interface BacklogParams {
  filters: ItemFilters;
  view: BacklogView;
  scoreKey: string;
  openId: string | null;
  /** Done and cancelled items are hidden unless asked for, or unless the state filter picks one. */
  showClosed: boolean;
}

/** Filters, view and the open item, kept in the URL so a view can be shared and survives reload. */
export function useBacklogParams(): [BacklogParams, (changes: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const value = useMemo<BacklogParams>(() => {
    const type = params.get('type');
    const state = params.get('state');
    return {
      filters: {
        type: ITEM_TYPES.find((t) => t === type),
        state: ITEM_STATES.find((s) => s === state),
        assigneeId: params.get('assignee') ?? undefined,
        label: params.get('label') ?? undefined,
        q: params.get('q') ?? undefined,
      },
      view: params.get('view') === 'grouped' ? 'grouped' : 'flat',
      scoreKey: params.get('score') ?? 'rice_reach',
      openId: params.get('item'),
      showClosed: params.get('closed') === 'show',
    };
  }, [params]);
  const update = useCallback(
    (changes: Record<string, string | null>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, v] of Object.entries(changes)) {
            if (v === null || v === '') next.delete(key);
            else next.set(key, v);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [value, update];
}
