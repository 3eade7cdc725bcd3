import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  FOREIGN_IMPORT_MAX_BYTES,
  ForeignImportQuerySchema,
  ForeignImportRequestSchema,
  ForeignImportResultSchema,
  WorkspaceImportRequestSchema,
  WorkspaceImportResultSchema,
} from '../../contract';
import { importForeignWorkspace } from '../commands/foreign-import';
import { mergeForeignImport } from '../commands/merge-import';
import type { AppEnv } from '../context';
import { AppError } from '../errors';
import { requireMember, requireUser } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const TOO_LARGE = {
  description: 'The file is larger than this server accepts',
  content: { 'application/json': { schema: z.unknown() } },
};

function refuseLargeFile(text: string): void {
  if (Buffer.byteLength(text) > FOREIGN_IMPORT_MAX_BYTES) {
    throw new AppError(
      'payload_too_large',
      `The file is larger than ${FOREIGN_IMPORT_MAX_BYTES / 1024 / 1024} MB: export fewer issues per file (for example by project or year)`,
    );
  }
}

/**
 * `POST /api/workspaces/import/foreign`: a Jira, Linear, GitHub or CSV file as a new workspace;
 * `POST /api/workspaces/{id}/import`: the same file into an existing workspace, again and again.
 */
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
        413: TOO_LARGE,
      } as RouteConfig['responses'],
    }),
    async (c) => {
      const userId = requireUser(c);
      const body = c.req.valid('json');
      refuseLargeFile(body.text);
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

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/import',
      tags: ['import and export'],
      summary: 'Import or re-import a Jira, Linear, GitHub or CSV file into this workspace, all or nothing',
      description:
        "The file travels as `text`, as for a new workspace. Items are matched by the file's format and key (PROJ-12): a key the workspace does not hold is a new item at the bottom of the backlog; a key it holds updates the title, description, type, state, labels, story points, estimate, parent and target date that differ, each change recorded as yours with the import as its why (`changedHere` flags an item edited in Headway since the last import: the file's values replace that edit). Missing dependencies are added; one that would close a cycle is reported, not imported. A change whose decision is not yours (text, estimates, target date, dependencies) is reported in `withheld` or `dependencies.refused` with who decides, not applied. People are matched with the current members; nobody becomes a member. With `?dryRun=true` nothing is written. Needs the scope and backlog-order decisions (403 names who holds them). A file with errors is a 400 listing them; nothing is written.",
      request: {
        params: WorkspaceParams,
        query: ForeignImportQuerySchema,
        ...jsonBody(WorkspaceImportRequestSchema),
      },
      responses: {
        ...jsonResponses(200, WorkspaceImportResultSchema, 'What was created, updated and left unchanged'),
        413: TOO_LARGE,
      } as RouteConfig['responses'],
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const body = c.req.valid('json');
      refuseLargeFile(body.text);
      const result = await mergeForeignImport(
        { db: c.get('deps').db, actor },
        {
          text: body.text,
          dryRun: c.req.valid('query').dryRun === 'true',
          ...(body.fileName ? { fileName: body.fileName } : {}),
          ...(body.format ? { format: body.format } : {}),
          ...(body.mapping ? { edits: body.mapping } : {}),
          ...(body.dateFormat ? { dateFormat: body.dateFormat } : {}),
        },
      );
      return send(c, WorkspaceImportResultSchema, result);
    },
  );
}
