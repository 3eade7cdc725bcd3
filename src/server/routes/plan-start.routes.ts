import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { AssessmentParamsSchema, StartedPlanSchema, StartPlanSchema } from '../../contract';
import { startGrowthPlan } from '../commands/plan-start';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send } from './openapi';

/** "Start this plan": a horizon of a growth plan as work items. */
export function registerPlanStartRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/assessments/{number}/start-plan',
      tags: ['assessment'],
      summary: 'Start one horizon of the growth plan: its actions become tasks under a growth initiative',
      description:
        'Needs the roadmap decision, and the assignment decision for the tasks whose owner role someone on the team holds (they are assigned to that member). A horizon is started once (409 afterwards).',
      request: { params: AssessmentParamsSchema, ...jsonBody(StartPlanSchema) },
      responses: jsonResponses(201, StartedPlanSchema, 'The initiative and its tasks'),
    }),
    async (c) => {
      const { workspaceId, number } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const started = await startGrowthPlan(
        { db: c.get('deps').db, actor },
        { number, horizon: c.req.valid('json').horizon },
      );
      return send(c, StartedPlanSchema, started, 201);
    },
  );
}
