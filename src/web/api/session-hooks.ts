import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mayHaveSession, requestApi, setCsrfToken } from './client';
import { invalidates } from './invalidation';
import { keys } from './query-keys';
import type { Me, Session, Workspace } from './types';

/** The query behind useSession, shared with the start-up prefetch. */
export const sessionQuery = {
  queryKey: keys.session,
  queryFn: async (): Promise<Session | null> => {
    if (!mayHaveSession()) return null;
    try {
      const session = await requestApi<Session>('/auth/session');
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if ((error as { status?: number }).status === 401) return null;
      throw error;
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
};

/** The signed-in session, or null when nobody is signed in. */
export function useSession() {
  return useQuery(sessionQuery);
}

/**
 * Drops everything cached for the previous person, keeping the session query itself so the
 * components watching it see the new session.
 */
function forgetOtherQueries(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== keys.session[0] });
}

/** Signs in or up, then stores the session so the whole app sees it. */
export function useAuthenticate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { mode: 'signin' | 'signup'; email: string; password: string; name?: string }) =>
      requestApi<Session>(`/auth/${input.mode}`, {
        method: 'POST',
        body:
          input.mode === 'signup'
            ? { email: input.email, password: input.password, name: input.name ?? '' }
            : { email: input.email, password: input.password },
      }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      forgetOtherQueries(client);
      client.setQueryData(keys.session, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => requestApi<void>('/auth/signout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      forgetOtherQueries(client);
      client.setQueryData(keys.session, null);
    },
  });
}

export const meQuery = { queryKey: keys.me, queryFn: () => requestApi<Me>('/me') };

export function useMe() {
  return useQuery(meQuery);
}

export function useCreateWorkspace() {
  return useMutation({
    mutationFn: (name: string) => requestApi<Workspace>('/workspaces', { method: 'POST', body: { name } }),
    meta: { invalidates: invalidates.workspaceJoined() },
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (token: string) =>
      requestApi<Workspace>('/invitations/accept', { method: 'POST', body: { token } }),
    meta: { invalidates: invalidates.workspaceJoined() },
  });
}
