import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  CreatedTokenSchema,
  CreateTokenSchema,
  MeSchema,
  SessionSchema,
  SignInSchema,
  SignUpSchema,
} from '../../contract';
import {
  closeSession,
  createApiToken,
  createUser,
  getUser,
  type NewSession,
  openSession,
  signIn,
} from '../commands/auth';
import { findWorkspacesOf } from '../commands/workspaces';
import type { AppEnv } from '../context';
import { CSRF_COOKIE, SESSION_COOKIE } from '../middleware/authenticate';
import { requireUser } from '../policies/access';
import { jsonBody, jsonResponses, noContent, send } from './openapi';

function startSession(c: Context<AppEnv>, session: NewSession) {
  const secure = c.get('deps').secureCookies ?? false;
  const common = { path: '/', sameSite: 'Lax' as const, secure, expires: session.expiresAt };
  setCookie(c, SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  setCookie(c, CSRF_COOKIE, session.csrfToken, common);
  return { user: session.user, csrfToken: session.csrfToken };
}

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/signup',
      tags: ['auth'],
      summary: 'Create an account and sign in',
      request: jsonBody(SignUpSchema),
      responses: jsonResponses(201, SessionSchema, 'Signed up; the session cookie is set'),
    }),
    async (c) => {
      const { db } = c.get('deps');
      const user = await createUser(db, c.req.valid('json'));
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
      responses: jsonResponses(200, SessionSchema, 'Signed in; the session cookie is set'),
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const session = await signIn(c.get('deps').db, email, password);
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
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await closeSession(c.get('deps').db, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
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

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      tags: ['auth'],
      summary: 'Create an API token for the CLI or an integration',
      request: jsonBody(CreateTokenSchema),
      responses: jsonResponses(201, CreatedTokenSchema, 'The token, shown once'),
    }),
    async (c) => {
      const userId = requireUser(c);
      const token = await createApiToken(c.get('deps').db, userId, c.req.valid('json').name);
      return send(c, CreatedTokenSchema, token, 201);
    },
  );
}
