import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { FlowMetricsSchema, MetricsQuerySchema } from '../../contract';
import { buildFlowMetrics } from '../commands/flow-metrics';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonResponses, send, WorkspaceParams } from './openapi';

/** Flow metrics: cycle time, throughput, cumulative flow and aging work, for every member. */
export function registerMetricsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/metrics',
      tags: ['delivery'],
      summary:
        'Flow metrics of a period: cycle-time percentiles (first start to last done, in days), throughput, cumulative flow, aging work in progress, blocked time and flow efficiency where the workflow marks blocked and waiting states',
      request: { params: WorkspaceParams, query: MetricsQuerySchema },
      responses: jsonResponses(200, FlowMetricsSchema, 'The flow metrics'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        FlowMetricsSchema,
        await buildFlowMetrics(c.get('deps').db, actor.workspaceId, c.req.valid('query')),
      );
    },
  );
}
