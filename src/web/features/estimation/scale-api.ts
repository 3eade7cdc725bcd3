import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EstimationScale, UpdateEstimationScale } from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

const scaleKey = keys.estimationScale;

/** The workspace's t-shirt ranges, or the default ones (`isDefault`). */
export function useEstimationScale(ws: string) {
  return useQuery({
    queryKey: scaleKey(ws),
    queryFn: () => requestApi<EstimationScale>(`/workspaces/${ws}/estimation-scale`),
  });
}

/** Replaces the workspace's t-shirt ranges (the estimates decision). */
export function useSaveEstimationScale(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateEstimationScale) =>
      requestApi<EstimationScale>(`/workspaces/${ws}/estimation-scale`, { method: 'PUT', body: input }),
    onSuccess: (scale) => client.setQueryData(scaleKey(ws), scale),
    meta: { invalidates: invalidates.estimationScaleSaved(ws) },
  });
}
