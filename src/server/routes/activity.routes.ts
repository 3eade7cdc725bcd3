import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { DecisionLogEntrySchema, InboxSchema, LIMITS, pageOf } from '../../contract';
import { DECISIONS, type Decision } from '../../domain/decision-rights';
import { findDecisions, findInbox } from '../commands/activity';
import type { AppEnv } from '../context';
import { AppError } from '../errors';
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
          decision: z
            .string()
            .max(300)
            .optional()
            .describe('only these decisions, comma-separated, e.g. backlog_order,prioritization_method'),
          workspaceWide: z.enum(['true', 'false']).optional().describe('only decisions not about one item'),
          limit: z.coerce.number().int().min(1).max(500).default(LIMITS.pageSizeDefault),
          cursor: z.string().max(40).optional(),
        }),
      },
      responses: jsonResponses(200, DecisionPage, 'A page of decisions'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const query = c.req.valid('query');
      const decisions = query.decision?.split(',').map((d) => d.trim());
      const unknown = decisions?.filter((d) => !(DECISIONS as readonly string[]).includes(d));
      if (unknown && unknown.length > 0) {
        throw new AppError(
          'validation_failed',
          `decision: unknown ${unknown.join(', ')}; known: ${DECISIONS.join(', ')}`,
        );
      }
      return send(
        c,
        DecisionPage,
        await findDecisions(c.get('deps').db, actor.workspaceId, {
          ...query,
          decisions: decisions as Decision[] | undefined,
          workspaceWide: query.workspaceWide === 'true',
        }),
      );
    },
  );
}
