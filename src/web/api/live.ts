import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { LiveEvent } from '../../contract';
import { invalidates } from './invalidation';
import { keys } from './query-keys';

/** Events arriving within this long are applied together (a replay, a burst of moves). */
const BATCH_MS = 100;
/** How long to wait before opening a stream again that the server refused or ended for good. */
const REOPEN_MS = 30_000;
/**
 * A tab hidden this long lets its stream go: over HTTP/1.1 a browser opens at most six connections
 * to a server, and tabs left in the background must not hold them all. Shown again, it resumes
 * from the last event it saw, so nothing is missed.
 */
const HIDDEN_CLOSE_MS = 60_000;

/**
 * The queries another member's change makes stale in this tab: the ones the same write makes
 * stale in the writer's own tab (`invalidates`, the one table of what a write changes), plus the
 * items it names, which the writer's answer carried to its own tab but not to this one.
 */
export function staleAfter(event: LiveEvent): QueryKey[] {
  const ws = event.workspaceId;
  if (event.kind === 'ready' || event.kind === 'reset') return [];
  const declared = invalidates[event.kind](ws);
  if (event.itemIds.length === 0) return declared;
  return [...declared, keys.items(ws), keys.inbox(ws), ...event.itemIds.map((id) => keys.item(ws, id))];
}

/** Every cached query of a workspace: keys start with their resource, then the workspace. */
function isOfWorkspace(ws: string) {
  return (query: { queryKey: QueryKey }) => query.queryKey[1] === ws;
}

/**
 * Applies live events to the query cache in batches. While this tab's own writes are on their
 * way it waits, so a refetch does not overwrite an optimistic change (a move) with an answer read
 * before it; the write's own invalidation follows, and an invalidation twice is harmless.
 */
class StaleQueue {
  private readonly pending = new Map<string, QueryKey>();
  private everything = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: QueryClient,
    private readonly ws: string,
  ) {}

  add(event: LiveEvent): void {
    if (event.kind === 'reset') this.everything = true;
    for (const key of staleAfter(event)) this.pending.set(JSON.stringify(key), key);
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.client.isMutating() > 0) {
      this.schedule();
      return;
    }
    if (this.everything) void this.client.invalidateQueries({ predicate: isOfWorkspace(this.ws) });
    else for (const queryKey of this.pending.values()) void this.client.invalidateQueries({ queryKey });
    this.everything = false;
    this.pending.clear();
  }
}

/**
 * Keeps an open workspace current: one EventSource on its live events, whose changes (made in
 * another tab, by another member, through another server) make the same queries stale as the
 * write would in the writer's tab. The browser reconnects by itself with the last event id, so
 * nothing is missed; a stream the server refused is opened again later from that id.
 */
export function useLiveUpdates(ws: string): void {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const queue = new StaleQueue(client, ws);
    let source: EventSource | undefined;
    let lastId: string | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let hiddenSince: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      const after = lastId === undefined ? '' : `?after=${encodeURIComponent(lastId)}`;
      source = new EventSource(`/api/workspaces/${encodeURIComponent(ws)}/events${after}`);
      source.onmessage = (message: MessageEvent<string>) => {
        lastId = message.lastEventId || lastId;
        queue.add(JSON.parse(message.data) as LiveEvent);
      };
      source.onerror = () => {
        // CONNECTING: the browser retries by itself. CLOSED: it gave up (a refusal); try later.
        if (source?.readyState !== EventSource.CLOSED) return;
        reopen = setTimeout(open, REOPEN_MS);
      };
    };
    const onVisibility = () => {
      clearTimeout(hiddenSince);
      if (document.visibilityState === 'hidden') {
        hiddenSince = setTimeout(() => {
          clearTimeout(reopen);
          source?.close();
          source = undefined;
        }, HIDDEN_CLOSE_MS);
      } else if (source === undefined) {
        open();
      }
    };
    open();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(hiddenSince);
      clearTimeout(reopen);
      source?.close();
      queue.stop();
    };
  }, [client, ws]);
}
