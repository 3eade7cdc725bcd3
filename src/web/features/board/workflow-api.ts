import { useMutation, useQuery } from '@tanstack/react-query';
import type { CreateWorkflowState, UpdateWorkflowState, Workflow, WorkflowState } from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

// Types only: the zod schemas stay out of the browser bundle.
export type { Workflow, WorkflowState };

/** The workspace's workflow states in board order, with their WIP limits and item counts. */
export function useWorkflow(ws: string) {
  return useQuery({
    queryKey: keys.workflow(ws),
    queryFn: async ({ signal }) =>
      (await requestApi<Workflow>(`/workspaces/${ws}/workflow`, { signal })).states,
  });
}

/** Adds a state (the technical approach decision). */
export function useCreateWorkflowState(ws: string) {
  return useMutation({
    mutationFn: (body: CreateWorkflowState) =>
      requestApi<WorkflowState>(`/workspaces/${ws}/workflow/states`, { method: 'POST', body }),
    meta: { invalidates: invalidates.workflowChanged(ws) },
  });
}

/** Renames a state, moves it or sets its WIP limit, from the version shown. */
export function useUpdateWorkflowState(ws: string) {
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateWorkflowState & { id: string }) =>
      requestApi<WorkflowState>(`/workspaces/${ws}/workflow/states/${id}`, { method: 'PATCH', body }),
    meta: { invalidates: invalidates.workflowChanged(ws) },
  });
}

/** Removes a state; its items go to `moveTo`, another state of the same built-in state. */
export function useRemoveWorkflowState(ws: string) {
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; moveTo?: string }) =>
      requestApi<{ movedItems: string[] }>(`/workspaces/${ws}/workflow/states/${id}/remove`, {
        method: 'POST',
        body,
      }),
    meta: { invalidates: invalidates.workflowChanged(ws) },
  });
}
