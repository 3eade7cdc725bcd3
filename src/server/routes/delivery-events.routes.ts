import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  CreatedIngestTokenSchema,
  CreateIngestTokenSchema,
  DeploymentEventSchema,
  DoraMeasuresSchema,
  DoraQuerySchema,
  EventReceiptSchema,
  IncidentEventSchema,
  IngestTokenListSchema,
  text,
} from '../../contract';
import { recordDeployment, recordIncident } from '../commands/delivery-events';
import { buildDoraMeasures } from '../commands/dora-measures';
import {
  createIngestToken,
  findIngestTokens,
  resolveIngestToken,
  revokeIngestToken,
} from '../commands/ingest-tokens';
import type { AppEnv } from '../context';
import { AppError, notFound } from '../errors';
import { isUuid, requireMember } from '../policies/access';
import { jsonBody, jsonResponses, noContent, send, WorkspaceParams } from './openapi';

const { 200: _ok, 201: _created, ...errorResponses } = jsonResponses(200, z.null(), 'unused');

/** The responses of an event: 201 when it is new, 200 when it changed or was already known. */
function receiptResponses(what: string) {
  const receipt = (description: string) => ({
    description,
    content: { 'application/json': { schema: EventReceiptSchema } },
  });
  return {
    201: receipt(`The ${what} was recorded`),
    200: receipt(`The ${what} was already known (same key): updated or unchanged, counted once`),
    ...errorResponses,
  };
}

/**
 * The workspace an event goes to, after checking the ingest token sent with it. Nothing but an
 * ingest token is taken here: a session or an API token does not send events.
 */
async function requireIngest(c: Context<AppEnv>, workspaceId: string): Promise<string> {
  const secret = c.get('ingestSecret');
  if (!secret) {
    throw new AppError(
      'unauthenticated',
      'Send events with an ingest token as "Authorization: Bearer hwi_…": create one on the Delivery page (Event ingest tokens)',
    );
  }
  if (!isUuid(workspaceId)) throw notFound('Workspace');
  await resolveIngestToken(c.get('deps').db, secret, workspaceId);
  return workspaceId;
}

/** Deployment and incident events (ingest token only), ingest tokens, and the DORA measures. */
export function registerDeliveryEventRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'ingest', {
    type: 'http',
    scheme: 'bearer',
    description: 'An ingest token (hwi_…) from the Delivery page: it sends delivery events and nothing else',
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/events/deployments',
      tags: ['delivery'],
      summary: 'Record a deployment (ingest token); the same key sent again counts once',
      security: [{ ingest: [] }],
      request: { params: WorkspaceParams, ...jsonBody(DeploymentEventSchema) },
      responses: receiptResponses('deployment'),
    }),
    async (c) => {
      const workspaceId = await requireIngest(c, c.req.valid('param').workspaceId);
      const receipt = await recordDeployment(c.get('deps').db, workspaceId, c.req.valid('json'));
      return send(c, EventReceiptSchema, receipt, receipt.outcome === 'created' ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/events/incidents',
      tags: ['delivery'],
      summary: 'Open an incident, or resolve one by sending its key again with resolvedAt (ingest token)',
      security: [{ ingest: [] }],
      request: { params: WorkspaceParams, ...jsonBody(IncidentEventSchema) },
      responses: receiptResponses('incident'),
    }),
    async (c) => {
      const workspaceId = await requireIngest(c, c.req.valid('param').workspaceId);
      const receipt = await recordIncident(c.get('deps').db, workspaceId, c.req.valid('json'));
      return send(c, EventReceiptSchema, receipt, receipt.outcome === 'created' ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/dora',
      tags: ['delivery'],
      summary:
        'DORA measures of a period from the recorded events: deployment frequency, lead time (median, P85), change failure rate, time to restore, with tiers by report year',
      request: { params: WorkspaceParams, query: DoraQuerySchema },
      responses: jsonResponses(200, DoraMeasuresSchema, 'The four measures'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const measures = await buildDoraMeasures(c.get('deps').db, actor.workspaceId, c.req.valid('query'));
      return send(c, DoraMeasuresSchema, measures);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/ingest-tokens',
      tags: ['delivery'],
      summary: 'Create an ingest token for this workspace’s delivery events (its secret is shown once)',
      request: { params: WorkspaceParams, ...jsonBody(CreateIngestTokenSchema) },
      responses: jsonResponses(201, CreatedIngestTokenSchema, 'The token with its secret, shown once'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const token = await createIngestToken({ db: c.get('deps').db, actor }, c.req.valid('json'));
      return send(c, CreatedIngestTokenSchema, token, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/ingest-tokens',
      tags: ['delivery'],
      summary: 'This workspace’s ingest tokens that are not revoked (never their secrets)',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, IngestTokenListSchema, 'The tokens, newest first'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const data = await findIngestTokens({ db: c.get('deps').db, actor });
      return send(c, IngestTokenListSchema, { data });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/ingest-tokens/{tokenId}',
      tags: ['delivery'],
      summary: 'Revoke an ingest token; events sent with it are refused at once',
      request: { params: z.object({ workspaceId: text(), tokenId: text() }) },
      responses: { ...noContent, ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, tokenId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      await revokeIngestToken({ db: c.get('deps').db, actor }, { tokenId });
      return c.body(null, 204);
    },
  );
}
