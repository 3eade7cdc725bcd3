import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mayHaveSession, requestApi, setCsrfToken } from './client';
import { takeEarlyFirstPage } from './early';
import { placeItem } from './place-item';
import type {
  Comment,
  DecisionLogEntry,
  DecisionRights,
  Inbox,
  Invitation,
  Item,
  ItemFilters,
  ItemPatch,
  Me,
  Member,
  MovedItem,
  MoveTarget,
  Page,
  Session,
  StateChange,
  Workspace,
} from './types';

export const keys = {
  session: ['session'] as const,
  me: ['me'] as const,
  members: (ws: string) => ['members', ws] as const,
  rights: (ws: string) => ['rights', ws] as const,
  inbox: (ws: string) => ['inbox', ws] as const,
  items: (ws: string) => ['items', ws] as const,
  itemList: (ws: string, filters: ItemFilters) => ['items', ws, filters] as const,
  item: (ws: string, id: string) => ['item', ws, id] as const,
  children: (ws: string, id: string) => ['children', ws, id] as const,
  history: (ws: string, id: string) => ['history', ws, id] as const,
  decisions: (ws: string, id: string) => ['decisions', ws, id] as const,
  /** Every decision-log query of a workspace: the item panels' and the log page's. */
  allDecisions: (ws: string) => ['decisions', ws] as const,
  slips: (ws: string) => ['slips', ws] as const,
  comments: (ws: string, id: string) => ['comments', ws, id] as const,
};

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
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => requestApi<Workspace>('/workspaces', { method: 'POST', body: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.me }),
  });
}

export function useAcceptInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      requestApi<Workspace>('/invitations/accept', { method: 'POST', body: { token } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.me }),
  });
}

export function useMembers(ws: string) {
  return useQuery({
    queryKey: keys.members(ws),
    queryFn: async () => (await requestApi<{ data: Member[] }>(`/workspaces/${ws}/members`)).data,
  });
}

export function useUpdateMember(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      userId: string;
      version: number;
      role?: Member['role'];
      fte?: number;
      skills?: string[];
    }) => {
      const { userId, ...body } = input;
      return requestApi<Member>(`/workspaces/${ws}/members/${userId}`, { method: 'PATCH', body });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.members(ws) });
      void client.invalidateQueries({ queryKey: keys.rights(ws) });
      markPlansStale(client, ws);
    },
  });
}

export function useCreateInvitation(ws: string) {
  return useMutation({
    mutationFn: (body: { role: Member['role']; fte: number; skills: string[]; email?: string }) =>
      requestApi<Invitation>(`/workspaces/${ws}/invitations`, { method: 'POST', body }),
  });
}

export function useDecisionRights(ws: string) {
  return useQuery({
    queryKey: keys.rights(ws),
    queryFn: () => requestApi<DecisionRights>(`/workspaces/${ws}/decision-rights`),
  });
}

export function useUpdateDecisionRights(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; matrix: DecisionRights['matrix']; rationale?: string }) =>
      requestApi<DecisionRights>(`/workspaces/${ws}/decision-rights`, { method: 'PUT', body }),
    onSuccess: (rights) => client.setQueryData(keys.rights(ws), rights),
  });
}

export function useInbox(ws: string) {
  return useQuery({
    queryKey: keys.inbox(ws),
    queryFn: () => requestApi<Inbox>(`/workspaces/${ws}/inbox`),
    staleTime: 5_000,
  });
}

const FIRST_PAGE = 100;
const NEXT_PAGES = 2000;

/**
 * The query for every item matching the filters, in product order. The first small page is
 * shown as soon as it arrives (so a 5,000-item backlog renders quickly); later pages are
 * appended as they come.
 */
export function itemsQuery(client: QueryClient, ws: string, filters: ItemFilters) {
  const queryKey = keys.itemList(ws, filters);
  return {
    queryKey,
    queryFn: async ({ signal }: { signal: AbortSignal }) => {
      let all: Item[] = [];
      let cursor: string | null = null;
      let first = true;
      const early = await takeEarlyFirstPage(ws, filters);
      do {
        const page: Page<Item> =
          first && early
            ? early
            : await requestApi<Page<Item>>(`/workspaces/${ws}/items`, {
                query: { ...filters, limit: first ? FIRST_PAGE : NEXT_PAGES, cursor },
                signal,
              });
        all = all.concat(page.data);
        cursor = page.nextCursor;
        if (cursor) client.setQueryData(queryKey, all);
        first = false;
      } while (cursor);
      return all;
    },
  };
}

export function useItems(ws: string, filters: ItemFilters) {
  const client = useQueryClient();
  return useQuery(itemsQuery(client, ws, filters));
}

export function useItem(ws: string, id: string | null) {
  return useQuery({
    queryKey: keys.item(ws, id ?? ''),
    queryFn: () => requestApi<Item>(`/workspaces/${ws}/items/${id}`),
    enabled: id !== null,
  });
}

export function useChildren(ws: string, id: string) {
  return useQuery({
    queryKey: keys.children(ws, id),
    queryFn: async () =>
      (await requestApi<Page<Item>>(`/workspaces/${ws}/items`, { query: { parentId: id, limit: 500 } })).data,
  });
}

export function useItemHistory(ws: string, id: string) {
  return useQuery({
    queryKey: keys.history(ws, id),
    queryFn: async () =>
      (await requestApi<{ data: StateChange[] }>(`/workspaces/${ws}/items/${id}/history`)).data,
  });
}

export function useItemDecisions(ws: string, id: string) {
  return useQuery({
    queryKey: keys.decisions(ws, id),
    queryFn: async () =>
      (
        await requestApi<Page<DecisionLogEntry>>(`/workspaces/${ws}/decisions`, {
          query: { itemId: id, limit: 50 },
        })
      ).data,
  });
}

export function useComments(ws: string, id: string) {
  return useQuery({
    queryKey: keys.comments(ws, id),
    queryFn: async () =>
      (await requestApi<{ data: Comment[] }>(`/workspaces/${ws}/items/${id}/comments`)).data,
  });
}

export function useAddComment(ws: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      requestApi<Comment>(`/workspaces/${ws}/items/${id}/comments`, { method: 'POST', body: { body } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.comments(ws, id) }),
  });
}

/** Puts a fresh copy of an item into every cached list and its own query. */
export function storeItem(client: QueryClient, ws: string, item: Item): void {
  client.setQueryData(keys.item(ws, item.id), item);
  client.setQueriesData<Item[]>({ queryKey: keys.items(ws) }, (list) =>
    list?.map((it) => (it.id === item.id ? item : it)),
  );
}

/**
 * Plans and forecasts depend on the order, the scope, the estimates and the team: after any of
 * those changes, their cached answers are stale and are asked again when next shown. (Keys as
 * the roadmap and forecasts features define them: ['roadmap', ws, …], ['forecasts', ws, …].)
 */
export function markPlansStale(client: QueryClient, ws: string): void {
  void client.invalidateQueries({ queryKey: ['roadmap', ws] });
  void client.invalidateQueries({ queryKey: ['forecasts', ws] });
}

/** After a write that may change history, decisions or the inbox, refresh those. */
function refreshAround(client: QueryClient, ws: string, id: string): void {
  void client.invalidateQueries({ queryKey: keys.history(ws, id) });
  void client.invalidateQueries({ queryKey: keys.allDecisions(ws) });
  void client.invalidateQueries({ queryKey: keys.inbox(ws) });
  void client.invalidateQueries({ queryKey: keys.slips(ws) });
}

export function usePatchItem(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; patch: ItemPatch }) =>
      requestApi<Item>(`/workspaces/${ws}/items/${input.id}`, {
        method: 'PATCH',
        body: { ...input.patch, version: input.version },
      }),
    onSuccess: (item) => {
      storeItem(client, ws, item);
      refreshAround(client, ws, item.id);
      markPlansStale(client, ws);
      if (item.parentId) void client.invalidateQueries({ queryKey: keys.children(ws, item.parentId) });
    },
  });
}

export function useCreateItem(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { type: Item['type']; title: string; parentId?: string | null }) =>
      requestApi<Item>(`/workspaces/${ws}/items`, { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.items(ws) });
      void client.invalidateQueries({ queryKey: keys.inbox(ws) });
      markPlansStale(client, ws);
    },
  });
}

/** Places an item in the product order: the list is reordered at once, then confirmed. */
export function useMoveItem(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; target: MoveTarget; rationale?: string }) =>
      requestApi<MovedItem>(`/workspaces/${ws}/items/${input.id}/move`, {
        method: 'POST',
        body: { ...input.target, ...(input.rationale ? { rationale: input.rationale } : {}) },
      }),
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: keys.items(ws) });
      const before = client.getQueriesData<Item[]>({ queryKey: keys.items(ws) });
      client.setQueriesData<Item[]>({ queryKey: keys.items(ws) }, (list) =>
        list ? placeItem(list, input.id, input.target) : list,
      );
      return { before };
    },
    onError: (_error, _input, context) => {
      for (const [key, data] of context?.before ?? []) client.setQueryData(key, data);
    },
    onSuccess: ({ decision: _decision, ...item }) => {
      storeItem(client, ws, item);
      refreshInboxSoon(client, ws);
      markPlansStale(client, ws);
      void client.invalidateQueries({ queryKey: keys.decisions(ws, item.id) });
    },
  });
}

let inboxTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Refreshes the inbox once a burst of moves is over: a product owner often moves many items in
 * a row, and recounting the inbox after each one would queue behind the next move.
 */
function refreshInboxSoon(client: QueryClient, ws: string): void {
  clearTimeout(inboxTimer);
  inboxTimer = setTimeout(() => void client.invalidateQueries({ queryKey: keys.inbox(ws) }), 1500);
}

export function useAddDependency(ws: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { dependsOnId: string; lagDays: number }) =>
      requestApi<Item>(`/workspaces/${ws}/items/${id}/dependencies`, { method: 'POST', body }),
    onSuccess: (item) => {
      storeItem(client, ws, item);
      refreshAround(client, ws, id);
    },
  });
}

export function useRemoveDependency(ws: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (dependsOnId: string) =>
      requestApi<Item>(`/workspaces/${ws}/items/${id}/dependencies/${dependsOnId}`, { method: 'DELETE' }),
    onSuccess: (item) => {
      storeItem(client, ws, item);
      refreshAround(client, ws, id);
    },
  });
}
