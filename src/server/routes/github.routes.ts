import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  ConnectedGithubSchema,
  ConnectGithubSchema,
  GithubConnectionSchema,
  GithubStatusSchema,
  text,
} from '../../contract';
import {
  connectGithub,
  disconnectGithub,
  findGithubConnection,
  type GithubEnvironment,
  syncGithubNow,
} from '../commands/github-connections';
import type { AppEnv } from '../context';
import { receiveWebhook } from '../github/webhook';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, noContent, send, WorkspaceParams } from './openapi';

const WebhookAnswerSchema = z.object({ outcome: z.enum(['applied', 'duplicate', 'ignored']) });
const { 200: _ok, 201: _created, ...errorResponses } = jsonResponses(200, z.null(), 'unused');

function environment(c: Context<AppEnv>): GithubEnvironment {
  const deps = c.get('deps');
  return { origin: new URL(deps.publicUrl ?? c.req.url).origin, ...deps.github };
}

/** The GitHub connection of a workspace, and the webhook receiver GitHub posts to. */
export function registerGithubRoutes(app: OpenAPIHono<AppEnv>): void {
  const path = '/api/workspaces/{workspaceId}/github';

  app.openapi(
    createRoute({
      method: 'get',
      path,
      tags: ['github'],
      summary:
        'The workspace’s GitHub connection: repository, webhook URL, last sync, counts, error (never its secrets)',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, GithubStatusSchema, 'The connection, or null'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        GithubStatusSchema,
        await findGithubConnection({ db: c.get('deps').db, actor }, environment(c)),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path,
      tags: ['github'],
      summary: 'Connect a repository with a token (founder, CTO or CTPO); the webhook secret is shown once',
      description:
        'GitHub is asked for the repository with the token first: a token it refuses is a 400. Then sync (POST …/github/sync) to backfill, and add the webhook with the URL and secret answered here.',
      request: { params: WorkspaceParams, ...jsonBody(ConnectGithubSchema) },
      responses: jsonResponses(
        201,
        ConnectedGithubSchema,
        'The connection with its webhook secret, shown once',
      ),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const connected = await connectGithub(
        { db: c.get('deps').db, actor },
        c.req.valid('json'),
        environment(c),
      );
      return send(c, ConnectedGithubSchema, connected, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${path}/sync`,
      tags: ['github'],
      summary:
        'Sync now what changed since the last sync (founder, CTO or CTPO); a failure is in lastSyncError',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, GithubConnectionSchema, 'The connection after the sync'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const status = await syncGithubNow({ db: c.get('deps').db, actor }, environment(c));
      return send(c, GithubConnectionSchema, status);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path,
      tags: ['github'],
      summary:
        'Disconnect GitHub (founder, CTO or CTPO): the token and secret are deleted, synced items stay',
      request: { params: WorkspaceParams },
      responses: { ...noContent, ...errorResponses },
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      await disconnectGithub({ db: c.get('deps').db, actor });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/github/webhooks/{connectionId}',
      tags: ['github'],
      summary:
        'GitHub’s webhook deliveries (issues, pull_request, deployment_status, release), verified by signature',
      description:
        'No sign-in: X-Hub-Signature-256 must match the connection’s webhook secret (401 otherwise, nothing changes). A delivery id already applied answers 200 with outcome duplicate.',
      request: { params: z.object({ connectionId: text() }) },
      responses: jsonResponses(
        200,
        WebhookAnswerSchema,
        'Applied, a duplicate delivery, or an event Headway does not read',
      ),
    }),
    async (c) => {
      const outcome = await receiveWebhook(
        c.get('deps').db,
        {
          connectionId: c.req.valid('param').connectionId,
          deliveryId: c.req.header('x-github-delivery'),
          event: c.req.header('x-github-event'),
          signature: c.req.header('x-hub-signature-256'),
          payload: await c.req.text(),
        },
        c.get('deps').github,
      );
      return send(c, WebhookAnswerSchema, { outcome });
    },
  );
}
