import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AcceptProposalSchema,
  CreateProposalSchema,
  DeclineProposalSchema,
  ProposalListQuerySchema,
  ProposalSchema,
  text,
} from '../../contract';
import {
  acceptProposal,
  createProposal,
  declineProposal,
  findProposals,
  getProposal,
} from '../commands/proposals';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const ProposalList = z.object({ data: z.array(ProposalSchema) });
const ProposalParams = z.object({ workspaceId: text(), proposalId: text().max(40) });

export function registerProposalRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/proposals',
      tags: ['decision rights'],
      summary: 'Propose an order or scope change to whoever holds that decision; it waits in their inbox',
      request: { params: WorkspaceParams, ...jsonBody(CreateProposalSchema) },
      responses: jsonResponses(201, ProposalSchema, 'The open proposal, naming who decides it'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        ProposalSchema,
        await createProposal({ db: c.get('deps').db, actor }, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/proposals',
      tags: ['decision rights'],
      summary: 'Proposals of the workspace, oldest first, filtered by state or item',
      request: { params: WorkspaceParams, query: ProposalListQuerySchema },
      responses: jsonResponses(200, ProposalList, 'Proposals'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, ProposalList, {
        data: await findProposals(c.get('deps').db, actor, c.req.valid('query')),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/proposals/{proposalId}',
      tags: ['decision rights'],
      summary: 'One proposal',
      request: { params: ProposalParams },
      responses: jsonResponses(200, ProposalSchema, 'The proposal'),
    }),
    async (c) => {
      const { workspaceId, proposalId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(c, ProposalSchema, await getProposal(c.get('deps').db, actor, proposalId));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/proposals/{proposalId}/accept',
      tags: ['decision rights'],
      summary:
        'Accept a proposal (its decision holder only): the change is applied and logged with its reason',
      request: { params: ProposalParams, ...jsonBody(AcceptProposalSchema) },
      responses: jsonResponses(200, ProposalSchema, 'The accepted proposal'),
    }),
    async (c) => {
      const { workspaceId, proposalId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const { version } = c.req.valid('json');
      return send(
        c,
        ProposalSchema,
        await acceptProposal({ db: c.get('deps').db, actor }, { proposalId, version }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/proposals/{proposalId}/decline',
      tags: ['decision rights'],
      summary: 'Decline a proposal with a reason (its decision holder only); the answer is logged',
      request: { params: ProposalParams, ...jsonBody(DeclineProposalSchema) },
      responses: jsonResponses(200, ProposalSchema, 'The declined proposal'),
    }),
    async (c) => {
      const { workspaceId, proposalId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        ProposalSchema,
        await declineProposal({ db: c.get('deps').db, actor }, { proposalId, ...c.req.valid('json') }),
      );
    },
  );
}
