import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { BriefQuerySchema, BriefSchema } from '../../contract';
import { getBrief } from '../commands/brief';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonResponses, send, WorkspaceParams } from './openapi';

/** The weekly brief: what happened since a date, on one page, for the member asking. */
export function registerBriefRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/brief',
      tags: ['delivery'],
      summary:
        'The weekly brief of the member asking since a date: decisions waiting on them, order and scope changes with who decided, milestone forecast moves and why, slips, aging work, estimates far off their calibration, what the plan says is at risk',
      request: { params: WorkspaceParams, query: BriefQuerySchema },
      responses: jsonResponses(
        200,
        BriefSchema,
        'The brief, each line with the app path where it can be acted on',
      ),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, BriefSchema, await getBrief({ db: c.get('deps').db, actor }, c.req.valid('query')));
    },
  );
}
