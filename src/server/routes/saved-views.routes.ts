import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CreateSavedViewSchema,
  SavedViewListSchema,
  SavedViewSchema,
  text,
  UpdateSavedViewSchema,
} from '../../contract';
import { createSavedView, deleteSavedView, findSavedViews, updateSavedView } from '../commands/saved-views';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { expectedVersion, jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const P = '/api/workspaces/{workspaceId}/saved-views';
const ViewParams = z.object({ workspaceId: text(), viewId: text() });
const { 200: _ok, ...errorResponses } = jsonResponses(200, z.null(), 'unused');

/** Saved views of the backlog: every member saves their own or shared ones; owners change them. */
export function registerSavedViewRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: P,
      tags: ['saved views'],
      summary: 'Your personal saved views and every shared one of the workspace',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, SavedViewListSchema, 'Shared views first, then by name'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, SavedViewListSchema, { data: await findSavedViews(c.get('deps').db, actor) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: P,
      tags: ['saved views'],
      summary: 'Save the backlog’s filters, layout and score column under a name, for you or for everyone',
      request: { params: WorkspaceParams, ...jsonBody(CreateSavedViewSchema) },
      responses: jsonResponses(201, SavedViewSchema, 'The view'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        SavedViewSchema,
        await createSavedView({ db: c.get('deps').db, actor }, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: `${P}/{viewId}`,
      tags: ['saved views'],
      summary: 'Rename, share or change a view (its owner, or a founder for a shared one); needs its version',
      request: { params: ViewParams, ...jsonBody(UpdateSavedViewSchema) },
      responses: jsonResponses(200, SavedViewSchema, 'The changed view'),
    }),
    async (c) => {
      const { workspaceId, viewId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const body = c.req.valid('json');
      const version = expectedVersion(c, body.version);
      return send(
        c,
        SavedViewSchema,
        await updateSavedView({ db: c.get('deps').db, actor }, { ...body, viewId, version }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${P}/{viewId}`,
      tags: ['saved views'],
      summary: 'Delete a view (its owner, or a founder for a shared one)',
      request: { params: ViewParams },
      responses: { ...errorResponses, 204: { description: 'Deleted' } },
    }),
    async (c) => {
      const { workspaceId, viewId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      await deleteSavedView({ db: c.get('deps').db, actor }, { viewId });
      return c.body(null, 204);
    },
  );
}
