import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AcceptInvitationSchema,
  CreatedWorkspaceSchema,
  CreateInvitationSchema,
  CreateWorkspaceSchema,
  DecisionRightsSchema,
  InvitationSchema,
  MemberSchema,
  text,
  UpdateDecisionRightsSchema,
  UpdateMemberSchema,
  WorkspaceSchema,
} from '../../contract';
import { getDecisionRights, updateDecisionRights } from '../commands/decision-rights';
import { createWorkspaceFromAssessment } from '../commands/workspace-from-assessment';
import {
  acceptInvitation,
  createInvitation,
  createWorkspace,
  findMembers,
  findWorkspacesOf,
  removeMember,
  updateMember,
} from '../commands/workspaces';
import type { AppEnv } from '../context';
import { requireMember, requireUser } from '../policies/access';
import { jsonBody, jsonResponses, noContent, send, WorkspaceParams } from './openapi';

const MemberParams = z.object({ workspaceId: text(), userId: text() });

export function registerWorkspaceRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces',
      tags: ['workspaces'],
      summary: 'The workspaces I belong to',
      responses: jsonResponses(200, z.object({ data: z.array(WorkspaceSchema) }), 'Workspaces'),
    }),
    async (c) => {
      const userId = requireUser(c);
      return send(c, z.object({ data: z.array(WorkspaceSchema) }), {
        data: await findWorkspacesOf(c.get('deps').db, userId),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces',
      tags: ['workspaces'],
      summary: 'Create a workspace; you become its founder',
      description:
        'With `fromAssessment`, the workspace starts from answers to the short questionnaire (a 400 names every bad answer and nothing is created): the decision rights its growth plan implies, the assessment as #1, and an invitation link (shown once) for each person the answers describe.',
      request: jsonBody(CreateWorkspaceSchema),
      responses: jsonResponses(201, CreatedWorkspaceSchema, 'The new workspace'),
    }),
    async (c) => {
      const userId = requireUser(c);
      const { db } = c.get('deps');
      const { name, fromAssessment } = c.req.valid('json');
      return send(
        c,
        CreatedWorkspaceSchema,
        fromAssessment
          ? await createWorkspaceFromAssessment(db, userId, { name, answers: fromAssessment.answers })
          : await createWorkspace(db, userId, { name }),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}',
      tags: ['workspaces'],
      summary: 'One workspace',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, WorkspaceSchema, 'The workspace'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const all = await findWorkspacesOf(c.get('deps').db, actor.userId);
      return send(
        c,
        WorkspaceSchema,
        all.find((w) => w.id === actor.workspaceId) as z.input<typeof WorkspaceSchema>,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/members',
      tags: ['team'],
      summary: 'The team: roles, FTE and skills',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, z.object({ data: z.array(MemberSchema) }), 'Members'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, z.object({ data: z.array(MemberSchema) }), {
        data: await findMembers(c.get('deps').db, actor.workspaceId),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/workspaces/{workspaceId}/members/{userId}',
      tags: ['team'],
      summary: 'Change a member’s role, FTE or skills (the team decision)',
      request: { params: MemberParams, ...jsonBody(UpdateMemberSchema) },
      responses: jsonResponses(200, MemberSchema, 'The member'),
    }),
    async (c) => {
      const { workspaceId, userId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        MemberSchema,
        await updateMember({ db: c.get('deps').db, actor }, { ...c.req.valid('json'), userId }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/members/{userId}',
      tags: ['team'],
      summary: 'Remove a member (the team decision)',
      request: { params: MemberParams },
      responses: noContent,
    }),
    async (c) => {
      const { workspaceId, userId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      await removeMember({ db: c.get('deps').db, actor }, { userId });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/invitations',
      tags: ['team'],
      summary: 'Create an invitation link with a role, FTE and skills',
      request: { params: WorkspaceParams, ...jsonBody(CreateInvitationSchema) },
      responses: jsonResponses(201, InvitationSchema, 'The invitation; its token is shown once'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        InvitationSchema,
        await createInvitation({ db: c.get('deps').db, actor }, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/invitations/accept',
      tags: ['team'],
      summary: 'Join a workspace with an invitation token',
      request: jsonBody(AcceptInvitationSchema),
      responses: jsonResponses(200, WorkspaceSchema, 'The workspace joined'),
    }),
    async (c) => {
      const userId = requireUser(c);
      return send(
        c,
        WorkspaceSchema,
        await acceptInvitation(c.get('deps').db, userId, c.req.valid('json').token),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/decision-rights',
      tags: ['decision rights'],
      summary: 'Who decides what: the matrix, today’s holders, and what I may decide',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, DecisionRightsSchema, 'The matrix'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, DecisionRightsSchema, await getDecisionRights({ db: c.get('deps').db, actor }));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/workspaces/{workspaceId}/decision-rights',
      tags: ['decision rights'],
      summary: 'Replace the matrix (founder only; exactly one A per decision)',
      request: { params: WorkspaceParams, ...jsonBody(UpdateDecisionRightsSchema) },
      responses: jsonResponses(200, DecisionRightsSchema, 'The new matrix'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        DecisionRightsSchema,
        await updateDecisionRights({ db: c.get('deps').db, actor }, c.req.valid('json')),
      );
    },
  );
}
