import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { z } from 'zod';
import {
  ErrorBodySchema,
  ForeignImportQuerySchema,
  ForeignImportRequestSchema,
  ForeignImportResultSchema,
  type WorkspaceImportRequest,
  WorkspaceImportRequestSchema,
  WorkspaceImportResultSchema,
} from '../../contract';
import { IMPORT_FORMATS } from '../../domain/import';
import { importForeignWorkspace } from '../commands/foreign-import';
import { startForeignImportJob, startMergeImportJob } from '../commands/foreign-import-jobs';
import { type MergeImportInput, mergeForeignImport } from '../commands/merge-import';
import type { AppEnv } from '../context';
import { requireMember, requireUser } from '../policies/access';
import { readImportRequest } from './import-upload';
import { jsonResponses, send, WorkspaceParams } from './openapi';
import { acceptImportJob, IMPORT_JOB_ACCEPTED, importLimitsOf } from './transfer.routes';

const TOO_LARGE = {
  description: 'The file is larger than this server imports: the message names the limit and the size',
  content: { 'application/json': { schema: ErrorBodySchema } },
};

const UPLOAD_DOC =
  'The file travels either as `text` in a JSON body or, better for large files, as `multipart/form-data`: a `file` part (its bytes are read as UTF-8, UTF-16 with a byte-order mark, or Windows-1252) and optional fields `format`, `mapping` (the JSON of the mapping edits, e.g. `{"states":{"In QA":"in_review"},"types":{"Story":"feature"}}`), `dateFormat` and `dryRun` (`true`/`false`, as the query). `curl -F file=@export.csv -F format=jira …`. A file over the limit is a 413 naming the limit and its size; a missing or second `file` part, an unknown or repeated field, or a mapping that is not JSON is a 400 saying what to fix. Nothing is written in either case.';

/** The body of an import: JSON with the file as text, or a multipart upload. */
function importBody<T extends z.ZodType>(schema: T, withName: boolean) {
  const fields: Record<string, { type: 'string'; format?: string; description: string }> = {
    file: { type: 'string', format: 'binary', description: 'the exported file' },
    format: { type: 'string', description: `one of ${IMPORT_FORMATS.join(', ')}; detected when absent` },
    ...(withName ? { name: { type: 'string', description: "the new workspace's name" } } : {}),
    mapping: { type: 'string', description: 'mapping edits as JSON, laid over the proposed mapping' },
    dateFormat: { type: 'string', description: 'e.g. "DD/MMM/YY h:mm A"' },
    dryRun: { type: 'string', description: '"true": report only, write nothing' },
  };
  return {
    body: {
      // Not required as one type: a JSON body or a multipart upload.
      required: false,
      content: {
        'application/json': { schema },
        'multipart/form-data': {
          schema: {
            type: 'object' as const,
            required: ['file', ...(withName ? ['name'] : [])],
            properties: fields,
          },
        },
      },
    },
  };
}

/** The file and the user's choices, as the import commands take them. */
function choicesOf(body: WorkspaceImportRequest, notes: string[], dryRun: boolean): MergeImportInput {
  return {
    text: body.text,
    notes,
    dryRun,
    ...(body.fileName ? { fileName: body.fileName } : {}),
    ...(body.format ? { format: body.format } : {}),
    ...(body.mapping ? { edits: body.mapping } : {}),
    ...(body.dateFormat ? { dateFormat: body.dateFormat } : {}),
  };
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
        `${UPLOAD_DOC} ` +
        'Files above 1 MB are imported in the background: the answer is 202 with a job to poll at `/api/imports/{id}`, whose result, once done, is this answer, or whose error is this 400. With `?dryRun=true`` the answer is the report of what would be created and every problem, and nothing is written. Otherwise the file is imported like Headway JSON: you become founder, people the file names with an e-mail get invitations (links shown once), and people with a name only stay as text. A file with errors is a 400 listing them (`details.problems`, `details.summary`); nothing is written.',
      request: { query: ForeignImportQuerySchema, ...importBody(ForeignImportRequestSchema, true) },
      responses: {
        ...jsonResponses(201, ForeignImportResultSchema, 'The new workspace, its invitations and the report'),
        200: {
          description: 'The dry run: what would be created; nothing was written',
          content: { 'application/json': { schema: ForeignImportResultSchema } },
        },
        202: IMPORT_JOB_ACCEPTED,
        413: TOO_LARGE,
      } as RouteConfig['responses'],
    }),
    async (c) => {
      const userId = requireUser(c);
      const deps = c.get('deps');
      const limits = importLimitsOf(deps);
      const { body, dryRun, notes } = await readImportRequest(c, ForeignImportRequestSchema, {
        allowName: true,
        limit: limits.maxBytes,
      });
      const input = { ...choicesOf(body, notes, dryRun), name: body.name };
      const bytes = Buffer.byteLength(body.text);
      if (!dryRun && bytes > limits.syncBytes) {
        return acceptImportJob(
          c,
          await startForeignImportJob(deps.db, deps.logger, userId, input, {
            bytes,
            oneAtATime: limits.oneAtATime,
          }),
        );
      }
      const outcome = await importForeignWorkspace(deps.db, userId, input);
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
        `${UPLOAD_DOC} ` +
        "Items are matched by the file's format and key (PROJ-12): a key the workspace does not hold is a new item at the bottom of the backlog; a key it holds updates the title, description, type, state, labels, story points, estimate, parent and target date that differ, each change recorded as yours with the import as its why (`changedHere` flags an item edited in Headway since the last import: the file's values replace that edit). Missing dependencies are added; one that would close a cycle is reported, not imported. A change whose decision is not yours (text, estimates, target date, dependencies) is reported in `withheld` or `dependencies.refused` with who decides, not applied. People are matched with the current members; nobody becomes a member. With `?dryRun=true` nothing is written. Files above 1 MB are imported in the background (202 and a job to poll at `/api/imports/{id}`; a dry run is always answered at once). Needs the scope and backlog-order decisions (403 names who holds them). A file with errors is a 400 listing them; nothing is written.",
      request: {
        params: WorkspaceParams,
        query: ForeignImportQuerySchema,
        ...importBody(WorkspaceImportRequestSchema, false),
      },
      responses: {
        ...jsonResponses(200, WorkspaceImportResultSchema, 'What was created, updated and left unchanged'),
        202: IMPORT_JOB_ACCEPTED,
        413: TOO_LARGE,
      } as RouteConfig['responses'],
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const deps = c.get('deps');
      const limits = importLimitsOf(deps);
      const { body, dryRun, notes } = await readImportRequest(c, WorkspaceImportRequestSchema, {
        allowName: false,
        limit: limits.maxBytes,
      });
      const input = choicesOf(body, notes, dryRun);
      const bytes = Buffer.byteLength(body.text);
      if (!dryRun && bytes > limits.syncBytes) {
        return acceptImportJob(
          c,
          await startMergeImportJob(deps.db, deps.logger, actor, input, {
            bytes,
            oneAtATime: limits.oneAtATime,
          }),
        );
      }
      const result = await mergeForeignImport({ db: deps.db, actor }, input);
      return send(c, WorkspaceImportResultSchema, result);
    },
  );
}
