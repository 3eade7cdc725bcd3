import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  FOREIGN_IMPORT_MAX_BYTES,
  ForeignImportQuerySchema,
  ForeignImportRequestSchema,
  ForeignImportResultSchema,
} from '../../contract';
import { importForeignWorkspace } from '../commands/foreign-import';
import type { AppEnv } from '../context';
import { AppError } from '../errors';
import { requireUser } from '../policies/access';
import { jsonBody, jsonResponses, send } from './openapi';

/** `POST /api/workspaces/import/foreign`: a Jira, Linear, GitHub or CSV file as a new workspace. */
export function registerForeignImportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/import/foreign',
      tags: ['import and export'],
      summary: 'Import a Jira, Linear, GitHub or CSV file as a new workspace, all or nothing',
      description:
        'The file travels as `text`. With `?dryRun=true` the answer is the report of what would be created and every problem, and nothing is written. Otherwise the file is imported like Headway JSON: you become founder, people the file names with an e-mail get invitations (links shown once), and people with a name only stay as text. A file with errors is a 400 listing them (`details.problems`, `details.summary`); nothing is written.',
      request: { query: ForeignImportQuerySchema, ...jsonBody(ForeignImportRequestSchema) },
      responses: {
        ...jsonResponses(201, ForeignImportResultSchema, 'The new workspace, its invitations and the report'),
        200: {
          description: 'The dry run: what would be created; nothing was written',
          content: { 'application/json': { schema: ForeignImportResultSchema } },
        },
        413: {
          description: 'The file is larger than this server accepts',
          content: { 'application/json': { schema: z.unknown() } },
        },
      } as RouteConfig['responses'],
    }),
    async (c) => {
      const userId = requireUser(c);
      const body = c.req.valid('json');
      if (Buffer.byteLength(body.text) > FOREIGN_IMPORT_MAX_BYTES) {
        throw new AppError(
          'payload_too_large',
          `The file is larger than ${FOREIGN_IMPORT_MAX_BYTES / 1024 / 1024} MB: export fewer issues per file (for example by project or year)`,
        );
      }
      const dryRun = c.req.valid('query').dryRun === 'true';
      const outcome = await importForeignWorkspace(c.get('deps').db, userId, {
        text: body.text,
        name: body.name,
        dryRun,
        ...(body.fileName ? { fileName: body.fileName } : {}),
        ...(body.format ? { format: body.format } : {}),
        ...(body.mapping ? { edits: body.mapping } : {}),
        ...(body.dateFormat ? { dateFormat: body.dateFormat } : {}),
      });
      if (outcome.kind === 'dry-run') {
        return send(c, ForeignImportResultSchema, { summary: outcome.summary, workspace: null });
      }
      return send(
        c,
        ForeignImportResultSchema,
        { summary: outcome.summary, workspace: outcome.workspace },
        201,
      );
    },
  );
}
