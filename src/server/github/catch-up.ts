/**
 * The periodic catch-up: every connection synced in turn, so events a webhook missed (Headway was
 * down, the webhook was never added) arrive within one interval. A timer in the server process;
 * each run is the plain `syncGithubConnection`, which a job queue could run instead.
 */
import type { Logger } from 'pino';
import type { Database } from '../../db/client';
import { githubConnections } from '../../db/schema';
import { type GithubOptions, syncGithubConnection } from './sync';

/** How often connections catch up unless told otherwise. */
export const CATCH_UP_INTERVAL_MS = 15 * 60_000;

/**
 * Syncs every connection once, one after another; a failure is logged (and kept on its
 * connection) and the others still run.
 * @returns how many synced and how many failed
 */
export async function catchUpAll(
  db: Database,
  logger: Logger,
  options: GithubOptions = {},
): Promise<{ synced: number; failed: number }> {
  const connections = await db.select({ id: githubConnections.id }).from(githubConnections);
  let failed = 0;
  for (const { id } of connections) {
    try {
      await syncGithubConnection(db, id, options);
    } catch (error) {
      failed += 1;
      logger.warn({ connection: id, reason: (error as Error).message }, 'GitHub catch-up sync failed');
    }
  }
  return { synced: connections.length - failed, failed };
}

/**
 * Runs `catchUpAll` every interval (never two at once) until stopped.
 * @returns stop: clears the timer and waits for a run under way
 */
export function startCatchUp(
  db: Database,
  logger: Logger,
  options: GithubOptions = {},
  intervalMs = CATCH_UP_INTERVAL_MS,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = catchUpAll(db, logger, options)
      .catch((error: unknown) => logger.warn({ reason: (error as Error).message }, 'GitHub catch-up failed'))
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
