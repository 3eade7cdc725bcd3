import { useMutation, useQuery } from '@tanstack/react-query';
import { requestApi } from './client';
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

export function useCreateSavedView(ws: string) {
  return useMutation({
    mutationFn: (body: { name: string; shared: boolean; query: SavedViewQuery }) =>
      requestApi<SavedView>(`/workspaces/${ws}/saved-views`, { method: 'POST', body }),
    meta: { invalidates: invalidates.savedViewsChanged(ws) },
  });
}

export function useRenameSavedView(ws: string) {
  return useMutation({
    mutationFn: (input: { id: string; version: number; name: string }) =>
      requestApi<SavedView>(`/workspaces/${ws}/saved-views/${input.id}`, {
        method: 'PATCH',
        body: { version: input.version, name: input.name },
      }),
    meta: { invalidates: invalidates.savedViewsChanged(ws) },
  });
}

export function useDeleteSavedView(ws: string) {
  return useMutation({
    mutationFn: (id: string) => requestApi<void>(`/workspaces/${ws}/saved-views/${id}`, { method: 'DELETE' }),
    meta: { invalidates: invalidates.savedViewsChanged(ws) },
  });
}
