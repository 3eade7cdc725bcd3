import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AcceptSessionEstimateSchema,
  CastEstimationVoteSchema,
  CreateEstimationSessionSchema,
  EstimationSessionListSchema,
  EstimationSessionSchema,
  text,
} from '../../contract';
import { findEstimationSessions, getEstimationSession } from '../commands/estimation-session-view';
import {
  acceptSessionEstimate,
  castEstimationVote,
  createEstimationSession,
  revealEstimationSession,
} from '../commands/estimation-sessions';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const SessionParams = z.object({ workspaceId: text(), sessionId: text() });
const S = '/api/workspaces/{workspaceId}/estimation-sessions';

/** Estimation sessions: vote hidden, reveal together, accept an estimate per item. */
export function registerEstimationSessionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: S,
      tags: ['estimation'],
      summary: "The workspace's estimation sessions, newest first",
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, EstimationSessionListSchema, 'Sessions'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, EstimationSessionListSchema, {
        data: await findEstimationSessions(c.get('deps').db, actor.workspaceId),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: S,
      tags: ['estimation'],
      summary: 'Start an estimation session on some items (the estimates decision)',
      request: { params: WorkspaceParams, ...jsonBody(CreateEstimationSessionSchema) },
      responses: jsonResponses(201, EstimationSessionSchema, 'The session'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        EstimationSessionSchema,
        await createEstimationSession({ db: c.get('deps').db, actor }, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${S}/{sessionId}`,
      tags: ['estimation'],
      summary: 'A session: who has voted, your own votes, and after the reveal every vote and the spread',
      request: { params: SessionParams },
      responses: jsonResponses(200, EstimationSessionSchema, 'The session'),
    }),
    async (c) => {
      const { workspaceId, sessionId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        EstimationSessionSchema,
        await getEstimationSession({ db: c.get('deps').db, actor, sessionId }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${S}/{sessionId}/votes`,
      tags: ['estimation'],
      summary: 'Cast or change your vote on one item, in days or as a t-shirt size (tech roles)',
      request: { params: SessionParams, ...jsonBody(CastEstimationVoteSchema) },
      responses: jsonResponses(200, EstimationSessionSchema, 'The session as you now see it'),
    }),
    async (c) => {
      const { workspaceId, sessionId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        EstimationSessionSchema,
        await castEstimationVote({ db: c.get('deps').db, actor }, { ...c.req.valid('json'), sessionId }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${S}/{sessionId}/reveal`,
      tags: ['estimation'],
      summary: 'Reveal every vote at once (the estimates decision)',
      request: { params: SessionParams },
      responses: jsonResponses(200, EstimationSessionSchema, 'The revealed session with the spread'),
    }),
    async (c) => {
      const { workspaceId, sessionId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        EstimationSessionSchema,
        await revealEstimationSession({ db: c.get('deps').db, actor }, { sessionId }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${S}/{sessionId}/accept`,
      tags: ['estimation'],
      summary: 'Accept a three-point estimate for one item (the estimates decision; 409 on a stale item)',
      request: { params: SessionParams, ...jsonBody(AcceptSessionEstimateSchema) },
      responses: jsonResponses(200, EstimationSessionSchema, 'The session after the acceptance'),
    }),
    async (c) => {
      const { workspaceId, sessionId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        EstimationSessionSchema,
        await acceptSessionEstimate({ db: c.get('deps').db, actor }, { ...c.req.valid('json'), sessionId }),
      );
    },
  );
}
