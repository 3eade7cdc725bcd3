/**
 * Published assessments: links a workspace hands out so anyone can take the short questionnaire
 * without an account, the visitor's submission, and the leads kept when a visitor agrees.
 */
import { z } from 'zod';
import {
  AnswersSchema,
  AssessmentReportSchema,
  ImpliedDecisionRightSchema,
  QuestionnaireSchema,
} from './assessment';
import { EmailSchema } from './auth';
import { IdSchema, IsoDateTimeSchema, jsonField, text } from './common';

export const CreateAssessmentLinkSchema = z.strictObject({
  name: text()
    .trim()
    .min(1, 'say where the link goes, e.g. "website" or "newsletter"')
    .max(100, 'at most 100 characters'),
});
export type CreateAssessmentLink = z.infer<typeof CreateAssessmentLinkSchema>;

/** A published link as listed: never its secret address. */
export const AssessmentLinkSchema = z.object({
  id: IdSchema,
  name: z.string(),
  createdAt: IsoDateTimeSchema,
  createdByName: z.string().nullable(),
  leads: z.number().int().describe('leads this link brought in'),
});
export type AssessmentLink = z.infer<typeof AssessmentLinkSchema>;

export const AssessmentLinkListSchema = z.object({ data: z.array(AssessmentLinkSchema) });

export const CreatedAssessmentLinkSchema = AssessmentLinkSchema.extend({
  token: z.string().describe('the secret in the address; shown once'),
  path: z.string().describe('the public page on this server: /a/<token>'),
});
export type CreatedAssessmentLink = z.infer<typeof CreatedAssessmentLinkSchema>;

/** What a visitor sees before answering: the questionnaire and who published it. */
export const PublicAssessmentSchema = z.object({
  publisher: z.string().describe('the publishing workspace’s name'),
  questionnaire: QuestionnaireSchema,
});
export type PublicAssessment = z.infer<typeof PublicAssessmentSchema>;

/**
 * A visitor's answers. The visitor's e-mail is kept only when `consent` is true; without
 * consent nothing of the submission is stored.
 */
export const PublicSubmissionSchema = z
  .strictObject({
    answers: jsonField(z.record(text(), z.unknown())).describe(
      'answers keyed by question id; each is checked against its question',
    ),
    consent: z
      .boolean()
      .default(false)
      .describe('true: the publisher may keep these answers and contact me at my e-mail'),
    email: EmailSchema.optional(),
    name: text().trim().max(100).optional(),
    company: text().trim().max(100).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.consent && !input.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'give your e-mail so the publisher can reach you, or untick the consent',
      });
    }
  });
export type PublicSubmission = z.input<typeof PublicSubmissionSchema>;

/** The answers to print as a PDF report; nothing is stored. */
export const PublicReportPdfSchema = z.strictObject({
  answers: jsonField(z.record(text(), z.unknown())).describe('the answers the report is computed from'),
  company: text().trim().max(100).optional(),
});

export const PublicAssessmentResultSchema = z.object({
  publisher: z.string(),
  report: AssessmentReportSchema,
  impliedDecisionRights: z.array(ImpliedDecisionRightSchema),
  leadStored: z.boolean().describe('true when the answers and e-mail were kept for the publisher'),
});
export type PublicAssessmentResult = z.infer<typeof PublicAssessmentResultSchema>;

/** A lead as a publishing workspace sees it: who, when, through which link, answers and score. */
export const AssessmentLeadSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string().nullable(),
  company: z.string().nullable(),
  linkName: z.string().nullable().describe('the link it came through; null once the link is gone'),
  answers: AnswersSchema,
  overall: z.number().nullable(),
  band: z.string().nullable(),
  findings: z.number().int(),
  createdAt: IsoDateTimeSchema,
});
export type AssessmentLead = z.infer<typeof AssessmentLeadSchema>;

export const AssessmentLeadListSchema = z.object({ data: z.array(AssessmentLeadSchema) });
