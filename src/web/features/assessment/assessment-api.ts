import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AppliedAssessmentRights,
  Assessment,
  AssessmentComparisonView,
  AssessmentPrefill,
  AssessmentSummary,
  AssessmentVariant,
  Questionnaire,
} from '../../../contract';
import { buildUrl, requestApi } from '../../api/client';
import { keys } from '../../api/hooks';
import type { DecisionLogEntry, Page } from '../../api/types';

export type {
  AppliedAssessmentRights,
  Assessment,
  AssessmentComparisonView,
  AssessmentSummary,
  Questionnaire,
};
export type Report = Assessment['report'];
export type Finding = Report['findings'][number];
export type PlannedAction = Report['plan']['horizons'][number]['actions'][number];
export type AnswerValue = string | number | string[];
export type Question = Questionnaire['questions'][number];

const base = (ws: string) => `/workspaces/${ws}/assessments`;

export const assessmentKeys = {
  all: (ws: string) => ['assessments', ws] as const,
  list: (ws: string) => ['assessments', ws, 'list'] as const,
  one: (ws: string, n: number) => ['assessments', ws, 'one', n] as const,
  compare: (ws: string, from: number, to: number) => ['assessments', ws, 'compare', from, to] as const,
  questionnaire: (ws: string, v: AssessmentVariant) => ['assessments', ws, 'questionnaire', v] as const,
  prefill: (ws: string, v: AssessmentVariant) => ['assessments', ws, 'prefill', v] as const,
  log: (ws: string) => ['assessments', ws, 'decision-log'] as const,
};

/** The questionnaire (short or full) as data: areas and questions in asking order. */
export function useQuestionnaire(ws: string, variant: AssessmentVariant) {
  return useQuery({
    queryKey: assessmentKeys.questionnaire(ws, variant),
    queryFn: () => requestApi<Questionnaire>(`${base(ws)}/questionnaire`, { query: { variant } }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Answers Headway can prefill from the workspace, with where each came from. */
export function usePrefill(ws: string, variant: AssessmentVariant) {
  return useQuery({
    queryKey: assessmentKeys.prefill(ws, variant),
    queryFn: () => requestApi<AssessmentPrefill>(`${base(ws)}/prefill`, { query: { variant } }),
    // A fresh prefill every time the wizard opens: the team may have changed since.
    staleTime: 0,
    gcTime: 0,
  });
}

/** The workspace's assessments, newest first. */
export function useAssessments(ws: string) {
  return useQuery({
    queryKey: assessmentKeys.list(ws),
    queryFn: async () => (await requestApi<{ data: AssessmentSummary[] }>(base(ws))).data,
  });
}

/** One stored assessment with its report. */
export function useAssessment(ws: string, number: number) {
  return useQuery({
    queryKey: assessmentKeys.one(ws, number),
    queryFn: () => requestApi<Assessment>(`${base(ws)}/${number}`),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: Number.isInteger(number) && number > 0,
  });
}

/** What changed between two assessments. */
export function useComparison(ws: string, from: number, to: number) {
  return useQuery({
    queryKey: assessmentKeys.compare(ws, from, to),
    queryFn: () => requestApi<AssessmentComparisonView>(`${base(ws)}/compare`, { query: { from, to } }),
    enabled: from > 0 && to > 0 && from !== to,
  });
}

/** Answers the questionnaire: the server validates, assesses and stores the next assessment. */
export function useCreateAssessment(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { variant: AssessmentVariant; answers: Record<string, unknown>; doraYear?: number }) =>
      requestApi<Assessment>(base(ws), { method: 'POST', body }),
    onSuccess: (created) => {
      client.setQueryData(assessmentKeys.one(ws, created.number), created);
      void client.invalidateQueries({ queryKey: assessmentKeys.list(ws) });
    },
  });
}

/** Previews (preview: true) or applies the decision rights an assessment's plan implies. */
export function useApplyDecisionRights(ws: string, number: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; rationale?: string; preview: boolean }) =>
      requestApi<AppliedAssessmentRights>(`${base(ws)}/${number}/apply-decision-rights`, {
        method: 'POST',
        query: { preview: input.preview ? 'true' : undefined },
        body: { version: input.version, ...(input.rationale ? { rationale: input.rationale } : {}) },
      }),
    onSuccess: (result) => {
      if (!result.applied) return;
      void client.invalidateQueries({ queryKey: keys.rights(ws) });
      void client.invalidateQueries({ queryKey: assessmentKeys.log(ws) });
    },
  });
}

/** The newest entries of the workspace's decision log (to show the one an apply recorded). */
export function useRecentDecisions(ws: string, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.log(ws),
    queryFn: async () =>
      (await requestApi<Page<DecisionLogEntry>>(`/workspaces/${ws}/decisions`, { query: { limit: 10 } }))
        .data,
    enabled,
  });
}

/** The address of a rendered report (Markdown, print-ready HTML or JSON). */
export function reportUrl(ws: string, number: number, format: 'md' | 'html' | 'json'): string {
  return buildUrl(`${base(ws)}/${number}/report`, { format });
}
