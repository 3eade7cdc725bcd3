import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptSessionEstimate,
  CastEstimationVote,
  CreateEstimationSession,
  EstimationSession,
  EstimationSessionSummary,
} from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

const sessionsKey = keys.estimationSessions.all;
const sessionKey = keys.estimationSessions.one;

/** The workspace's estimation sessions, newest first. */
export function useEstimationSessions(ws: string) {
  return useQuery({
    queryKey: sessionsKey(ws),
    queryFn: () =>
      requestApi<{ data: EstimationSessionSummary[] }>(`/workspaces/${ws}/estimation-sessions`).then(
        (r) => r.data,
      ),
  });
}

/** One session as the caller may see it; polled while open so new voters show up. */
export function useEstimationSession(ws: string, id: string | null) {
  return useQuery({
    queryKey: sessionKey(ws, id ?? ''),
    queryFn: () => requestApi<EstimationSession>(`/workspaces/${ws}/estimation-sessions/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.state === 'open' ? 5000 : false),
  });
}

function useSessionWrite<TInput>(
  ws: string,
  path: (input: TInput) => string,
  body?: (input: TInput) => unknown,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) =>
      requestApi<EstimationSession>(`/workspaces/${ws}/estimation-sessions${path(input)}`, {
        method: 'POST',
        body: body ? body(input) : {},
      }),
    onSuccess: (session) => client.setQueryData(sessionKey(ws, session.id), session),
    meta: { invalidates: invalidates.estimationSessionChanged(ws) },
  });
}

/** Starts a session on some items. */
export function useCreateEstimationSession(ws: string) {
  return useSessionWrite<CreateEstimationSession>(
    ws,
    () => '',
    (input) => input,
  );
}

/** Casts or changes the caller's vote on one item. */
export function useCastVote(ws: string, sessionId: string) {
  return useSessionWrite<CastEstimationVote>(
    ws,
    () => `/${sessionId}/votes`,
    (input) => input,
  );
}

/** Reveals every vote at once. */
export function useRevealSession(ws: string, sessionId: string) {
  return useSessionWrite<void>(ws, () => `/${sessionId}/reveal`);
}

/** Accepts an estimate for one item; the item and its decision log change too. */
export function useAcceptEstimate(ws: string, sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptSessionEstimate) =>
      requestApi<EstimationSession>(`/workspaces/${ws}/estimation-sessions/${sessionId}/accept`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: (session) => client.setQueryData(sessionKey(ws, session.id), session),
    meta: { invalidates: invalidates.estimateAccepted(ws) },
    // A stale item version: reload the session so the next try uses the current one.
    onError: () => void client.invalidateQueries({ queryKey: sessionKey(ws, sessionId) }),
  });
}
