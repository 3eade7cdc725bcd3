import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { EstimationScaleSchema, UpdateEstimationScaleSchema } from '../../contract';
import { getEstimationScale, updateEstimationScale } from '../commands/estimation-scale';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const P = '/api/workspaces/{workspaceId}/estimation-scale';

/** The workspace's t-shirt ranges: read by every member, set by the estimates decision. */
export function registerEstimationScaleRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: P,
      tags: ['estimation'],
      summary: "The workspace's t-shirt ranges in working days, or the default ones (isDefault)",
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, EstimationScaleSchema, 'The scale'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, EstimationScaleSchema, await getEstimationScale(c.get('deps').db, actor.workspaceId));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: P,
      tags: ['estimation'],
      summary: 'Set the t-shirt ranges, smallest first, growing with the size (the estimates decision)',
      request: { params: WorkspaceParams, ...jsonBody(UpdateEstimationScaleSchema) },
      responses: jsonResponses(200, EstimationScaleSchema, 'The new scale'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        EstimationScaleSchema,
        await updateEstimationScale({ db: c.get('deps').db, actor }, c.req.valid('json')),
      );
    },
  );
}
