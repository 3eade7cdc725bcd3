import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  ErrorBodySchema,
  PublicAssessmentResultSchema,
  PublicAssessmentSchema,
  PublicReportPdfSchema,
  PublicSubmissionSchema,
  text,
} from '../../contract';
import { addressLimitKey, clientAddressOf } from '../auth/client-address';
import {
  getPublicAssessment,
  renderPublicReport,
  submitPublicAssessment,
} from '../commands/public-assessment';
import type { AppEnv } from '../context';
import { printHtmlToPdf } from '../pdf';
import { jsonBody, jsonResponses, send, tooManyRequests } from './openapi';

const BASE = '/api/public/assessments/{token}';
const TokenParams = z.object({ token: text().describe('the secret of a published assessment link') });
const { 200: _ok, 201: _created, ...errorResponses } = jsonResponses(200, z.null(), 'unused');
const tooLarge: RouteConfig['responses'] = {
  413: {
    description: 'The body is larger than the answers of the questionnaire can be',
    content: { 'application/json': { schema: ErrorBodySchema } },
  },
};
const throttled = tooManyRequests('Too many assessments from this address or through this link');

const addressKeyOf = (c: Context<AppEnv>) => addressLimitKey(clientAddressOf(c));

/**
 * The free assessment behind a published link: no sign-in, the address is the secret. Nothing
 * of a visit is stored unless the visitor consents and gives an e-mail.
 */
export function registerPublicAssessmentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: BASE,
      tags: ['assessment'],
      summary: 'A published assessment: the short questionnaire and who published it (no sign-in)',
      security: [],
      request: { params: TokenParams },
      responses: jsonResponses(200, PublicAssessmentSchema, 'The questionnaire and the publisher’s name'),
    }),
    async (c) => {
      c.header('Cache-Control', 'private, no-store');
      const view = await getPublicAssessment(c.get('deps').db, c.req.valid('param').token);
      return send(c, PublicAssessmentSchema, view);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${BASE}/report`,
      tags: ['assessment'],
      summary: 'Answer a published assessment: the report and growth plan (no sign-in)',
      description:
        'A 400 names every bad answer in `details.problems`. The answers and e-mail are kept for the publisher only with `consent: true` and an `email`; otherwise nothing is stored. Submissions are limited per client address and per link (429 with Retry-After).',
      security: [],
      request: { params: TokenParams, ...jsonBody(PublicSubmissionSchema) },
      responses: {
        ...jsonResponses(200, PublicAssessmentResultSchema, 'The report'),
        ...tooLarge,
        ...throttled,
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'private, no-store');
      const result = await submitPublicAssessment(c.get('deps').db, {
        secret: c.req.valid('param').token,
        addressKey: addressKeyOf(c),
        submission: c.req.valid('json'),
      });
      return send(c, PublicAssessmentResultSchema, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${BASE}/report/pdf`,
      tags: ['assessment'],
      summary: 'The report of a published assessment as a PDF download (no sign-in; nothing is stored)',
      security: [],
      request: { params: TokenParams, ...jsonBody(PublicReportPdfSchema) },
      responses: {
        200: { description: 'The report, A4', content: { 'application/pdf': { schema: z.string() } } },
        ...errorResponses,
        ...tooLarge,
        ...throttled,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { html } = await renderPublicReport(c.get('deps').db, {
        secret: c.req.valid('param').token,
        addressKey: addressKeyOf(c),
        answers: body.answers,
        ...(body.company ? { company: body.company } : {}),
      });
      const pdf = await printHtmlToPdf(html);
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', 'attachment; filename="assessment.pdf"');
      c.header('Cache-Control', 'private, no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(new Uint8Array(pdf), 200);
    },
  );
}
