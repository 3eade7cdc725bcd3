import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  BacklogExportQuerySchema,
  CalendarFeedListSchema,
  CreateCalendarFeedSchema,
  CreatedCalendarFeedSchema,
  DateOnlySchema,
  ErrorBodySchema,
  text,
} from '../../contract';
import {
  createCalendarFeed,
  findCalendarFeeds,
  renderCalendarFeed,
  revokeCalendarFeed,
} from '../commands/calendar-feeds';
import { type ExportFile, exportBacklogCsv, exportRoadmapMarkdown } from '../commands/exports';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const { 200: _ok, 201: _created, ...errorResponses } = jsonResponses(200, z.null(), 'unused');

/** A file response of the given media type, with the error responses every route may give. */
function fileResponses(type: string, description: string) {
  return { 200: { description, content: { [type]: { schema: z.string() } } }, ...errorResponses };
}

/** Sends a file as a download; personal data, so no cache keeps it. */
function download(c: Context<AppEnv>, file: ExportFile, type: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
  c.header('Cache-Control', 'private, no-store');
  if (file.truncated) c.header('Headway-Truncated', 'the first rows of the view were kept');
  return c.body(file.body, 200);
}

/** Backlog CSV, roadmap Markdown and the calendar feeds of milestones. */
export function registerExportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/items/export.csv',
      tags: ['items'],
      summary: 'A backlog view as CSV, with the backlog’s filters; formula-like cells are neutralised',
      request: { params: WorkspaceParams, query: BacklogExportQuerySchema },
      responses: fileResponses('text/csv', 'CSV in the product order, as <workspace>-backlog-<date>.csv'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const file = await exportBacklogCsv(c.get('deps').db, {
        workspaceId: actor.workspaceId,
        query: c.req.valid('query'),
      });
      return download(c, file, 'text/csv; charset=utf-8');
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/roadmap/export.md',
      tags: ['roadmap'],
      summary: 'The roadmap the roadmap page shows, as Markdown: milestones, then now / next / later',
      request: {
        params: WorkspaceParams,
        query: z.object({ start: DateOnlySchema.optional().describe('first plan day (default today, UTC)') }),
      },
      responses: fileResponses('text/markdown', 'Markdown, as <workspace>-roadmap-<date>.md'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const file = await exportRoadmapMarkdown(c.get('deps').db, {
        workspaceId: actor.workspaceId,
        workspaceName: actor.workspaceName,
        start: c.req.valid('query').start,
      });
      return download(c, file, 'text/markdown; charset=utf-8');
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/calendar-feeds',
      tags: ['roadmap'],
      summary: 'Create my calendar feed of this workspace’s milestones (its address is shown once)',
      description:
        'The address needs no sign-in, so calendar apps can subscribe to it: keep it private. It reads only this workspace’s milestones, and stops answering when revoked or when you leave the workspace.',
      request: { params: WorkspaceParams, ...jsonBody(CreateCalendarFeedSchema) },
      responses: jsonResponses(
        201,
        CreatedCalendarFeedSchema,
        'The feed with its secret address, shown once',
      ),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const feed = await createCalendarFeed({ db: c.get('deps').db, actor }, c.req.valid('json'));
      return send(c, CreatedCalendarFeedSchema, feed, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/calendar-feeds',
      tags: ['roadmap'],
      summary: 'My calendar feeds of this workspace that are not revoked (never their addresses)',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, CalendarFeedListSchema, 'My feeds, newest first'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const data = await findCalendarFeeds({ db: c.get('deps').db, actor });
      return send(c, CalendarFeedListSchema, { data });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/calendar-feeds/{feedId}',
      tags: ['roadmap'],
      summary: 'Revoke one of my calendar feeds; its address answers 404 at once',
      request: { params: z.object({ workspaceId: text(), feedId: text() }) },
      responses: { 204: { description: 'Revoked' }, ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, feedId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      await revokeCalendarFeed({ db: c.get('deps').db, actor }, { feedId });
      return c.body(null, 204);
    },
  );

  // The token sits in the file name, which the OpenAPI path syntax states but Hono's cannot, so
  // the document and the handler are registered apart.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/calendar/{token}.ics',
    tags: ['roadmap'],
    summary:
      'A calendar feed: the workspace’s milestones as all-day events (no sign-in: the address is the secret)',
    security: [],
    request: { params: z.object({ token: z.string().describe('the secret of a calendar feed') }) },
    responses: {
      200: { description: 'iCalendar (RFC 5545)', content: { 'text/calendar': { schema: z.string() } } },
      404: {
        description: 'Unknown or revoked feed, or its member left the workspace',
        content: { 'application/json': { schema: ErrorBodySchema } },
      },
    },
  });
  app.get('/api/calendar/:file{[^/]+\\.ics}', async (c) => {
    const deps = c.get('deps');
    const body = await renderCalendarFeed(deps.db, {
      secret: c.req.param('file').slice(0, -'.ics'.length),
      uidDomain: new URL(deps.publicUrl ?? c.req.url).hostname,
    });
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'inline; filename="milestones.ics"');
    c.header('Cache-Control', 'private, no-store');
    return c.body(body, 200);
  });
}
