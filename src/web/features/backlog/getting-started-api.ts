import { useMutation, useQuery } from '@tanstack/react-query';
import type { GettingStarted, SampleData } from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

/** The workspace's first steps, each done when the workspace shows it; read afresh on every visit. */
export function useGettingStarted(ws: string) {
  return useQuery({
    queryKey: keys.gettingStarted(ws),
    queryFn: () => requestApi<GettingStarted>(`/workspaces/${ws}/getting-started`),
    staleTime: 0,
  });
}

/** Loads the sample backlog into the (empty) workspace; the founder's to do. */
export function useAddSampleData(ws: string) {
  return useMutation({
    mutationFn: () => requestApi<SampleData>(`/workspaces/${ws}/sample-data`, { method: 'POST' }),
    meta: { invalidates: invalidates.sampleDataAdded(ws) },
  });
}
