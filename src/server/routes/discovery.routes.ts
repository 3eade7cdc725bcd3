import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { EvidenceImportReportSchema, IdeaListSchema, ImportEvidenceSchema } from '../../contract';
import { importEvidence } from '../commands/evidence-import';
import { listIdeas } from '../commands/ideas';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

/** Discovery: customer evidence in from CSV, and ideas with the demand behind them. */
export function registerDiscoveryRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/evidence/import',
      tags: ['discovery'],
      summary:
        'Import customer evidence (and companies) from CSV: all rows or none, matched on external id so a re-import adds nothing twice; dryRun counts without writing',
      request: { params: WorkspaceParams, ...jsonBody(ImportEvidenceSchema) },
      responses: jsonResponses(
        200,
        EvidenceImportReportSchema,
        'What was (or would be) written, and every problem',
      ),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const report = await importEvidence({ db: c.get('deps').db, actor }, c.req.valid('json'));
      return send(c, EvidenceImportReportSchema, report);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/ideas',
      tags: ['discovery'],
      summary:
        'Ideas with the evidence behind them: distinct accounts, revenue, importance, and reach among the accounts heard with its 90 % interval',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, IdeaListSchema, 'The ideas, most accounts first'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, IdeaListSchema, await listIdeas(c.get('deps').db, actor));
    },
  );
}
