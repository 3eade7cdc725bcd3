import { useMutation, useQuery } from '@tanstack/react-query';
import type { ConnectedGithub, ConnectGithub, GithubConnection, GithubStatus } from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

export type { ConnectedGithub, GithubConnection };

/** The workspace's GitHub connection (never its token or secret), or null. */
export function useGithubConnection(ws: string) {
  return useQuery({
    queryKey: keys.github(ws),
    queryFn: async () => (await requestApi<GithubStatus>(`/workspaces/${ws}/github`)).connection,
  });
}

/** Connects a repository; the answer holds the webhook secret, which is never shown again. */
export function useConnectGithub(ws: string) {
  return useMutation({
    mutationFn: (input: ConnectGithub) =>
      requestApi<ConnectedGithub>(`/workspaces/${ws}/github`, { method: 'POST', body: input }),
    meta: { invalidates: invalidates.githubChanged(ws) },
  });
}

/** Syncs what changed since the last sync; a failure comes back in `lastSyncError`. */
export function useSyncGithub(ws: string) {
  return useMutation({
    mutationFn: () => requestApi<GithubConnection>(`/workspaces/${ws}/github/sync`, { method: 'POST' }),
    meta: { invalidates: invalidates.githubChanged(ws) },
  });
}

/** Disconnects: the token and secret are deleted; synced items stay. */
export function useDisconnectGithub(ws: string) {
  return useMutation({
    mutationFn: () => requestApi<void>(`/workspaces/${ws}/github`, { method: 'DELETE' }),
    meta: { invalidates: invalidates.githubChanged(ws) },
  });
}
