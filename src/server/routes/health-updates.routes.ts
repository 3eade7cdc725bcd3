import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { HealthUpdateListSchema, HealthUpdateSchema, PostHealthUpdateSchema, text } from '../../contract';
import { findHealthUpdates, findLatestHealthUpdates, postHealthUpdate } from '../commands/health-updates';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const MilestoneParams = z.object({ workspaceId: text(), itemId: text() });

/** Health updates on milestones: people's calls (on track, at risk, off track) with a note, as a history. */
export function registerHealthUpdateRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/items/{itemId}/health-updates',
      tags: ['roadmap'],
      summary:
        'Call a milestone on track, at risk or off track, with a note (the roadmap decision, logged); baseVersion is the latest update seen',
      request: { params: MilestoneParams, ...jsonBody(PostHealthUpdateSchema) },
      responses: jsonResponses(201, HealthUpdateSchema, 'The stored update'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const update = await postHealthUpdate(
        { db: c.get('deps').db, actor },
        { ...c.req.valid('json'), itemId },
      );
      return send(c, HealthUpdateSchema, update, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/items/{itemId}/health-updates',
      tags: ['roadmap'],
      summary: 'A milestone’s health updates, newest first',
      request: { params: MilestoneParams },
      responses: jsonResponses(200, HealthUpdateListSchema, 'The history'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(c, HealthUpdateListSchema, {
        data: await findHealthUpdates(c.get('deps').db, actor.workspaceId, itemId),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/health-updates/latest',
      tags: ['roadmap'],
      summary: 'The current call on every milestone that has one (its latest health update)',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, HealthUpdateListSchema, 'One update per milestone'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, HealthUpdateListSchema, {
        data: await findLatestHealthUpdates(c.get('deps').db, actor.workspaceId),
      });
    },
  );
}
