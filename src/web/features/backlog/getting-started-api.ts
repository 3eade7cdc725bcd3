import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GettingStarted, SampleData } from '../../../contract';
import { requestApi } from '../../api/client';
import { keys } from '../../api/hooks';

const checklistKey = (ws: string) => ['getting-started', ws] as const;

/** The workspace's first steps, each done when the workspace shows it; read afresh on every visit. */
export function useGettingStarted(ws: string) {
  return useQuery({
    queryKey: checklistKey(ws),
    queryFn: () => requestApi<GettingStarted>(`/workspaces/${ws}/getting-started`),
    staleTime: 0,
  });
}

/** Loads the sample backlog into the (empty) workspace; the founder's to do. */
export function useAddSampleData(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => requestApi<SampleData>(`/workspaces/${ws}/sample-data`, { method: 'POST' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.items(ws) });
      void client.invalidateQueries({ queryKey: keys.inbox(ws) });
      void client.invalidateQueries({ queryKey: checklistKey(ws) });
    },
  });
}
