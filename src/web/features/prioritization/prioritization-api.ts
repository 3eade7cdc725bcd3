import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AppliedRanking,
  Ranking,
  RankingComparison,
  RankSensitivityReport,
  ScoringFormula,
} from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';
import type { DecisionLogEntry, Page } from '../../api/types';

/** The open backlog ranked by a framework (or `formula:<id>`). */
export function useRanking(ws: string, framework: string) {
  return useQuery({
    queryKey: keys.prioritization.ranking(ws, framework),
    queryFn: () => requestApi<Ranking>(`/workspaces/${ws}/ranking`, { query: { framework } }),
    // Keep the table on screen while a new score recomputes the order.
    placeholderData: keepPreviousData,
  });
}

/** Two orders compared: rank correlation and the items that move most. */
export function useComparison(ws: string, a: string, b: string) {
  return useQuery({
    queryKey: keys.prioritization.compare(ws, a, b),
    queryFn: () =>
      requestApi<RankingComparison>(`/workspaces/${ws}/ranking/compare`, { query: { a, b, movers: 8 } }),
    placeholderData: keepPreviousData,
  });
}

/** How many places the Prioritize page calls "the top". */
export const SENSITIVITY_TOP = 10;

/** Which input changes (one step, or a score from evidence at an end of its interval) would change the top. */
export function useSensitivity(ws: string, framework: string) {
  return useQuery({
    queryKey: keys.prioritization.sensitivity(ws, framework),
    queryFn: () =>
      requestApi<RankSensitivityReport>(`/workspaces/${ws}/ranking/sensitivity`, {
        query: { framework, top: SENSITIVITY_TOP },
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
    meta: { invalidates: invalidates.rankingApplied(ws) },
    // Refused (the order changed meanwhile, say): ask for the ranking and its order version again.
    onError: () => void client.invalidateQueries({ queryKey: keys.prioritization.all(ws) }),
  });
}

/** Workspace-wide prioritization decisions (applied orders, formula changes), newest first. */
export function usePrioritizationLog(ws: string) {
  return useQuery({
    queryKey: keys.prioritization.log(ws),
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
    queryKey: keys.prioritization.formulas(ws),
    queryFn: async () => (await requestApi<{ data: ScoringFormula[] }>(`/workspaces/${ws}/formulas`)).data,
  });
}

export function useSaveFormula(ws: string) {
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
    meta: { invalidates: invalidates.formulaChanged(ws) },
  });
}

export function useDeleteFormula(ws: string) {
  return useMutation({
    mutationFn: (id: string) => requestApi<void>(`/workspaces/${ws}/formulas/${id}`, { method: 'DELETE' }),
    meta: { invalidates: invalidates.formulaChanged(ws) },
  });
}
