import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AppliedAssessmentRightsSchema,
  ApplyAssessmentRightsQuerySchema,
  ApplyAssessmentRightsSchema,
  AssessmentCompareQuerySchema,
  AssessmentComparisonSchema,
  AssessmentParamsSchema,
  AssessmentPrefillSchema,
  AssessmentReportQuerySchema,
  AssessmentSchema,
  AssessmentSummarySchema,
  CreateAssessmentSchema,
  QuestionnaireQuerySchema,
  QuestionnaireSchema,
} from '../../contract';
import { describeQuestionnaire, prefillAssessment } from '../commands/assessment-prefill';
import {
  applyAssessmentDecisionRights,
  compareAssessmentNumbers,
  createAssessment,
  deleteAssessment,
  findAssessments,
  getAssessment,
  renderAssessment,
} from '../commands/assessments';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const BASE = '/api/workspaces/{workspaceId}/assessments';
/** The policy of a rendered report: a sandbox with inline styles only, nothing else loads or runs. */
export const REPORT_CSP =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const AssessmentList = z.object({ data: z.array(AssessmentSummarySchema) });

/** The assessment of the development setup: questionnaire, history, reports and comparisons. */
export function registerAssessmentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: `${BASE}/questionnaire`,
      tags: ['assessment'],
      summary: 'The questionnaire as data (short or full)',
      request: { params: WorkspaceParams, query: QuestionnaireQuerySchema },
      responses: jsonResponses(200, QuestionnaireSchema, 'The questions, in asking order'),
    }),
    async (c) => {
      await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, QuestionnaireSchema, describeQuestionnaire(c.req.valid('query').variant));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${BASE}/prefill`,
      tags: ['assessment'],
      summary: 'Answers prefilled from what the workspace knows, and where each came from',
      request: { params: WorkspaceParams, query: QuestionnaireQuerySchema },
      responses: jsonResponses(200, AssessmentPrefillSchema, 'Prefilled answers, to review and override'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        AssessmentPrefillSchema,
        await prefillAssessment(c.get('deps').db, actor, { variant: c.req.valid('query').variant }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${BASE}/compare`,
      tags: ['assessment'],
      summary: 'What changed between two assessments: findings closed and opened, score deltas',
      request: { params: WorkspaceParams, query: AssessmentCompareQuerySchema },
      responses: jsonResponses(200, AssessmentComparisonSchema, 'The comparison'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        AssessmentComparisonSchema,
        await compareAssessmentNumbers(c.get('deps').db, actor, c.req.valid('query')),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: BASE,
      tags: ['assessment'],
      summary: 'The workspace’s assessments, newest first',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, AssessmentList, 'Assessments without their reports'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, AssessmentList, { data: await findAssessments(c.get('deps').db, actor) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: BASE,
      tags: ['assessment'],
      summary: 'Answer the questionnaire: validates, assesses and stores the next assessment',
      description:
        'Needs the team decision (the founder by default). A 400 lists every bad answer with its question id and what is allowed, in `details.problems`; nothing is stored then.',
      request: { params: WorkspaceParams, ...jsonBody(CreateAssessmentSchema) },
      responses: jsonResponses(201, AssessmentSchema, 'The stored assessment with its report'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        AssessmentSchema,
        await createAssessment({ db: c.get('deps').db, actor }, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${BASE}/{number}`,
      tags: ['assessment'],
      summary: 'One assessment with its report',
      request: { params: AssessmentParamsSchema },
      responses: jsonResponses(200, AssessmentSchema, 'The assessment'),
    }),
    async (c) => {
      const { workspaceId, number } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(c, AssessmentSchema, await getAssessment(c.get('deps').db, actor, number));
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${BASE}/{number}`,
      tags: ['assessment'],
      summary: 'Delete an assessment (the team decision, logged); later ones keep their numbers',
      request: { params: AssessmentParamsSchema },
      responses: { 204: { description: 'Deleted' }, ...pickErrors(jsonResponses(200, z.unknown(), '')) },
    }),
    async (c) => {
      const { workspaceId, number } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      await deleteAssessment({ db: c.get('deps').db, actor }, { number });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${BASE}/{number}/report`,
      tags: ['assessment'],
      summary: 'The report as a document: Markdown, standalone print-ready HTML, or JSON',
      request: { params: AssessmentParamsSchema, query: AssessmentReportQuerySchema },
      responses: {
        200: {
          description: 'The report',
          content: {
            'text/markdown': { schema: z.string() },
            'text/html': { schema: z.string() },
            'application/json': { schema: z.unknown() },
          },
        },
        ...pickErrors(jsonResponses(200, z.unknown(), '')),
      },
    }),
    async (c) => {
      const { workspaceId, number } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const format = c.req.valid('query').format;
      const { text, contentType } = await renderAssessment(c.get('deps').db, actor, { number, format });
      c.header('Content-Type', contentType);
      c.header('Content-Disposition', `inline; filename="assessment-${number}.${format}"`);
      // A report is a document, never part of the app: even if some text in it became markup, it
      // opens in a sandbox (an opaque origin without scripts, cookies or the app's API) and is
      // never sniffed as anything but its declared type.
      c.header('Content-Security-Policy', REPORT_CSP);
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(text, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${BASE}/{number}/apply-decision-rights`,
      tags: ['assessment', 'decision rights'],
      summary: 'Apply the decision rights the growth plan implies, as one reviewed change (founder only)',
      description:
        'Send the decision-rights `version` you reviewed; a stale one answers 409. `?preview=true` returns the diff without applying it. The change is recorded in the decision log with the assessment number.',
      request: {
        params: AssessmentParamsSchema,
        query: ApplyAssessmentRightsQuerySchema,
        ...jsonBody(ApplyAssessmentRightsSchema),
      },
      responses: jsonResponses(200, AppliedAssessmentRightsSchema, 'The diff, and whether it was applied'),
    }),
    async (c) => {
      const { workspaceId, number } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const body = c.req.valid('json');
      return send(
        c,
        AppliedAssessmentRightsSchema,
        await applyAssessmentDecisionRights(
          { db: c.get('deps').db, actor },
          {
            number,
            version: body.version,
            rationale: body.rationale,
            preview: c.req.valid('query').preview,
          },
        ),
      );
    },
  );
}

/** The error responses of a JSON route, for a route whose success is not JSON. */
function pickErrors(responses: ReturnType<typeof jsonResponses>) {
  const { 200: _ok, 201: _created, ...errors } = responses;
  return errors;
}
