import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { requestApi } from './client';
import { invalidates } from './invalidation';
import { storeItem } from './item-hooks';
import { placeItem } from './place-item';
import { keys } from './query-keys';
import type { Comment, Item, ItemPatch, MovedItem, MoveTarget } from './types';

export function useAddComment(ws: string, id: string) {
  return useMutation({
    mutationFn: (body: string) =>
      requestApi<Comment>(`/workspaces/${ws}/items/${id}/comments`, { method: 'POST', body: { body } }),
    meta: { invalidates: invalidates.commentAdded(ws) },
  });
}

export function usePatchItem(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; patch: ItemPatch }) =>
      requestApi<Item>(`/workspaces/${ws}/items/${input.id}`, {
        method: 'PATCH',
        body: { ...input.patch, version: input.version },
      }),
    onSuccess: (item) => storeItem(client, ws, item),
    meta: { invalidates: invalidates.itemPatched(ws) },
  });
}

export function useCreateItem(ws: string) {
  return useMutation({
    mutationFn: (body: { type: Item['type']; title: string; parentId?: string | null }) =>
      requestApi<Item>(`/workspaces/${ws}/items`, { method: 'POST', body }),
    meta: { invalidates: invalidates.itemCreated(ws) },
  });
}

/** Places an item in the product order: the list is reordered at once, then confirmed. */
export function useMoveItem(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; target: MoveTarget; rationale?: string }) =>
      requestApi<MovedItem>(`/workspaces/${ws}/items/${input.id}/move`, {
        method: 'POST',
        body: { ...input.target, ...(input.rationale ? { rationale: input.rationale } : {}) },
      }),
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: keys.items(ws) });
      const before = client.getQueriesData<Item[]>({ queryKey: keys.items(ws) });
      client.setQueriesData<Item[]>({ queryKey: keys.items(ws) }, (list) =>
        list ? placeItem(list, input.id, input.target) : list,
      );
      return { before };
    },
    onError: (_error, _input, context) => {
      for (const [key, data] of context?.before ?? []) client.setQueryData(key, data);
    },
    onSuccess: ({ decision: _decision, ...item }) => {
      storeItem(client, ws, item);
      refreshInboxSoon(client, ws);
    },
    meta: { invalidates: invalidates.itemMoved(ws) },
  });
}

let inboxTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Refreshes the inbox once a burst of moves is over: a product owner often moves many items in
 * a row, and recounting the inbox after each one would queue behind the next move.
 */
function refreshInboxSoon(client: QueryClient, ws: string): void {
  clearTimeout(inboxTimer);
  inboxTimer = setTimeout(() => void client.invalidateQueries({ queryKey: keys.inbox(ws) }), 1500);
}

export function useAddDependency(ws: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { dependsOnId: string; lagDays: number }) =>
      requestApi<Item>(`/workspaces/${ws}/items/${id}/dependencies`, { method: 'POST', body }),
    onSuccess: (item) => storeItem(client, ws, item),
    meta: { invalidates: invalidates.dependencyChanged(ws) },
  });
}

export function useRemoveDependency(ws: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (dependsOnId: string) =>
      requestApi<Item>(`/workspaces/${ws}/items/${id}/dependencies/${dependsOnId}`, { method: 'DELETE' }),
    onSuccess: (item) => storeItem(client, ws, item),
    meta: { invalidates: invalidates.dependencyChanged(ws) },
  });
}
