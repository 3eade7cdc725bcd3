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
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';
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

/** The questionnaire (short or full) as data: areas and questions in asking order. */
export function useQuestionnaire(ws: string, variant: AssessmentVariant) {
  return useQuery({
    queryKey: keys.assessments.questionnaire(ws, variant),
    queryFn: () => requestApi<Questionnaire>(`${base(ws)}/questionnaire`, { query: { variant } }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Answers Headway can prefill from the workspace, with where each came from. */
export function usePrefill(ws: string, variant: AssessmentVariant) {
  return useQuery({
    queryKey: keys.assessments.prefill(ws, variant),
    queryFn: () => requestApi<AssessmentPrefill>(`${base(ws)}/prefill`, { query: { variant } }),
    // A fresh prefill every time the wizard opens: the team may have changed since.
    staleTime: 0,
    gcTime: 0,
  });
}

/** The workspace's assessments, newest first. */
export function useAssessments(ws: string) {
  return useQuery({
    queryKey: keys.assessments.list(ws),
    queryFn: async () => (await requestApi<{ data: AssessmentSummary[] }>(base(ws))).data,
  });
}

/** One stored assessment with its report. */
export function useAssessment(ws: string, number: number) {
  return useQuery({
    queryKey: keys.assessments.one(ws, number),
    queryFn: () => requestApi<Assessment>(`${base(ws)}/${number}`),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: Number.isInteger(number) && number > 0,
  });
}

/** What changed between two assessments. */
export function useComparison(ws: string, from: number, to: number) {
  return useQuery({
    queryKey: keys.assessments.compare(ws, from, to),
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
    onSuccess: (created) => client.setQueryData(keys.assessments.one(ws, created.number), created),
    meta: { invalidates: invalidates.assessmentCreated(ws) },
  });
}

/** Previews (preview: true) or applies the decision rights an assessment's plan implies. */
export function useApplyDecisionRights(ws: string, number: number) {
  return useMutation({
    mutationFn: (input: { version: number; rationale?: string; preview: boolean }) =>
      requestApi<AppliedAssessmentRights>(`${base(ws)}/${number}/apply-decision-rights`, {
        method: 'POST',
        query: { preview: input.preview ? 'true' : undefined },
        body: { version: input.version, ...(input.rationale ? { rationale: input.rationale } : {}) },
      }),
    meta: { invalidates: invalidates.assessmentRightsApplied(ws) },
  });
}

/** The newest entries of the workspace's decision log (to show the one an apply recorded). */
export function useRecentDecisions(ws: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.assessments.log(ws),
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
