import { useMutation, useQuery } from '@tanstack/react-query';
import type { AssessmentLead, AssessmentLink, CreatedAssessmentLink } from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

export type { AssessmentLead, AssessmentLink, CreatedAssessmentLink };

/** The workspace's published assessment links (never their addresses), newest first. */
export function useAssessmentLinks(ws: string) {
  return useQuery({
    queryKey: keys.assessmentLinks(ws),
    queryFn: async () =>
      (await requestApi<{ data: AssessmentLink[] }>(`/workspaces/${ws}/assessment-links`)).data,
  });
}

/** Publishes a link; the answer holds its secret address, which is never shown again. */
export function useCreateAssessmentLink(ws: string) {
  return useMutation({
    mutationFn: (name: string) =>
      requestApi<CreatedAssessmentLink>(`/workspaces/${ws}/assessment-links`, {
        method: 'POST',
        body: { name },
      }),
    meta: { invalidates: invalidates.assessmentLinksChanged(ws) },
  });
}

/** Revokes a link; its page answers "not available" at once. */
export function useRevokeAssessmentLink(ws: string) {
  return useMutation({
    mutationFn: (id: string) =>
      requestApi<void>(`/workspaces/${ws}/assessment-links/${id}`, { method: 'DELETE' }),
    meta: { invalidates: invalidates.assessmentLinksChanged(ws) },
  });
}

/** Visitors who shared their answers, newest first. */
export function useAssessmentLeads(ws: string) {
  return useQuery({
    queryKey: keys.assessmentLeads(ws),
    queryFn: async () =>
      (await requestApi<{ data: AssessmentLead[] }>(`/workspaces/${ws}/assessment-leads`)).data,
  });
}

/** Forgets a lead: its e-mail, answers and report. */
export function useDeleteAssessmentLead(ws: string) {
  return useMutation({
    mutationFn: (id: string) =>
      requestApi<void>(`/workspaces/${ws}/assessment-leads/${id}`, { method: 'DELETE' }),
    meta: { invalidates: invalidates.assessmentLeadsChanged(ws) },
  });
}
