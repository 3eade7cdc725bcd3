import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../context';
import { AppError } from '../errors';
import type { Subscription } from '../live/hub';
import type { Metrics } from '../metrics';
import { findActor, requireMember } from '../policies/access';

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** How long a browser waits before it reconnects a stream the server ended. */
const RETRY_MS = 1000;
/**
 * A stream ends after this long and the browser reconnects, resuming after its last event: the
 * new request is authenticated again, so a signed-out session or a revoked token stops receiving.
 */
export const STREAM_LIFETIME_MS = 5 * 60_000;

const EVENT_ID = /^\d{1,15}$/;

/** The id to resume after: the Last-Event-ID header a reconnecting EventSource sends, or `?after=`. */
function resumePoint(header: string | undefined, query: string | undefined): number | null {
  const given = header?.trim() || query;
  if (given === undefined || given === '') return null;
  if (!EVENT_ID.test(given)) {
    throw new AppError(
      'validation_failed',
      `${header?.trim() ? 'Last-Event-ID' : 'after'}: give the id of the last event received (digits only), or leave it out to start from now`,
    );
  }
  return Number(given);
}

/**
 * The workspace's live events as server-sent events (`text/event-stream`), for its members only
 * (404 for anyone else, as every workspace route). Each message's `id:` is the event id and its
 * `data:` a LiveEvent; the first says `ready` (or `reset`). A reconnect with Last-Event-ID (or
 * `?after=`) first gets every kept event after that id, then live ones, in id order. Kept out of
 * the OpenAPI document, whose routes each answer one JSON document.
 */
export function registerLiveRoutes(app: OpenAPIHono<AppEnv>, metrics: Metrics): void {
  app.get('/api/workspaces/:workspaceId/events', async (c) => {
    const actor = await requireMember(c, c.req.param('workspaceId'));
    const after = resumePoint(c.req.header('last-event-id'), c.req.query('after'));
    const { live, db } = c.get('deps');
    if (!live) throw new AppError('not_found', 'Live updates are not available on this server');
    const logger = c.get('logger');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      if (live.isClosed) {
        await stream.write(`retry: ${RETRY_MS}\n\n`);
        return;
      }
      let finish = () => {};
      const ended = new Promise<void>((resolve) => {
        finish = resolve;
      });
      stream.onAbort(() => finish());
      let subscription: Subscription | undefined;
      const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const lifetime = setTimeout(() => finish(), STREAM_LIFETIME_MS);
      // Someone who leaves the workspace stops receiving its events at once.
      const stillMember = () =>
        void findActor(db, actor.userId, actor.workspaceId).then(
          (found) => found ?? finish(),
          () => finish(),
        );
      metrics.liveStreams += 1;
      try {
        await stream.write(`retry: ${RETRY_MS}\n\n`);
        subscription = await live.subscribe(
          actor.workspaceId,
          after,
          (event) => {
            void stream.writeSSE({ id: event.id, data: JSON.stringify(event) });
            if (event.kind === 'memberChanged') stillMember();
          },
          finish,
        );
        if (stream.aborted) return;
        await ended;
      } catch (error) {
        logger.error({ err: error }, 'live events: the stream failed');
      } finally {
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        subscription?.close();
        metrics.liveStreams -= 1;
      }
    });
  });
}
