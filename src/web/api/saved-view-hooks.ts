import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError, requestApi } from './client';
import { invalidates } from './invalidation';
import { keys } from './query-keys';
import type { SavedView, SavedViewQuery } from './types';

/** The member's personal views and the workspace's shared ones, shared first. */
export function useSavedViews(ws: string) {
  return useQuery({
    queryKey: keys.savedViews(ws),
    queryFn: async () => (await requestApi<{ data: SavedView[] }>(`/workspaces/${ws}/saved-views`)).data,
  });
}

/** A view changed or deleted by someone else meanwhile: the list on screen is stale, load it again. */
function refreshWhenStale(client: QueryClient, ws: string, error: unknown): void {
  if (isApiError(error, 'version_conflict', 'not_found')) {
    void client.invalidateQueries({ queryKey: keys.savedViews(ws) });
  }
}

export function useCreateSavedView(ws: string) {
  return useMutation({
    mutationFn: (body: { name: string; shared: boolean; query: SavedViewQuery }) =>
      requestApi<SavedView>(`/workspaces/${ws}/saved-views`, { method: 'POST', body }),
    meta: { invalidates: invalidates.savedViewsChanged(ws) },
  });
}

export function useRenameSavedView(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; name: string }) =>
      requestApi<SavedView>(`/workspaces/${ws}/saved-views/${input.id}`, {
        method: 'PATCH',
        body: { version: input.version, name: input.name },
      }),
    onError: (error) => refreshWhenStale(client, ws, error),
    meta: { invalidates: invalidates.savedViewsChanged(ws) },
  });
}

export function useDeleteSavedView(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => requestApi<void>(`/workspaces/${ws}/saved-views/${id}`, { method: 'DELETE' }),
    onError: (error) => refreshWhenStale(client, ws, error),
    meta: { invalidates: invalidates.savedViewsChanged(ws) },
  });
}
