import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import {
  ApplyEvidenceReachSchema,
  DecideIdeaSchema,
  type EvidenceImportReport,
  EvidenceImportReportSchema,
  IdeaAdoptionReadSchema,
  IdeaAdoptionSchema,
  IdeaAlertThresholdSchema,
  IdeaDecisionSchema,
  IdeaListSchema,
  IdeaTrackRecordSchema,
  ImportEvidenceSchema,
  ItemSchema,
  ReceiveEmailEvidenceSchema,
  ReceiveEvidenceSchema,
  RecordIdeaAdoptionSchema,
  SetIdeaAlertThresholdSchema,
} from '../../contract';
import type { CommandContext } from '../commands/context';
import { importEvidence } from '../commands/evidence-import';
import { receiveEmailEvidence, receiveEvidence } from '../commands/evidence-in';
import { computeIdeaTrackRecord, getIdeaAdoption, recordIdeaAdoption } from '../commands/idea-adoptions';
import { setIdeaAlertThreshold } from '../commands/idea-alert-threshold';
import { decideIdea } from '../commands/idea-decisions';
import { listIdeas } from '../commands/ideas';
import { applyEvidenceReach } from '../commands/ideas-reach';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { ItemParams, jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

/**
 * One way evidence comes in (CSV, JSON notes, a forwarded e-mail): any member but a viewer sends
 * it, and the answer is the same report of what was written and every problem.
 */
function evidenceIn<Body extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  route: {
    path: string;
    summary: string;
    body: Body;
    run: (ctx: CommandContext, input: z.output<Body>) => Promise<EvidenceImportReport>;
  },
): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: route.path,
      tags: ['discovery'],
      summary: route.summary,
      request: { params: WorkspaceParams, ...jsonBody(route.body) },
      responses: jsonResponses(
        200,
        EvidenceImportReportSchema,
        'What was (or would be) written, and every problem',
      ),
    }),
    async (c) => {
      // The route has validated both; Hono's types do not carry a generic body through.
      const valid = c.req.valid.bind(c.req) as unknown as {
        (target: 'param'): { workspaceId: string };
        (target: 'json'): z.output<Body>;
      };
      const actor = await requireMember(c, valid('param').workspaceId);
      const report = await route.run({ db: c.get('deps').db, actor }, valid('json'));
      return send(c, EvidenceImportReportSchema, report);
    },
  );
}

/** Discovery: customer evidence in from CSV, and ideas with the demand behind them. */
export function registerDiscoveryRoutes(app: OpenAPIHono<AppEnv>): void {
  evidenceIn(app, {
    path: '/api/workspaces/{workspaceId}/evidence/import',
    summary:
      'Import customer evidence (and companies) from CSV: all rows or none, matched on external id so a re-import adds nothing twice; dryRun counts without writing',
    body: ImportEvidenceSchema,
    run: importEvidence,
  });
  evidenceIn(app, {
    path: '/api/workspaces/{workspaceId}/evidence',
    summary:
      'Customer notes sent as JSON, with the evidence CSV’s fields (for support desks and chat tools): all or none, matched on external id so a note sent again is updated; a problem’s row is the note’s position from 1',
    body: ReceiveEvidenceSchema,
    run: receiveEvidence,
  });
  evidenceIn(app, {
    path: '/api/workspaces/{workspaceId}/evidence/email',
    summary:
      'A forwarded customer e-mail, raw, as one note: the customer in the forwarded header block is the requester, the subject’s "#12" the idea, the Message-ID the external id',
    body: ReceiveEmailEvidenceSchema,
    run: receiveEmailEvidence,
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/ideas/{itemId}/reach-score',
      tags: ['discovery'],
      summary:
        'Use the idea’s reach from evidence as its RICE reach: the share of accounts heard that asked times the accounts in the segment, kept with its interval and credited as "from evidence" (the backlog-order decision; a stale version is 409)',
      request: { params: ItemParams, ...jsonBody(ApplyEvidenceReachSchema) },
      responses: jsonResponses(200, ItemSchema, 'The item with its new reach'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const item = await applyEvidenceReach({ db: c.get('deps').db, actor }, itemId, c.req.valid('json'));
      return send(c, ItemSchema, item);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/ideas',
      tags: ['discovery'],
      summary:
        'Ideas with the evidence behind them: distinct accounts, revenue, importance, and reach among the accounts heard with its 90 % interval',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, IdeaListSchema, 'The ideas, most accounts first'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, IdeaListSchema, await listIdeas(c.get('deps').db, actor));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/ideas/{itemId}/decision',
      tags: ['discovery'],
      summary:
        'Accept an idea into the roadmap, decline it, or park it until a review day, with the reason; logged as a scope decision with the evidence at the time (only who holds scope may)',
      request: { params: ItemParams, ...jsonBody(DecideIdeaSchema) },
      responses: jsonResponses(200, IdeaDecisionSchema, 'The decision as it now stands'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const decision = await decideIdea({ db: c.get('deps').db, actor }, itemId, c.req.valid('json'));
      return send(c, IdeaDecisionSchema, decision);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/workspaces/{workspaceId}/ideas/alert-threshold',
      tags: ['discovery'],
      summary:
        "Set the chance below which an accepted idea's promised date raises an alert (default 70 %); a roadmap decision, logged",
      request: { params: WorkspaceParams, ...jsonBody(SetIdeaAlertThresholdSchema) },
      responses: jsonResponses(200, IdeaAlertThresholdSchema, 'The threshold now in force'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const threshold = await setIdeaAlertThreshold({ db: c.get('deps').db, actor }, c.req.valid('json'));
      return send(c, IdeaAlertThresholdSchema, threshold);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/ideas/{itemId}/adoption',
      tags: ['discovery'],
      summary:
        'Record the adoption observed once an idea shipped (done): reach over a period, out of how many, and optionally impact; a correction sends the version it corrects',
      request: { params: ItemParams, ...jsonBody(RecordIdeaAdoptionSchema) },
      responses: jsonResponses(200, IdeaAdoptionSchema, 'The adoption as it now stands'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const adoption = await recordIdeaAdoption({ db: c.get('deps').db, actor }, itemId, c.req.valid('json'));
      return send(c, IdeaAdoptionSchema, adoption);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/ideas/{itemId}/adoption',
      tags: ['discovery'],
      summary: 'The adoption recorded for an idea, or null while none is',
      request: { params: ItemParams },
      responses: jsonResponses(200, IdeaAdoptionReadSchema, 'The adoption, or null'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(c, IdeaAdoptionReadSchema, await getIdeaAdoption(c.get('deps').db, actor, itemId));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/ideas/track-record',
      tags: ['discovery'],
      summary:
        'The track record of predictions: reach and impact predicted when ideas were accepted against the adoption recorded, per evidence source and per estimator, with a verdict that says when there are too few ideas to tell',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, IdeaTrackRecordSchema, 'The groups and their verdicts'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        IdeaTrackRecordSchema,
        await computeIdeaTrackRecord(c.get('deps').db, actor.workspaceId),
      );
    },
  );
}
