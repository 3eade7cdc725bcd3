import { useMutation, useQuery } from '@tanstack/react-query';
import type { AssignCycleItems, CreateCycle, Cycle, CycleList } from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

// Types only: the zod schemas stay out of the browser bundle.
export type { Cycle };

/** The workspace's cycles, earliest first, with capacity, committed and completed work. */
export function useCycles(ws: string) {
  return useQuery({
    queryKey: keys.cycles(ws),
    queryFn: async ({ signal }) => (await requestApi<CycleList>(`/workspaces/${ws}/cycles`, { signal })).data,
    staleTime: 15_000,
  });
}

/** Creates a cycle (the roadmap decision); days shared with another cycle answer 400. */
export function useCreateCycle(ws: string) {
  return useMutation({
    mutationFn: (body: CreateCycle) =>
      requestApi<Cycle>(`/workspaces/${ws}/cycles`, { method: 'POST', body }),
    meta: { invalidates: invalidates.cycleChanged(ws) },
  });
}

/** Closes a cycle from the version shown; its unfinished items carry over to the next open cycle. */
export function useCloseCycle(ws: string) {
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      requestApi<Cycle>(`/workspaces/${ws}/cycles/${id}/close`, { method: 'POST', body: { version } }),
    meta: { invalidates: invalidates.cycleChanged(ws) },
  });
}

/** Puts items into an open cycle or takes them out (the roadmap decision, logged). */
export function useAssignCycleItems(ws: string) {
  return useMutation({
    mutationFn: ({ cycleId, ...body }: AssignCycleItems & { cycleId: string }) =>
      requestApi<Cycle>(`/workspaces/${ws}/cycles/${cycleId}/items`, { method: 'POST', body }),
    meta: { invalidates: invalidates.cycleChanged(ws) },
  });
}
