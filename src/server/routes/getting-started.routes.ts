import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { GettingStartedSchema, SampleDataSchema } from '../../contract';
import { addSampleData, getGettingStarted } from '../commands/getting-started';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonResponses, send, WorkspaceParams } from './openapi';

const BASE = '/api/workspaces/{workspaceId}';

/** A new workspace's first steps, and sample data for an empty one. */
export function registerGettingStartedRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: `${BASE}/getting-started`,
      tags: ['workspaces'],
      summary: 'The first steps of a workspace, each done when the workspace shows it was taken',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, GettingStartedSchema, 'The checklist'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, GettingStartedSchema, await getGettingStarted(c.get('deps').db, actor));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${BASE}/sample-data`,
      tags: ['workspaces'],
      summary: 'Load a sample backlog into an empty workspace (founder only); 409 once it has items',
      request: { params: WorkspaceParams },
      responses: jsonResponses(201, SampleDataSchema, 'How many items were added'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, SampleDataSchema, await addSampleData({ db: c.get('deps').db, actor }), 201);
    },
  );
}
