import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, ServerDeps } from '../context';

/** A calendar feed's address is its credential: the log keeps the route, not the secret. */
export function redactSecrets(path: string): string {
  return path.replace(/^\/api\/calendar\/[^/]+\.ics$/, '/api/calendar/[secret].ics');
}

/**
 * Gives every request an id (kept from X-Request-Id when sane), a child logger and an access log
 * line (server errors at error level; see ServerDeps.accessLog for the rest).
 */
export function requestContext(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.set('caller', null);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    if (c.req.path.startsWith('/api/')) {
      const status = c.res.status;
      const level =
        status >= 500 ? 'error' : deps.accessLog === 'failures' && status < 400 ? 'debug' : 'info';
      logger[level](
        {
          method: c.req.method,
          path: redactSecrets(c.req.path),
          status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    }
  };
}
