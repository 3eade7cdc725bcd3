/**
 * The live event streams of one server: every open stream is a subscriber of its workspace, with
 * the id of the last event it was sent. One LISTEN (a connection of its own on PostgreSQL) tells
 * the hub which workspace has new events; the hub then reads that workspace's events after the
 * lowest position of its subscribers from the table, and sends each subscriber the ones after
 * its own. Reads of one workspace run one at a time, so a replay and the live events that arrive
 * while it runs are one ordered sequence: nothing is sent twice, nothing is skipped.
 */
import { and, asc, eq, gt, max } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { LiveEvent } from '../../contract';
import type { Database, Listen } from '../../db/client';
import { workspaceEvents } from '../../db/schema';
import { LIVE_CHANNEL } from './record';

/** Events read at a time when a subscriber catches up. */
const PAGE = 500;
/** How long the hub waits before it listens again after losing its connection. */
const RELISTEN_MS = 1000;

interface Subscriber {
  /** The id of the last event sent (or the position the stream started from). */
  position: number;
  send: (event: LiveEvent) => void;
  end: () => void;
}

interface Feed {
  subscribers: Set<Subscriber>;
  /** The read running now, if any. */
  reading: Promise<void> | null;
  /** New events were announced while a read ran: read again when it ends. */
  again: boolean;
}

/** One open stream: `close` ends it (the client went away). */
export interface Subscription {
  close: () => void;
}

export interface LiveHubDeps {
  db: Database;
  listen: Listen;
  logger: Logger;
}

type Row = typeof workspaceEvents.$inferSelect;

function toEvent(row: Row): LiveEvent {
  return {
    id: String(row.id),
    workspaceId: row.workspaceId,
    kind: row.kind,
    itemIds: row.itemIds,
    at: row.createdAt.toISOString(),
  };
}

/** The live event streams of one server (see the file's comment). */
export class LiveHub {
  private readonly feeds = new Map<string, Feed>();
  private listening: Promise<() => Promise<void>> | null = null;
  private relisten: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly deps: LiveHubDeps) {}

  /** Streams open now, for the operator's metrics. */
  get streams(): number {
    let count = 0;
    for (const feed of this.feeds.values()) count += feed.subscribers.size;
    return count;
  }

  /** True once `close` was called: new streams are refused. */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Opens a stream of a workspace's events. The first event sent is `ready` (carrying the newest
   * event's id, or `after`), or `reset` when `after` names an event the server no longer keeps
   * (or never had): the subscriber then holds stale data and should fetch it all again.
   * @param workspaceId the workspace, whose membership the caller has checked
   * @param after the id of the last event the client saw (Last-Event-ID), or null for "from now"
   * @param send called with each event, in id order
   * @param end called when the server closes the stream (shutdown)
   */
  async subscribe(
    workspaceId: string,
    after: number | null,
    send: (event: LiveEvent) => void,
    end: () => void,
  ): Promise<Subscription> {
    // Listening first: an event committed after the position is read below is announced.
    await this.ensureListening();
    const position = await this.startingPoint(workspaceId, after);
    const subscriber: Subscriber = { position: position.id, send, end };
    send({
      id: String(position.id),
      workspaceId,
      kind: position.kind,
      itemIds: [],
      at: new Date().toISOString(),
    });
    const feed = this.feedOf(workspaceId);
    feed.subscribers.add(subscriber);
    this.read(workspaceId);
    return {
      close: () => {
        feed.subscribers.delete(subscriber);
        if (feed.subscribers.size === 0 && !feed.reading) this.feeds.delete(workspaceId);
      },
    };
  }

  /** Ends every stream and stops listening (the server shuts down). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.relisten);
    for (const feed of this.feeds.values()) for (const subscriber of feed.subscribers) subscriber.end();
    this.feeds.clear();
    const listening = this.listening;
    this.listening = null;
    if (listening) await (await listening.catch(() => async () => {}))();
  }

  private feedOf(workspaceId: string): Feed {
    let feed = this.feeds.get(workspaceId);
    if (!feed) {
      feed = { subscribers: new Set(), reading: null, again: false };
      this.feeds.set(workspaceId, feed);
    }
    return feed;
  }

  private async startingPoint(
    workspaceId: string,
    after: number | null,
  ): Promise<{ id: number; kind: 'ready' | 'reset' }> {
    const { db } = this.deps;
    if (after !== null && after > 0) {
      const [kept] = await db
        .select({ id: workspaceEvents.id })
        .from(workspaceEvents)
        .where(and(eq(workspaceEvents.workspaceId, workspaceId), eq(workspaceEvents.id, after)));
      if (kept) return { id: after, kind: 'ready' };
    } else if (after === 0) {
      return { id: 0, kind: 'ready' };
    }
    const [newest] = await db
      .select({ id: max(workspaceEvents.id) })
      .from(workspaceEvents)
      .where(eq(workspaceEvents.workspaceId, workspaceId));
    return { id: newest?.id ?? 0, kind: after === null ? 'ready' : 'reset' };
  }

  private ensureListening(): Promise<unknown> {
    if (this.closed) return Promise.resolve();
    this.listening ??= this.deps.listen(
      LIVE_CHANNEL,
      (payload) => this.announced(payload),
      (error) => this.lost(error),
    );
    return this.listening.catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
  }

  /** A payload is `<workspaceId>:<eventId>`; only the workspace matters, the table has the rest. */
  private announced(payload: string): void {
    const workspaceId = payload.split(':', 1)[0] ?? '';
    if (this.feeds.has(workspaceId)) this.read(workspaceId);
  }

  /** The listening connection dropped: listen again, then catch every stream up from the table. */
  private lost(error: Error): void {
    this.deps.logger.warn({ err: error }, 'live events: listening connection lost, listening again');
    this.listening = null;
    clearTimeout(this.relisten);
    this.relisten = setTimeout(() => {
      this.ensureListening()
        .then(() => {
          for (const workspaceId of this.feeds.keys()) this.read(workspaceId);
        })
        .catch((reason: unknown) => this.lost(reason as Error));
    }, RELISTEN_MS);
  }

  /** Reads a workspace's new events for its subscribers, one read at a time. */
  private read(workspaceId: string): void {
    const feed = this.feeds.get(workspaceId);
    if (!feed) return;
    if (feed.reading) {
      feed.again = true;
      return;
    }
    feed.reading = this.catchUp(workspaceId, feed)
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'live events: read failed'))
      .finally(() => {
        feed.reading = null;
        if (feed.again) {
          feed.again = false;
          this.read(workspaceId);
        } else if (feed.subscribers.size === 0) {
          this.feeds.delete(workspaceId);
        }
      });
  }

  private async catchUp(workspaceId: string, feed: Feed): Promise<void> {
    for (;;) {
      const subscribers = [...feed.subscribers];
      if (subscribers.length === 0 || this.closed) return;
      const from = Math.min(...subscribers.map((s) => s.position));
      const rows = await this.deps.db
        .select()
        .from(workspaceEvents)
        .where(and(eq(workspaceEvents.workspaceId, workspaceId), gt(workspaceEvents.id, from)))
        .orderBy(asc(workspaceEvents.id))
        .limit(PAGE);
      for (const row of rows) {
        const event = toEvent(row);
        // Only those the read started from: one that joined since may need earlier events first,
        // which the next read (already asked for by its subscribe) sends it.
        for (const subscriber of subscribers) {
          if (row.id <= subscriber.position || !feed.subscribers.has(subscriber)) continue;
          subscriber.position = row.id;
          subscriber.send(event);
        }
      }
      if (rows.length < PAGE) return;
    }
  }
}
