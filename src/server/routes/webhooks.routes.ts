import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CreatedWebhookEndpointSchema,
  CreateWebhookEndpointSchema,
  DeadLetterListSchema,
  text,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  WebhookEndpointListSchema,
} from '../../contract';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findWebhookDeliveries,
  findWebhookEndpoints,
  replayWebhookDelivery,
} from '../commands/webhooks';
import type { AppEnv } from '../context';
import { notFound } from '../errors';
import { findDeadLetters, retryDeadLetter } from '../jobs/dead-letters';
import { requireFounder, requireMember } from '../policies/access';
import { WEBHOOK_QUEUE } from '../webhooks/dispatch';
import { STRICT_POLICY } from '../webhooks/target';
import { jsonBody, jsonResponses, noContent, send, WorkspaceParams } from './openapi';

const { 200: _ok, 201: _created, ...errorResponses } = jsonResponses(200, z.null(), 'unused');
const EndpointParams = z.object({ workspaceId: text(), endpointId: text() });

/** Outgoing webhooks (founder, CTO, CTPO) and the dead-letter view of failed jobs (founder). */
export function registerWebhookRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/webhooks',
      tags: ['webhooks'],
      summary: 'Register a webhook endpoint for kinds of change (its signing secret is shown once)',
      request: { params: WorkspaceParams, ...jsonBody(CreateWebhookEndpointSchema) },
      responses: jsonResponses(201, CreatedWebhookEndpointSchema, 'The endpoint with its secret, shown once'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const { db, webhookPolicy } = c.get('deps');
      const endpoint = await createWebhookEndpoint(
        { db, actor },
        c.req.valid('json'),
        webhookPolicy ?? STRICT_POLICY,
      );
      return send(c, CreatedWebhookEndpointSchema, endpoint, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/webhooks',
      tags: ['webhooks'],
      summary: 'This workspace’s webhook endpoints (never their secrets)',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, WebhookEndpointListSchema, 'The endpoints, newest first'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const data = await findWebhookEndpoints({ db: c.get('deps').db, actor });
      return send(c, WebhookEndpointListSchema, { data });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/webhooks/{endpointId}',
      tags: ['webhooks'],
      summary: 'Remove a webhook endpoint; nothing more is sent to it',
      request: { params: EndpointParams },
      responses: { ...noContent, ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, endpointId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      await deleteWebhookEndpoint({ db: c.get('deps').db, actor }, { endpointId });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/webhooks/{endpointId}/deliveries',
      tags: ['webhooks'],
      summary: 'An endpoint’s delivery log: status, tries, response code and duration of the latest',
      request: { params: EndpointParams },
      responses: jsonResponses(200, WebhookDeliveryListSchema, 'The latest 100 deliveries, newest first'),
    }),
    async (c) => {
      const { workspaceId, endpointId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const data = await findWebhookDeliveries({ db: c.get('deps').db, actor }, { endpointId });
      return send(c, WebhookDeliveryListSchema, { data });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/webhooks/{endpointId}/deliveries/{deliveryId}/replay',
      tags: ['webhooks'],
      summary: 'Send a delivery’s payload again, as a new delivery',
      request: { params: EndpointParams.extend({ deliveryId: text() }) },
      responses: jsonResponses(201, WebhookDeliverySchema, 'The new delivery, queued'),
    }),
    async (c) => {
      const { workspaceId, endpointId, deliveryId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const { db, jobs } = c.get('deps');
      const delivery = await replayWebhookDelivery({ db, actor }, { endpointId, deliveryId });
      await jobs?.send({ queue: WEBHOOK_QUEUE, workspaceId, subject: delivery.id }, { id: delivery.id });
      return send(c, WebhookDeliverySchema, delivery, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/jobs/failed',
      tags: ['webhooks'],
      summary: 'The dead-letter view: this workspace’s background jobs that failed every retry (founder)',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, DeadLetterListSchema, 'The failed jobs with their last error and tries'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      requireFounder(actor, 'see the failed background jobs');
      const { jobs } = c.get('deps');
      const data = jobs ? await findDeadLetters(jobs, actor.workspaceId) : [];
      return send(c, DeadLetterListSchema, { data });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/jobs/failed/{jobId}/retry',
      tags: ['webhooks'],
      summary: 'Send a failed job back to its queue for a fresh set of tries (founder)',
      request: { params: z.object({ workspaceId: text(), jobId: text() }) },
      responses: { ...noContent, ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, jobId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      requireFounder(actor, 'retry failed background jobs');
      const { jobs } = c.get('deps');
      if (!jobs) throw notFound('Failed job');
      await retryDeadLetter(jobs, actor.workspaceId, jobId);
      return c.body(null, 204);
    },
  );
}
