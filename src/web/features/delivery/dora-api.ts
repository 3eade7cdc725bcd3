import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { CreatedIngestToken, DoraMeasuresView, IngestToken } from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

// Types only: the zod schemas stay out of the browser bundle.
export type { CreatedIngestToken, DoraMeasuresView, IngestToken };

/** The DORA measures of a period, as GET /dora computes them from the recorded events. */
export function useDoraMeasures(ws: string, from: string, to: string) {
  return useQuery({
    queryKey: keys.metrics.dora(ws, from, to),
    queryFn: ({ signal }) =>
      requestApi<DoraMeasuresView>(`/workspaces/${ws}/dora`, { query: { from, to }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The workspace's ingest tokens (never their secrets), newest first. */
export function useIngestTokens(ws: string) {
  return useQuery({
    queryKey: keys.ingestTokens(ws),
    queryFn: async () => (await requestApi<{ data: IngestToken[] }>(`/workspaces/${ws}/ingest-tokens`)).data,
  });
}

/** Creates an ingest token; the answer holds its secret, which is never shown again. */
export function useCreateIngestToken(ws: string) {
  return useMutation({
    mutationFn: (name: string) =>
      requestApi<CreatedIngestToken>(`/workspaces/${ws}/ingest-tokens`, { method: 'POST', body: { name } }),
    meta: { invalidates: invalidates.ingestTokensChanged(ws) },
  });
}

/** Revokes an ingest token; events sent with it are refused at once. */
export function useRevokeIngestToken(ws: string) {
  return useMutation({
    mutationFn: (id: string) =>
      requestApi<void>(`/workspaces/${ws}/ingest-tokens/${id}`, { method: 'DELETE' }),
    meta: { invalidates: invalidates.ingestTokensChanged(ws) },
  });
}
