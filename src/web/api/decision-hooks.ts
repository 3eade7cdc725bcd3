import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { buildUrl, requestApi } from './client';
import { invalidates } from './invalidation';
import { keys } from './query-keys';
import type { DecisionLogEntry, DecisionLogFilters, Page, TargetDateSlip, WaitsOnWhom } from './types';

const LOG_PAGE = 50;

/** The workspace decision log, newest first, filtered; more pages load on demand. */
export function useDecisionLog(ws: string, filters: DecisionLogFilters) {
  return useInfiniteQuery({
    queryKey: keys.decisionLog(ws, filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      requestApi<Page<DecisionLogEntry>>(`/workspaces/${ws}/decisions`, {
        query: { ...filters, limit: LOG_PAGE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The address of the CSV export of the log with these filters (a plain GET with the session). */
export function decisionsCsvUrl(ws: string, filters: DecisionLogFilters): string {
  return buildUrl(`/workspaces/${ws}/decisions.csv`, { ...filters });
}

/** Gives or changes the why of one of my own recent decisions. */
export function useAmendRationale(ws: string) {
  return useMutation({
    mutationFn: (input: { id: string; version: number; rationale: string }) =>
      requestApi<DecisionLogEntry>(`/workspaces/${ws}/decisions/${input.id}/rationale`, {
        method: 'POST',
        body: { version: input.version, rationale: input.rationale },
      }),
    meta: { invalidates: invalidates.rationaleAmended(ws) },
  });
}

/** What waits on whom: per person, what waits on their decision. */
export function useWaitsOnWhom(ws: string) {
  return useQuery({
    queryKey: keys.waitsOnWhom(ws),
    queryFn: () => requestApi<WaitsOnWhom>(`/workspaces/${ws}/waiting`),
  });
}

/** Slips of committed target dates, newest first (all of the workspace's: there are few). */
export function useSlips(ws: string) {
  return useQuery({
    queryKey: keys.slips(ws),
    queryFn: () => requestApi<TargetDateSlip[]>(`/workspaces/${ws}/slips`),
  });
}
