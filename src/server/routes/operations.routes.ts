import { createHash, timingSafeEqual } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { migrationTags } from '../../db/migrate';
import type { AppEnv, ServerDeps } from '../context';
import { AppError } from '../errors';
import { findQueueDepths, type QueueDepth } from '../jobs/depth';
import type { Metrics } from '../metrics';

/** How long readiness waits for the database before it answers 503. */
export const READY_TIMEOUT_MS = 2000;

/** Records every request's route pattern, status class and latency (see metrics.ts). */
export function measureRequests(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    metrics.inFlight += 1;
    try {
      await next();
    } finally {
      metrics.inFlight -= 1;
      // The pattern of the route that answered (never the raw path, which carries ids and secrets).
      metrics.observe(c.req.method, routePath(c), c.res.status, (performance.now() - started) / 1000);
    }
  };
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Why the server cannot take traffic now, or null when it can. */
async function unreadyReason(deps: ServerDeps): Promise<string | null> {
  if (deps.lifecycle?.draining) return 'shutting down';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READY_TIMEOUT_MS);
  });
  try {
    const answer = await Promise.race([deps.db.execute(sql`select tag from headway_migrations`), timeout]);
    if (answer === 'timeout') return `the database did not answer within ${READY_TIMEOUT_MS} ms`;
    const applied = new Set((answer as unknown as { rows: { tag: string }[] }).rows.map((r) => r.tag));
    const pending = migrationTags().filter((tag) => !applied.has(tag));
    return pending.length > 0 ? `schema migrations not applied: ${pending.join(', ')}` : null;
  } catch (error) {
    return `the database refused a query: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

/** The job queues' depth when this server runs them; a failed read leaves them out rather than the metrics. */
async function readQueueDepths(deps: ServerDeps): Promise<QueueDepth[] | undefined> {
  if (!deps.jobs) return undefined;
  try {
    return await findQueueDepths(deps.jobs.executeSql);
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not read the job queues for the metrics');
    return undefined;
  }
}

/**
 * Endpoints for whoever runs Headway: liveness (the process answers), readiness (the database
 * answers in time with every migration applied, and the server is not shutting down) and the
 * Prometheus metrics, which answer only an operator who sends HEADWAY_METRICS_TOKEN as a bearer
 * token, and do not exist when no token is configured. Registered before authentication: none
 * of them reads a session or an API token.
 */
export function registerOperationsRoutes(app: OpenAPIHono<AppEnv>, metrics: Metrics): void {
  app.get('/api/health/live', (c) => c.json({ status: 'ok' }));
  app.get('/api/health/ready', async (c) => {
    const reason = await unreadyReason(c.get('deps'));
    return reason === null ? c.json({ status: 'ready' }) : c.json({ status: 'unavailable', reason }, 503);
  });
  app.get('/api/metrics', async (c) => {
    const deps = c.get('deps');
    if (!deps.metricsToken) {
      throw new AppError('not_found', `No API route GET ${c.req.path}: see /api/openapi.json`);
    }
    const header = c.req.header('authorization') ?? '';
    const given = header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : '';
    if (!given || !sameSecret(given, deps.metricsToken)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new AppError(
        'unauthenticated',
        'Send the operator metrics token (HEADWAY_METRICS_TOKEN) as "Authorization: Bearer …"',
      );
    }
    c.header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    return c.body(metrics.expose(deps.databasePool?.(), await readQueueDepths(deps)));
  });
}
