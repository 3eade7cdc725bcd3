import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AppliedRanking,
  Ranking,
  RankingComparison,
  RankSensitivityReport,
  ScoringFormula,
} from '../../../contract';
import { requestApi } from '../../api/client';
import { keys } from '../../api/hooks';
import type { DecisionLogEntry, Page } from '../../api/types';

export const prioritizationKeys = {
  all: (ws: string) => ['prioritization', ws] as const,
  ranking: (ws: string, framework: string) => ['prioritization', ws, 'ranking', framework] as const,
  compare: (ws: string, a: string, b: string) => ['prioritization', ws, 'compare', a, b] as const,
  sensitivity: (ws: string, framework: string) => ['prioritization', ws, 'sensitivity', framework] as const,
  formulas: (ws: string) => ['prioritization', ws, 'formulas'] as const,
  log: (ws: string) => ['prioritization', ws, 'log'] as const,
};

/** Recomputes every ranking, comparison and sensitivity after scores or the order changed. */
export function refreshRankings(client: QueryClient, ws: string): void {
  void client.invalidateQueries({ queryKey: prioritizationKeys.all(ws) });
}

/** The open backlog ranked by a framework (or `formula:<id>`). */
export function useRanking(ws: string, framework: string) {
  return useQuery({
    queryKey: prioritizationKeys.ranking(ws, framework),
    queryFn: () => requestApi<Ranking>(`/workspaces/${ws}/ranking`, { query: { framework } }),
    // Keep the table on screen while a new score recomputes the order.
    placeholderData: keepPreviousData,
  });
}

/** Two orders compared: rank correlation and the items that move most. */
export function useComparison(ws: string, a: string, b: string) {
  return useQuery({
    queryKey: prioritizationKeys.compare(ws, a, b),
    queryFn: () =>
      requestApi<RankingComparison>(`/workspaces/${ws}/ranking/compare`, { query: { a, b, movers: 8 } }),
    placeholderData: keepPreviousData,
  });
}

/** Which one-step input changes would change the top 10. */
export function useSensitivity(ws: string, framework: string) {
  return useQuery({
    queryKey: prioritizationKeys.sensitivity(ws, framework),
    queryFn: () =>
      requestApi<RankSensitivityReport>(`/workspaces/${ws}/ranking/sensitivity`, {
        query: { framework, top: 10 },
      }),
    placeholderData: keepPreviousData,
  });
}

/** Rewrites the manual order to the computed one (the backlog_order decision). */
export function useApplyRanking(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { framework: string; rationale?: string; expectedOrderVersion: string }) =>
      requestApi<AppliedRanking>(`/workspaces/${ws}/ranking/apply`, { method: 'POST', body }),
    onSettled: () => {
      refreshRankings(client, ws);
      void client.invalidateQueries({ queryKey: keys.items(ws) });
      void client.invalidateQueries({ queryKey: ['decisions', ws] });
      void client.invalidateQueries({ queryKey: keys.inbox(ws) });
    },
  });
}

/** Workspace-wide prioritization decisions (applied orders, formula changes), newest first. */
export function usePrioritizationLog(ws: string) {
  return useQuery({
    queryKey: prioritizationKeys.log(ws),
    queryFn: async () => {
      const page = await requestApi<Page<DecisionLogEntry>>(`/workspaces/${ws}/decisions`, {
        query: { limit: 50, decision: 'backlog_order,prioritization_method', workspaceWide: 'true' },
      });
      return page.data;
    },
  });
}

export function useFormulas(ws: string) {
  return useQuery({
    queryKey: prioritizationKeys.formulas(ws),
    queryFn: async () => (await requestApi<{ data: ScoringFormula[] }>(`/workspaces/${ws}/formulas`)).data,
  });
}

export function useSaveFormula(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; name: string; expression: string }) =>
      input.id
        ? requestApi<ScoringFormula>(`/workspaces/${ws}/formulas/${input.id}`, {
            method: 'PATCH',
            body: { version: input.version, name: input.name, expression: input.expression },
          })
        : requestApi<ScoringFormula>(`/workspaces/${ws}/formulas`, {
            method: 'POST',
            body: { name: input.name, expression: input.expression },
          }),
    onSuccess: () => refreshRankings(client, ws),
  });
}

export function useDeleteFormula(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => requestApi<void>(`/workspaces/${ws}/formulas/${id}`, { method: 'DELETE' }),
    onSuccess: () => refreshRankings(client, ws),
  });
}
