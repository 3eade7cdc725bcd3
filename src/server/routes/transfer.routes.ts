import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { HeadwayExportSchema, WorkspaceSchema } from '../../contract';
import { exportWorkspace, importWorkspace } from '../commands/transfer';
import type { AppEnv } from '../context';
import { requireMember, requireUser } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

export function registerTransferRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/export',
      tags: ['import and export'],
      summary: 'The whole workspace as Headway JSON (lossless)',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, HeadwayExportSchema, 'Headway JSON'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, HeadwayExportSchema, await exportWorkspace(c.get('deps').db, actor.workspaceId));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/import',
      tags: ['import and export'],
      summary: 'Import Headway JSON as a new workspace, all or nothing',
      request: jsonBody(HeadwayExportSchema),
      responses: jsonResponses(201, WorkspaceSchema, 'The new workspace'),
    }),
    async (c) => {
      const userId = requireUser(c);
      return send(
        c,
        WorkspaceSchema,
        await importWorkspace(c.get('deps').db, userId, c.req.valid('json')),
        201,
      );
    },
  );
}
