import { and, eq, gt, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Database } from '../../db/client';
import { sessions } from '../../db/schema';
import { hashSecret } from '../auth/secrets';
import { resolveApiToken } from '../commands/api-tokens';
import { isIngestSecret } from '../commands/ingest-tokens';
import type { AppEnv, MemberRow, ServerDeps } from '../context';
import { AppError } from '../errors';
import { memberOf, workspaceInPath } from '../policies/access';

export const SESSION_COOKIE = 'headway_session';
export const CSRF_COOKIE = 'headway_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The session cookies' names and whether they are Secure. */
export interface CookieSettings {
  session: string;
  csrf: string;
  secure: boolean;
}

/**
 * Behind HTTPS (an https public URL) the cookies are `Secure` and named with the `__Host-`
 * prefix, which browsers accept only from a secure origin, for the whole host and without a
 * Domain: a sibling subdomain or a plain-http page cannot plant or overwrite them.
 */
export function cookieSettings(deps: ServerDeps): CookieSettings {
  const secure = deps.publicUrl?.toLowerCase().startsWith('https://') ?? false;
  const prefix = secure ? '__Host-' : '';
  return { session: `${prefix}${SESSION_COOKIE}`, csrf: `${prefix}${CSRF_COOKIE}`, secure };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session lookup of a database, with and without the membership of a workspace. */
interface SessionLookups {
  withMember: ReturnType<typeof prepareSessionLookup>;
  alone: ReturnType<typeof prepareSessionLookup>;
}

function prepareSessionLookup(db: Database, withMember: boolean) {
  return db
    .select({
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      member: withMember ? memberOf('sessions', sql.placeholder('workspaceId')) : sql<null>`null`,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .limit(1)
    .prepare(undefined as unknown as string);
}

const lookups = new WeakMap<Database, SessionLookups>();

/**
 * Every request reads its session: the query is built once per database instead of once per
 * request. It is not named, so a server still plans it as an unnamed statement, as before.
 */
function sessionLookups(db: Database): SessionLookups {
  let found = lookups.get(db);
  if (!found) {
    found = { withMember: prepareSessionLookup(db, true), alone: prepareSessionLookup(db, false) };
    lookups.set(db, found);
  }
  return found;
}

/**
 * Resolves the caller from an API token (`Authorization: Bearer hwt_…`) or the session cookie;
 * an ingest token (`hwi_…`) is set aside for the event routes and makes no caller.
 * Cookie-authenticated writes must echo the session's CSRF token in the X-CSRF-Token header:
 * a cross-site form can send the cookie but cannot read the token.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get('deps');
    const { db } = deps;
    const authorization = c.req.header('authorization');
    // The workspace the path names: its membership is read with the caller, in one query.
    const workspaceId = workspaceInPath(c.req.path);
    const memo = (row: MemberRow | null) => (workspaceId ? { member: { workspaceId, row } } : {});
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match?.[1]) {
        throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>"');
      }
      // An ingest token authenticates nobody: it is kept for the event routes, and every other
      // route sees a caller that is not signed in.
      if (isIngestSecret(match[1])) {
        c.set('ingestSecret', match[1]);
        return next();
      }
      const token = await resolveApiToken(db, match[1], { workspaceId });
      c.set('caller', { userId: token.userId, via: 'token', csrfToken: null, ...memo(token.member) });
      return next();
    }
    const cookie = getCookie(c, cookieSettings(deps).session);
    if (cookie) {
      const { withMember, alone } = sessionLookups(db);
      // A placeholder is sent as given: the time goes as the text drizzle makes of a Date.
      const values = { tokenHash: hashSecret(cookie), now: new Date().toISOString(), workspaceId };
      const [row] = await (workspaceId ? withMember : alone).execute(values);
      if (row) {
        if (UNSAFE.has(c.req.method) && c.req.header(CSRF_HEADER) !== row.csrfToken) {
          throw new AppError(
            'csrf_failed',
            'This request is missing the X-CSRF-Token header of your session: reload the page and try again',
          );
        }
        c.set('caller', {
          userId: row.userId,
          via: 'session',
          csrfToken: row.csrfToken,
          ...memo(row.member),
        });
      } else {
        // An expired or revoked session: forget its cookies, so the browser stops sending them
        // and the web app sees a signed-out visitor from the next page on.
        const names = cookieSettings(deps);
        deleteCookie(c, names.session, { path: '/', secure: names.secure });
        deleteCookie(c, names.csrf, { path: '/', secure: names.secure });
      }
    }
    return next();
  };
}
