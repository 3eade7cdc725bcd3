import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AssignCycleItemsSchema,
  CloseCycleSchema,
  CreateCycleSchema,
  CycleListSchema,
  CycleSchema,
  text,
  UpdateCycleSchema,
} from '../../contract';
import { assignCycleItems, closeCycle, createCycle, findCycles, updateCycle } from '../commands/cycles';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const P = '/api/workspaces/{workspaceId}/cycles';
const CycleParams = z.object({ workspaceId: text(), cycleId: text() });

/** Cycles (iterations): time boxes with capacity, committed and completed work, and carry-over on close. */
export function registerCycleRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: P,
      tags: ['cycles'],
      summary:
        'Every cycle, earliest first, with capacity (FTE × working days), committed and completed work',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, CycleListSchema, 'The cycles'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, CycleListSchema, { data: await findCycles(c.get('deps').db, actor.workspaceId) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: P,
      tags: ['cycles'],
      summary: 'Create a cycle whose days overlap no other cycle (the roadmap decision)',
      request: { params: WorkspaceParams, ...jsonBody(CreateCycleSchema) },
      responses: jsonResponses(201, CycleSchema, 'The new cycle'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        CycleSchema,
        await createCycle({ db: c.get('deps').db, actor }, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: `${P}/{cycleId}`,
      tags: ['cycles'],
      summary: 'Rename a cycle or move its dates; needs its version',
      request: { params: CycleParams, ...jsonBody(UpdateCycleSchema) },
      responses: jsonResponses(200, CycleSchema, 'The cycle as it now is'),
    }),
    async (c) => {
      const { workspaceId, cycleId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        CycleSchema,
        await updateCycle({ db: c.get('deps').db, actor }, { ...c.req.valid('json'), cycleId }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/{cycleId}/items`,
      tags: ['cycles'],
      summary:
        'Put features, tasks and bugs into an open cycle or take them out (the roadmap decision, logged)',
      request: { params: CycleParams, ...jsonBody(AssignCycleItemsSchema) },
      responses: jsonResponses(200, CycleSchema, 'The cycle with its new figures'),
    }),
    async (c) => {
      const { workspaceId, cycleId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        CycleSchema,
        await assignCycleItems({ db: c.get('deps').db, actor }, { ...c.req.valid('json'), cycleId }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/{cycleId}/close`,
      tags: ['cycles'],
      summary:
        'Close a cycle: its unfinished items carry over to the next open cycle (logged); needs its version',
      request: { params: CycleParams, ...jsonBody(CloseCycleSchema) },
      responses: jsonResponses(200, CycleSchema, 'The closed cycle'),
    }),
    async (c) => {
      const { workspaceId, cycleId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        CycleSchema,
        await closeCycle({ db: c.get('deps').db, actor }, { ...c.req.valid('json'), cycleId }),
      );
    },
  );
}
