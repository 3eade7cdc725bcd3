import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  ModeratePortal,
  PortalQueue,
  PortalReceipt,
  PortalSettings,
  PortalStopped,
  PortalSubmission,
  PortalSubmissionView,
  PortalVerified,
  PublicPortal,
  UpdatePortal,
} from '../../../contract';
import { requestApi } from '../../api/client';
import { keys } from '../../api/query-keys';

const publicPath = (slug: string) => `/public/portal/${encodeURIComponent(slug)}`;

/** A published portal's ideas, as anyone reads them (no session needed). */
export function usePublicPortal(slug: string) {
  return useQuery({
    queryKey: keys.publicPortal(slug),
    queryFn: ({ signal }) => requestApi<PublicPortal>(publicPath(slug), { signal }),
    retry: false,
  });
}

/** Sends an idea, evidence, a vote or a follow: a link to confirm goes to the e-mail. */
export function useSubmitToPortal(slug: string) {
  return useMutation({
    mutationFn: (submission: PortalSubmission) =>
      requestApi<PortalReceipt>(`${publicPath(slug)}/submissions`, { method: 'POST', body: submission }),
  });
}

/** Confirms a submission with the token of the link mailed to the visitor. */
export function useVerifyPortal(slug: string) {
  return useMutation({
    mutationFn: (token: string) =>
      requestApi<PortalVerified>(`${publicPath(slug)}/verify`, { method: 'POST', body: { token } }),
  });
}

/** Stops every notice from the portal to the address a notice went to, with its stop link's token. */
export function useStopPortalNotices(slug: string) {
  return useMutation({
    mutationFn: (token: string) =>
      requestApi<PortalStopped>(`${publicPath(slug)}/stop`, { method: 'POST', body: { token } }),
  });
}

/** The workspace's portal setting and its moderation queue. */
export function usePortalSettings(ws: string) {
  return useQuery({
    queryKey: [...keys.portal(ws), 'settings'],
    queryFn: ({ signal }) => requestApi<PortalSettings>(`/workspaces/${ws}/portal`, { signal }),
  });
}

export function usePortalQueue(ws: string) {
  return useQuery({
    queryKey: [...keys.portal(ws), 'queue'],
    queryFn: ({ signal }) => requestApi<PortalQueue>(`/workspaces/${ws}/portal/submissions`, { signal }),
  });
}

/** Publishes or unpublishes the portal. */
export function useUpdatePortal(ws: string) {
  return useMutation({
    mutationFn: (input: UpdatePortal) =>
      requestApi<PortalSettings>(`/workspaces/${ws}/portal`, { method: 'PUT', body: input }),
    meta: { invalidates: [keys.portal(ws)] },
  });
}

/** Approves (it becomes evidence, a new idea an item) or rejects a submission. */
export function useModeratePortal(ws: string) {
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'approve' | 'reject'; body: ModeratePortal }) =>
      requestApi<PortalSubmissionView>(`/workspaces/${ws}/portal/submissions/${id}/${action}`, {
        method: 'POST',
        body,
      }),
    meta: { invalidates: [keys.ideas(ws)] },
  });
}
