import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  PublishSnapshotSchema,
  RoadmapQuerySchema,
  RoadmapSchema,
  RoadmapSnapshotSummarySchema,
  ScenarioRequestSchema,
  ScenarioResultSchema,
  text,
} from '../../contract';
import { getRoadmap } from '../commands/roadmap';
import { runScenario } from '../commands/roadmap-scenarios';
import { deleteSnapshot, findSnapshots, publishSnapshot } from '../commands/roadmap-snapshots';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { registerHealthUpdateRoutes } from './health-updates.routes';
import { jsonBody, jsonResponses, noContent, send, WorkspaceParams } from './openapi';

const { 200: _ok, ...errorResponses } = jsonResponses(200, z.null(), 'unused');

const SnapshotList = z.object({ data: z.array(RoadmapSnapshotSummarySchema) });

export function registerRoadmapRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/roadmap',
      tags: ['roadmap'],
      summary:
        'The open work planned on the team in the product order: who, from, to, why; critical chain, load, milestones, now/next/later',
      request: { params: WorkspaceParams, query: RoadmapQuerySchema },
      responses: jsonResponses(
        200,
        RoadmapSchema,
        'The roadmap (with slips when compareTo names a snapshot)',
      ),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const query = c.req.valid('query');
      return send(c, RoadmapSchema, await getRoadmap(c.get('deps').db, actor.workspaceId, query));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/roadmap/scenarios',
      tags: ['roadmap'],
      summary: 'What-if: the baseline and a changed plan side by side (nothing is stored)',
      request: { params: WorkspaceParams, ...jsonBody(ScenarioRequestSchema) },
      responses: jsonResponses(200, ScenarioResultSchema, 'Both plans and the difference per milestone'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        ScenarioResultSchema,
        await runScenario(c.get('deps').db, actor.workspaceId, c.req.valid('json')),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/roadmap/snapshots',
      tags: ['roadmap'],
      summary: 'Publish the current plan as a roadmap version (the roadmap decision)',
      request: { params: WorkspaceParams, ...jsonBody(PublishSnapshotSchema) },
      responses: jsonResponses(201, RoadmapSnapshotSummarySchema, 'The published version'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        RoadmapSnapshotSummarySchema,
        await publishSnapshot({ db: c.get('deps').db, actor }, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/roadmap/snapshots',
      tags: ['roadmap'],
      summary: 'Published roadmap versions, newest first',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, SnapshotList, 'The versions'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, SnapshotList, { data: await findSnapshots(c.get('deps').db, actor.workspaceId) });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/roadmap/snapshots/{snapshotId}',
      tags: ['roadmap'],
      summary: 'Delete a published roadmap version (the roadmap decision, logged)',
      request: { params: z.object({ workspaceId: text(), snapshotId: text() }) },
      responses: { ...noContent, ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, snapshotId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      await deleteSnapshot({ db: c.get('deps').db, actor }, { snapshotId });
      return c.body(null, 204);
    },
  );

  // Health updates are calls on the roadmap's milestones: registered with the roadmap.
  registerHealthUpdateRoutes(app);
}
