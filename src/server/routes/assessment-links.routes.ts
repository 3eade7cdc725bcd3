import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AssessmentLeadListSchema,
  AssessmentLinkListSchema,
  CreateAssessmentLinkSchema,
  CreatedAssessmentLinkSchema,
  text,
} from '../../contract';
import {
  createAssessmentLink,
  deleteAssessmentLead,
  findAssessmentLeads,
  findAssessmentLinks,
  revokeAssessmentLink,
} from '../commands/assessment-links';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const { 200: _ok, 201: _created, ...errorResponses } = jsonResponses(200, z.null(), 'unused');
const LINKS = '/api/workspaces/{workspaceId}/assessment-links';
const LEADS = '/api/workspaces/{workspaceId}/assessment-leads';

/** The workspace's published assessment links and the leads they brought in. */
export function registerAssessmentLinkRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: LINKS,
      tags: ['assessment'],
      summary: 'Publish the free assessment: a link anyone can open without an account (shown once)',
      description:
        'Needs the roadmap decision (by default the CPO, founder, CTPO or product manager). The page at `path` shows the short questionnaire and the workspace’s name; it answers 404 once the link is revoked.',
      request: { params: WorkspaceParams, ...jsonBody(CreateAssessmentLinkSchema) },
      responses: jsonResponses(
        201,
        CreatedAssessmentLinkSchema,
        'The link with its secret address, shown once',
      ),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const link = await createAssessmentLink({ db: c.get('deps').db, actor }, c.req.valid('json'));
      return send(c, CreatedAssessmentLinkSchema, link, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: LINKS,
      tags: ['assessment'],
      summary: 'The workspace’s published assessment links that are not revoked (never their addresses)',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, AssessmentLinkListSchema, 'Links, newest first, with their lead counts'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, AssessmentLinkListSchema, { data: await findAssessmentLinks(c.get('deps').db, actor) });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${LINKS}/{linkId}`,
      tags: ['assessment'],
      summary: 'Revoke a published assessment link; its page answers 404 at once (its leads stay)',
      request: { params: z.object({ workspaceId: text(), linkId: text() }) },
      responses: { 204: { description: 'Revoked' }, ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, linkId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      await revokeAssessmentLink({ db: c.get('deps').db, actor }, { linkId });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: LEADS,
      tags: ['assessment'],
      summary: 'Visitors who took a published assessment and agreed to be contacted, newest first',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, AssessmentLeadListSchema, 'Leads with their answers and score'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, AssessmentLeadListSchema, { data: await findAssessmentLeads(c.get('deps').db, actor) });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${LEADS}/{leadId}`,
      tags: ['assessment'],
      summary: 'Forget a lead: its e-mail, answers and report are deleted',
      request: { params: z.object({ workspaceId: text(), leadId: text() }) },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, leadId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      await deleteAssessmentLead({ db: c.get('deps').db, actor }, { leadId });
      return c.body(null, 204);
    },
  );
}
