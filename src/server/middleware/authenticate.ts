import { and, eq, gt, isNull } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { apiTokens, sessions } from '../../db/schema';
import { hashSecret } from '../auth/secrets';
import type { AppEnv } from '../context';
import { AppError } from '../errors';

export const SESSION_COOKIE = 'headway_session';
export const CSRF_COOKIE = 'headway_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller from an API token (`Authorization: Bearer hwt_…`) or the session cookie.
 * Cookie-authenticated writes must echo the session's CSRF token in the X-CSRF-Token header:
 * a cross-site form can send the cookie but cannot read the token.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db } = c.get('deps');
    const authorization = c.req.header('authorization');
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match?.[1]) {
        throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>"');
      }
      const [row] = await db
        .select({ id: apiTokens.id, userId: apiTokens.userId })
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, hashSecret(match[1])), isNull(apiTokens.revokedAt)))
        .limit(1);
      if (!row) {
        throw new AppError(
          'unauthenticated',
          'This API token is unknown or revoked: create one with `headway token create`',
        );
      }
      c.set('caller', { userId: row.userId, via: 'token', csrfToken: null });
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) {
      const [row] = await db
        .select({ userId: sessions.userId, csrfToken: sessions.csrfToken })
        .from(sessions)
        .where(and(eq(sessions.tokenHash, hashSecret(cookie)), gt(sessions.expiresAt, new Date())))
        .limit(1);
      if (row) {
        if (UNSAFE.has(c.req.method) && c.req.header(CSRF_HEADER) !== row.csrfToken) {
          throw new AppError(
            'csrf_failed',
            'This request is missing the X-CSRF-Token header of your session: reload the page and try again',
          );
        }
        c.set('caller', { userId: row.userId, via: 'session', csrfToken: row.csrfToken });
      }
    }
    return next();
  };
}
