import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { MeSchema, SessionSchema, SignInSchema, SignUpSchema } from '../../contract';
import { addressLimitKey, clientAddressOf } from '../auth/client-address';
import { closeSession, getUser, type NewSession, openSession, signIn, signUp } from '../commands/auth';
import { findWorkspacesOf } from '../commands/workspaces';
import type { AppEnv } from '../context';
import { cookieSettings } from '../middleware/authenticate';
import { requireUser } from '../policies/access';
import { jsonBody, jsonResponses, noContent, send, tooManyRequests } from './openapi';

function startSession(c: Context<AppEnv>, session: NewSession) {
  const cookies = cookieSettings(c.get('deps'));
  const common = { path: '/', sameSite: 'Lax' as const, secure: cookies.secure, expires: session.expiresAt };
  setCookie(c, cookies.session, session.token, { ...common, httpOnly: true });
  setCookie(c, cookies.csrf, session.csrfToken, common);
  return { user: session.user, csrfToken: session.csrfToken };
}

/** Who is asking, as far as per-address limits are concerned. */
function clientOf(c: Context<AppEnv>) {
  return { addressKey: addressLimitKey(clientAddressOf(c)) };
}

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/signup',
      tags: ['auth'],
      summary: 'Create an account and sign in',
      request: jsonBody(SignUpSchema),
      responses: {
        ...jsonResponses(201, SessionSchema, 'Signed up; the session cookie is set'),
        ...tooManyRequests('Too many sign-ups from this address'),
      },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const user = await signUp(db, c.req.valid('json'), clientOf(c));
      return send(c, SessionSchema, startSession(c, await openSession(db, user)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/signin',
      tags: ['auth'],
      summary: 'Sign in with email and password',
      request: jsonBody(SignInSchema),
      responses: {
        ...jsonResponses(200, SessionSchema, 'Signed in; the session cookie is set'),
        ...tooManyRequests('Too many failed sign-ins for this account or from this address'),
      },
    }),
    async (c) => {
      const session = await signIn(c.get('deps').db, c.req.valid('json'), clientOf(c));
      return send(c, SessionSchema, startSession(c, session));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/signout',
      tags: ['auth'],
      summary: 'Sign out',
      responses: noContent,
    }),
    async (c) => {
      requireUser(c);
      const cookies = cookieSettings(c.get('deps'));
      const token = getCookie(c, cookies.session);
      if (token) await closeSession(c.get('deps').db, token);
      deleteCookie(c, cookies.session, { path: '/', secure: cookies.secure });
      deleteCookie(c, cookies.csrf, { path: '/', secure: cookies.secure });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/session',
      tags: ['auth'],
      summary: 'The signed-in user and the CSRF token to send with writes',
      responses: jsonResponses(200, SessionSchema, 'The current session'),
    }),
    async (c) => {
      const userId = requireUser(c);
      const user = await getUser(c.get('deps').db, userId);
      return send(c, SessionSchema, { user, csrfToken: c.get('caller')?.csrfToken ?? '' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me',
      tags: ['auth'],
      summary: 'Who I am and the workspaces I belong to',
      responses: jsonResponses(200, MeSchema, 'The caller'),
    }),
    async (c) => {
      const userId = requireUser(c);
      const { db } = c.get('deps');
      return send(c, MeSchema, {
        user: await getUser(db, userId),
        workspaces: await findWorkspacesOf(db, userId),
      });
    },
  );
}
