import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  HeadwayExportSchema,
  type ImportJob,
  ImportJobSchema,
  ImportResultSchema,
  LIMITS,
  text,
} from '../../contract';
import { getImportJob, startHeadwayImportJob } from '../commands/import-jobs';
import { exportWorkspace } from '../commands/transfer';
import { importWorkspace } from '../commands/transfer-import';
import type { AppEnv, ServerDeps } from '../context';
import { AppError } from '../errors';
import { requireMember, requireUser } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

/** The import limits of this server: lower on the embedded database, which has one connection. */
export function importLimitsOf(deps: ServerDeps) {
  const embedded = deps.imports?.embedded ?? false;
  return {
    maxBytes: deps.imports?.maxBytes ?? (embedded ? LIMITS.importBytesEmbedded : LIMITS.importBytes),
    syncBytes: deps.imports?.syncBytes ?? LIMITS.importSyncBytes,
    oneAtATime: embedded,
  };
}

/** The 202 of an import that runs in the background: the job, and where to poll it. */
export function acceptImportJob(c: Context<AppEnv>, job: ImportJob) {
  c.header('Location', `/api/imports/${job.id}`);
  return c.json(ImportJobSchema.parse(job), 202);
}

/** The 202 answer in a route's description, shared by every import route. */
export const IMPORT_JOB_ACCEPTED = {
  description: 'A large file: imported in the background; poll the job at its `Location`',
  content: { 'application/json': { schema: ImportJobSchema } },
};

export function registerTransferRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/export',
      tags: ['import and export'],
      summary:
        'The workspace as Headway JSON: everything but secrets, personal views, estimation sessions and leads',
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
      description:
        'You become founder of the new workspace. The other members the file lists get invitations bound to their e-mail (links in `invitations`, shown once); nobody joins without accepting, and no account is created. What the file says people did is shown as imported attribution. JSON documents are checked (a bad one is a 400 naming its path) and assessment reports are computed again from the answers. Files above 1 MB are imported in the background: the answer is 202 with a job to poll at `/api/imports/{id}`.',
      request: jsonBody(HeadwayExportSchema),
      responses: {
        ...jsonResponses(201, ImportResultSchema, 'The new workspace and the invitations it created'),
        202: IMPORT_JOB_ACCEPTED,
        413: {
          description: 'The file is larger than this server accepts',
          content: { 'application/json': { schema: z.unknown() } },
        },
      } as RouteConfig['responses'],
    }),
    async (c) => {
      const userId = requireUser(c);
      const deps = c.get('deps');
      const limits = importLimitsOf(deps);
      // The body was read once to validate it; its text is cached, so measuring it is cheap.
      const bytes = Buffer.byteLength(await c.req.text());
      if (bytes > limits.maxBytes) {
        throw new AppError(
          'payload_too_large',
          `The file is larger than this server imports (${Math.round(limits.maxBytes / 1024 / 1024)} MB): split it, or run Headway on PostgreSQL`,
        );
      }
      const doc = c.req.valid('json');
      if (bytes <= limits.syncBytes) {
        return send(c, ImportResultSchema, await importWorkspace(deps.db, userId, doc), 201);
      }
      const job = await startHeadwayImportJob(deps.db, deps.logger, userId, doc, {
        bytes,
        oneAtATime: limits.oneAtATime,
      });
      return acceptImportJob(c, job);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports/{importId}',
      tags: ['import and export'],
      summary: 'A background import of yours: status, progress, and the result once done',
      request: { params: z.object({ importId: text() }) },
      responses: jsonResponses(200, ImportJobSchema, 'The import job'),
    }),
    async (c) => {
      const userId = requireUser(c);
      return send(
        c,
        ImportJobSchema,
        await getImportJob(c.get('deps').db, userId, c.req.valid('param').importId),
      );
    },
  );
}
