import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { DecisionLogEntrySchema, InboxSchema, LIMITS, pageOf } from '../../contract';
import { findDecisions, findInbox } from '../commands/activity';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonResponses, send, WorkspaceParams } from './openapi';

const DecisionPage = pageOf(DecisionLogEntrySchema);

export function registerActivityRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/inbox',
      tags: ['decision rights'],
      summary: 'What waits on my decision, oldest first',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, InboxSchema, 'My decision inbox'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, InboxSchema, await findInbox(c.get('deps').db, actor));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/decisions',
      tags: ['decision rights'],
      summary: 'The decision log: who decided what, when and why (newest first)',
      request: {
        params: WorkspaceParams,
        query: z.object({
          itemId: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(LIMITS.pageSizeDefault),
          cursor: z.string().max(40).optional(),
        }),
      },
      responses: jsonResponses(200, DecisionPage, 'A page of decisions'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        DecisionPage,
        await findDecisions(c.get('deps').db, actor.workspaceId, c.req.valid('query')),
      );
    },
  );
}
