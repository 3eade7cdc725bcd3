import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AmendRationaleSchema,
  DecisionLogEntrySchema,
  DecisionLogQuerySchema,
  InboxSchema,
  LIMITS,
  pageOf,
  SlipListQuerySchema,
  TargetDateSlipSchema,
  text,
  WaitsOnWhomSchema,
} from '../../contract';
import { amendRationale, findAllDecisions, findDecisions } from '../commands/decision-log';
import { renderDecisionsCsv } from '../commands/decision-log-csv';
import { findSlips } from '../commands/slips';
import { findInbox, findWaitsOnWhom } from '../commands/waiting';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const DecisionPage = pageOf(DecisionLogEntrySchema);
const DecisionParams = z.object({ workspaceId: text(), decisionId: text().max(40) });
/** The most rows one CSV export holds; the newest are kept. */
const CSV_MAX_ROWS = 50_000;

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
      path: '/api/workspaces/{workspaceId}/waiting',
      tags: ['decision rights'],
      summary: 'What waits on whom: per person, what waits on their decision, how many, the oldest age',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, WaitsOnWhomSchema, 'Everyone’s waiting decisions'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, WaitsOnWhomSchema, await findWaitsOnWhom(c.get('deps').db, actor));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/decisions',
      tags: ['decision rights'],
      summary: 'The decision log: who decided what, when and why (newest first, filtered, paginated)',
      request: {
        params: WorkspaceParams,
        query: DecisionLogQuerySchema.extend({
          limit: z.coerce.number().int().min(1).max(500).default(LIMITS.pageSizeDefault),
          cursor: z.string().max(40).optional().describe('nextCursor of the previous page'),
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

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/decisions.csv',
      tags: ['decision rights'],
      summary: 'The decision log as CSV, with the same filters; formula-like cells are neutralised',
      request: { params: WorkspaceParams, query: DecisionLogQuerySchema },
      responses: {
        200: { description: 'CSV, newest first', content: { 'text/csv': { schema: z.string() } } },
        ...errorResponses(),
      },
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const { data, truncated } = await findAllDecisions(
        c.get('deps').db,
        actor.workspaceId,
        c.req.valid('query'),
        CSV_MAX_ROWS,
      );
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="decisions.csv"');
      if (truncated) c.header('Headway-Truncated', `newest ${CSV_MAX_ROWS} rows`);
      return c.body(renderDecisionsCsv(data), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/decisions/{decisionId}/rationale',
      tags: ['decision rights'],
      summary: 'Give or change the why of your own recent decision (logged as an amendment)',
      description: `Only the person who made the decision, within 7 days of it. Send the entry's \`version\`; a stale one answers 409. The previous why is kept in the amendment entry.`,
      request: { params: DecisionParams, ...jsonBody(AmendRationaleSchema) },
      responses: jsonResponses(200, DecisionLogEntrySchema, 'The decision with its why'),
    }),
    async (c) => {
      const { workspaceId, decisionId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        DecisionLogEntrySchema,
        await amendRationale(
          { db: c.get('deps').db, actor },
          { ...c.req.valid('json'), entryId: decisionId },
        ),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/slips',
      tags: ['roadmap'],
      summary: 'Slips: committed target dates that moved, with their reasons (newest first)',
      request: { params: WorkspaceParams, query: SlipListQuerySchema },
      responses: jsonResponses(200, z.array(TargetDateSlipSchema), 'The slips'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        z.array(TargetDateSlipSchema),
        await findSlips(c.get('deps').db, actor.workspaceId, c.req.valid('query')),
      );
    },
  );
}

/** The error responses of a route whose success is not JSON. */
function errorResponses() {
  const { 200: _ok, 201: _created, ...errors } = jsonResponses(200, z.unknown(), '');
  return errors;
}
