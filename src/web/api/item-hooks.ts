import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildUrl, requestApi } from './client';
import { takeEarlyFirstPage } from './early';
import { keys } from './query-keys';
import type { Comment, DecisionLogEntry, Inbox, Item, ItemFilters, Page, StateChange } from './types';

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

/** Puts a fresh copy of an item into every cached list and its own query. */
export function storeItem(client: QueryClient, ws: string, item: Item): void {
  client.setQueryData(keys.item(ws, item.id), item);
  client.setQueriesData<Item[]>({ queryKey: keys.items(ws) }, (list) =>
    list?.map((it) => (it.id === item.id ? item : it)),
  );
}

const SEARCH_LIMIT = 8;

/** The first few items whose number, title or description match `q`; idle while `q` is blank. */
export function useItemSearch(ws: string, q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: keys.itemSearch(ws, query),
    queryFn: async ({ signal }) =>
      (
        await requestApi<Page<Item>>(`/workspaces/${ws}/items`, {
          query: { q: query, limit: SEARCH_LIMIT },
          signal,
        })
      ).data,
    enabled: query.length > 0,
    staleTime: 5_000,
  });
}

/** The first `count` open items of the product order; idle until `enabled`. */
export function useTopItems(ws: string, count: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.topItems(ws, count),
    queryFn: async ({ signal }) =>
      (await requestApi<Page<Item>>(`/workspaces/${ws}/items`, { query: { limit: count * 2 }, signal })).data
        .filter((it) => it.state !== 'done' && it.state !== 'cancelled')
        .slice(0, count),
    enabled,
    staleTime: 5_000,
  });
}

/**
 * The address of the CSV export of a backlog view: its filters, and done and cancelled items
 * when the view shows them (a plain GET with the session, saved under the server's file name).
 */
export function backlogCsvUrl(ws: string, filters: ItemFilters, showClosed: boolean): string {
  return buildUrl(`/workspaces/${ws}/items/export.csv`, {
    ...filters,
    closed: showClosed ? 'show' : undefined,
  });
}
