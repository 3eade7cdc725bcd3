import { useMutation, useQuery } from '@tanstack/react-query';
import type { HealthUpdate, HealthUpdateList, PostHealthUpdate } from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

export type { HealthUpdate };

/** The current call on every milestone that has one. */
export function useLatestHealthUpdates(ws: string) {
  return useQuery({
    queryKey: keys.roadmap.health(ws),
    queryFn: async ({ signal }) =>
      (await requestApi<HealthUpdateList>(`/workspaces/${ws}/health-updates/latest`, { signal })).data,
    staleTime: 15_000,
  });
}

/** One milestone's health updates, newest first. */
export function useHealthHistory(ws: string, itemId: string) {
  return useQuery({
    queryKey: keys.roadmap.healthOf(ws, itemId),
    queryFn: async ({ signal }) =>
      (await requestApi<HealthUpdateList>(`/workspaces/${ws}/items/${itemId}/health-updates`, { signal }))
        .data,
  });
}

/** Posts a call on a milestone (the roadmap decision); a stale base version answers 409. */
export function usePostHealthUpdate(ws: string, itemId: string) {
  return useMutation({
    mutationFn: (body: PostHealthUpdate) =>
      requestApi<HealthUpdate>(`/workspaces/${ws}/items/${itemId}/health-updates`, { method: 'POST', body }),
    meta: { invalidates: invalidates.healthUpdatePosted(ws) },
  });
}
