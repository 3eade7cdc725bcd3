import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AddDependencySchema,
  CommentSchema,
  CreateCommentSchema,
  CreateItemSchema,
  ItemListQuerySchema,
  ItemSchema,
  MovedItemSchema,
  MoveItemSchema,
  pageOf,
  StateChangeSchema,
  text,
  UpdateItemSchema,
} from '../../contract';
import { ValidatedBodies } from '../cache/validated-bodies';
import { addComment, findComments, findStateHistory } from '../commands/activity';
import { addDependency, removeDependency } from '../commands/dependencies';
import { moveItem } from '../commands/item-order';
import { findItems, findItemsTag, findItemTag, getItemTagged } from '../commands/item-reads';
import { createItem, updateItem } from '../commands/items';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { isNotModified, notModified, tagResponse } from './conditional';
import {
  expectedVersion,
  ItemParams,
  jsonBody,
  jsonResponses,
  presentedJson,
  send,
  sendJsonText,
  sendPresented,
  WorkspaceParams,
} from './openapi';

const ItemPage = pageOf(ItemSchema);
const NOT_MODIFIED = {
  304: { description: 'Not modified: the copy named in If-None-Match is still current (no body)' },
};
const DependencyParams = z.object({ workspaceId: text(), itemId: text(), dependsOnId: text() });

export function registerItemRoutes(app: OpenAPIHono<AppEnv>): void {
  // Pages of items sent by this app, sent again while the database confirms them current.
  const pages = new ValidatedBodies();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/items',
      tags: ['items'],
      summary: 'Work items in the product order, filtered and paginated',
      request: { params: WorkspaceParams, query: ItemListQuerySchema },
      responses: {
        ...jsonResponses(200, ItemPage, 'A page of items (ETag: its validator)'),
        ...NOT_MODIFIED,
      },
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const { db } = c.get('deps');
      const filter = c.req.valid('query');
      // The same page for every member: its body depends on the workspace and the filter only.
      const key = `${actor.workspaceId} ${JSON.stringify(filter)}`;
      if (c.req.header('if-none-match') || pages.peek(key)) {
        const etag = await findItemsTag(db, actor.workspaceId, filter);
        if (isNotModified(c, etag)) return notModified(c, etag);
        const kept = pages.take(key, etag);
        if (kept !== undefined) {
          tagResponse(c, etag);
          return sendJsonText(c, kept);
        }
      }
      const { etag, ...page } = await findItems(db, actor.workspaceId, filter);
      const body = presentedJson(c, ItemPage, page);
      pages.keep(key, etag, body);
      tagResponse(c, etag);
      return sendJsonText(c, body);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/items',
      tags: ['items'],
      summary: 'Capture a work item (it lands at the bottom, waiting to be ordered)',
      request: { params: WorkspaceParams, ...jsonBody(CreateItemSchema) },
      responses: jsonResponses(201, ItemSchema, 'The new item'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, ItemSchema, await createItem({ db: c.get('deps').db, actor }, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/items/{itemId}',
      tags: ['items'],
      summary: 'One work item',
      request: { params: ItemParams },
      responses: { ...jsonResponses(200, ItemSchema, 'The item (ETag: its validator)'), ...NOT_MODIFIED },
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const { db } = c.get('deps');
      if (c.req.header('if-none-match')) {
        const etag = await findItemTag(db, actor.workspaceId, itemId);
        if (etag && isNotModified(c, etag)) return notModified(c, etag);
      }
      const { item, etag } = await getItemTagged(db, actor.workspaceId, itemId);
      tagResponse(c, etag);
      return sendPresented(c, ItemSchema, item);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/workspaces/{workspaceId}/items/{itemId}',
      tags: ['items'],
      summary: 'Update a work item; needs its current version, each field checked against its decision',
      request: { params: ItemParams, ...jsonBody(UpdateItemSchema) },
      responses: jsonResponses(200, ItemSchema, 'The updated item'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const body = c.req.valid('json');
      const version = expectedVersion(c, body.version);
      return send(
        c,
        ItemSchema,
        await updateItem({ db: c.get('deps').db, actor }, { ...body, itemId, version }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/items/{itemId}/move',
      tags: ['items'],
      summary: 'Place an item in the product order (the ordering decision)',
      request: { params: ItemParams, ...jsonBody(MoveItemSchema) },
      responses: jsonResponses(200, MovedItemSchema, 'The moved item, with the decision it made'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const body = c.req.valid('json');
      const version = body.version ?? (c.req.header('if-match') ? expectedVersion(c, undefined) : undefined);
      return send(
        c,
        MovedItemSchema,
        await moveItem({ db: c.get('deps').db, actor }, { ...body, itemId, version }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/items/{itemId}/dependencies',
      tags: ['items'],
      summary: 'Make this item wait for another (the dependencies decision); cycles are refused',
      request: { params: ItemParams, ...jsonBody(AddDependencySchema) },
      responses: jsonResponses(201, ItemSchema, 'The item with its dependencies'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        ItemSchema,
        await addDependency({ db: c.get('deps').db, actor }, { ...c.req.valid('json'), itemId }),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/items/{itemId}/dependencies/{dependsOnId}',
      tags: ['items'],
      summary: 'Remove a dependency (the dependencies decision)',
      request: { params: DependencyParams },
      responses: jsonResponses(200, ItemSchema, 'The item with its dependencies'),
    }),
    async (c) => {
      const { workspaceId, itemId, dependsOnId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        ItemSchema,
        await removeDependency({ db: c.get('deps').db, actor }, { itemId, dependsOnId }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/items/{itemId}/history',
      tags: ['items'],
      summary: 'The state history of an item',
      request: { params: ItemParams },
      responses: jsonResponses(
        200,
        z.object({ data: z.array(StateChangeSchema) }),
        'State changes, oldest first',
      ),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(c, z.object({ data: z.array(StateChangeSchema) }), {
        data: await findStateHistory(c.get('deps').db, actor.workspaceId, itemId),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/items/{itemId}/comments',
      tags: ['items'],
      summary: 'Comments on an item',
      request: { params: ItemParams },
      responses: jsonResponses(200, z.object({ data: z.array(CommentSchema) }), 'Comments, oldest first'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(c, z.object({ data: z.array(CommentSchema) }), {
        data: await findComments(c.get('deps').db, actor.workspaceId, itemId),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/items/{itemId}/comments',
      tags: ['items'],
      summary: 'Comment on an item',
      request: { params: ItemParams, ...jsonBody(CreateCommentSchema) },
      responses: jsonResponses(201, CommentSchema, 'The comment'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        CommentSchema,
        await addComment({ db: c.get('deps').db, actor }, { itemId, body: c.req.valid('json').body }),
        201,
      );
    },
  );
}
