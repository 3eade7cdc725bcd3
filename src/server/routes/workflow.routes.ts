import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CreateWorkflowStateSchema,
  DeleteWorkflowStateSchema,
  RemovedWorkflowStateSchema,
  text,
  UpdateWorkflowStateSchema,
  WorkflowSchema,
  WorkflowStateSchema,
} from '../../contract';
import {
  createWorkflowState,
  deleteWorkflowState,
  findWorkflow,
  updateWorkflowState,
} from '../commands/workflow-states';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const P = '/api/workspaces/{workspaceId}/workflow';
const StateParams = z.object({ workspaceId: text(), stateId: text() });

/** The workspace's workflow: states named and ordered by the team, each in a category, with WIP limits. */
export function registerWorkflowRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: P,
      tags: ['workflow'],
      summary:
        'The workflow states in board order, each with its category, built-in state, WIP limit, waiting and blocked flags and items now',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, WorkflowSchema, 'The workflow'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, WorkflowSchema, await findWorkflow(c.get('deps').db, actor.workspaceId));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/states`,
      tags: ['workflow'],
      summary: 'Add a state standing for a built-in state (the technical approach decision, logged)',
      request: { params: WorkspaceParams, ...jsonBody(CreateWorkflowStateSchema) },
      responses: jsonResponses(201, WorkflowStateSchema, 'The new state'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const state = await createWorkflowState({ db: c.get('deps').db, actor }, c.req.valid('json'));
      return send(c, WorkflowStateSchema, state, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: `${P}/states/{stateId}`,
      tags: ['workflow'],
      summary:
        'Rename a state, move it in board order, set its WIP limit or mark it waiting or blocked (a started state only); needs its version',
      request: { params: StateParams, ...jsonBody(UpdateWorkflowStateSchema) },
      responses: jsonResponses(200, WorkflowStateSchema, 'The state as it now is'),
    }),
    async (c) => {
      const { workspaceId, stateId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const state = await updateWorkflowState(
        { db: c.get('deps').db, actor },
        { ...c.req.valid('json'), stateId },
      );
      return send(c, WorkflowStateSchema, state);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/states/{stateId}/remove`,
      tags: ['workflow'],
      summary:
        'Remove a state; the items in it go to `moveTo`, another state of the same built-in state (needs its version)',
      request: { params: StateParams, ...jsonBody(DeleteWorkflowStateSchema) },
      responses: jsonResponses(200, RemovedWorkflowStateSchema, 'The items that moved'),
    }),
    async (c) => {
      const { workspaceId, stateId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const removed = await deleteWorkflowState(
        { db: c.get('deps').db, actor },
        { ...c.req.valid('json'), stateId },
      );
      return send(c, RemovedWorkflowStateSchema, removed);
    },
  );
}
