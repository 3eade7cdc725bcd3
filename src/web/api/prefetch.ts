import type { QueryClient } from '@tanstack/react-query';
import { mayHaveSession, setCsrfToken } from './client';
import { itemsQuery } from './item-hooks';
import { meQuery, sessionQuery } from './session-hooks';
import type { Session } from './types';

const LAST_SLUG = 'headway.workspace';
const LAST_ID = 'headway.workspace-id';
const FILTER_PARAMS = ['type', 'state', 'assignee', 'label', 'q'];

/** Remembers the workspace last opened, so the next visit can start loading its backlog at once. */
export function rememberWorkspace(workspace: { id: string; slug: string }): void {
  localStorage.setItem(LAST_SLUG, workspace.slug);
  localStorage.setItem(LAST_ID, workspace.id);
}

/** The slug of the workspace last opened, if any. */
export function lastWorkspaceSlug(): string | null {
  return localStorage.getItem(LAST_SLUG);
}

/**
 * Starts the first requests together while React renders, instead of one after the other
 * (session, then me, then items): the backlog of the last workspace shows sooner.
 */
export function prefetchStart(client: QueryClient): void {
  // Signed out: nothing to start (the session query answers null without asking).
  if (!mayHaveSession()) return;
  const early = window.__headwayEarly;
  // Use the answers index.html asked for; on any failure ask again the ordinary way.
  void client.prefetchQuery({
    ...sessionQuery,
    queryFn: () =>
      early?.session ? early.session.then(storeSession, sessionQuery.queryFn) : sessionQuery.queryFn(),
  });
  void client.prefetchQuery({
    ...meQuery,
    queryFn: () => (early?.me ? early.me.catch(meQuery.queryFn) : meQuery.queryFn()),
  });
  if (early?.items) return;
  const match = /^\/w\/([^/]+)\/backlog\/?$/.exec(window.location.pathname);
  const params = new URLSearchParams(window.location.search);
  const id = localStorage.getItem(LAST_ID);
  if (match && id && match[1] === lastWorkspaceSlug() && !FILTER_PARAMS.some((p) => params.has(p))) {
    void client.prefetchQuery(itemsQuery(client, id, {}));
  }
}

function storeSession(session: Session): Session {
  setCsrfToken(session.csrfToken);
  return session;
}
