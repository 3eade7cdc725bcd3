/**
 * The assessment API: the questionnaire as data, prefilled answers, stored assessments with
 * their reports, comparisons, and applying the decision rights a growth plan implies.
 * The answers themselves are checked by the engine (src/domain/assessment/validate-answers), so
 * every surface lists the same problems in the same words; this file only shapes the envelope.
 */
import { z } from 'zod';
import { DORA_BENCHMARKS } from '../domain/assessment';
import { IdSchema, IsoDateTimeSchema, int4, int4FromText, jsonField, text } from './common';
import { DecisionSchema, LetterSchema, RoleSchema } from './workspace';

export const ASSESSMENT_VARIANTS = ['short', 'full'] as const;
export const AssessmentVariantSchema = z.enum(ASSESSMENT_VARIANTS);
export type AssessmentVariant = z.infer<typeof AssessmentVariantSchema>;

export const AssessmentAreaSchema = z.enum(['product', 'delivery', 'engineering', 'team', 'leadership']);
const SeveritySchema = z.enum(['critical', 'high', 'medium', 'info']);
const ScoreBandSchema = z.enum(['critical', 'fragile', 'functional', 'strong']);
const DoraTierSchema = z.enum(['elite', 'high', 'medium', 'low']);
const HorizonSchema = z.enum(['now', '3-months', '12-months']);
const TriggerStatusSchema = z.enum(['due', 'watch', 'satisfied', 'unknown']);

/** One answer: an option id, a number, or a list of option ids. */
export const AnswerValueSchema = z.union([text(), z.number().min(-1e9).max(1e9), z.array(text())]);
export const AnswersSchema = z.record(text(), AnswerValueSchema);

// ---- the questionnaire --------------------------------------------------------------------

const AnswerSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('choice'),
    options: z.array(z.object({ id: z.string(), label: z.string(), points: z.number().optional() })),
  }),
  z.object({
    kind: z.literal('multi'),
    options: z.array(z.object({ id: z.string(), label: z.string() })),
    pointsByCount: z.array(z.object({ atLeast: z.number(), points: z.number() })),
  }),
  z.object({
    kind: z.literal('number'),
    min: z.number(),
    max: z.number(),
    integer: z.boolean(),
    unit: z.string(),
    scoring: z
      .object({
        bands: z.array(z.object({ atMost: z.number(), points: z.number() })),
        above: z.number(),
      })
      .optional(),
  }),
]);

export const AssessmentQuestionSchema = z.object({
  id: z.string(),
  area: AssessmentAreaSchema,
  text: z.string(),
  help: z.string().optional(),
  answer: AnswerSpecSchema,
  short: z.boolean().describe('part of the short questionnaire'),
  prefill: z.string().optional().describe('the workspace fact that can prefill this answer'),
});

export const QuestionnaireSchema = z.object({
  version: z.number().int(),
  variant: AssessmentVariantSchema,
  areas: z.array(z.object({ id: AssessmentAreaSchema, label: z.string() })),
  questions: z.array(AssessmentQuestionSchema),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

export const QuestionnaireQuerySchema = z.object({ variant: AssessmentVariantSchema.default('short') });

export const AssessmentPrefillSchema = z.object({
  variant: AssessmentVariantSchema,
  answers: AnswersSchema,
  sources: z
    .record(z.string(), z.string())
    .describe('where each prefilled answer came from, keyed by question id'),
  unknown: z
    .array(z.object({ questionId: z.string(), reason: z.string() }))
    .describe('questions Headway could prefill but has no data for yet'),
});
export type AssessmentPrefill = z.infer<typeof AssessmentPrefillSchema>;

// ---- the report ---------------------------------------------------------------------------

const CitationSchema = z.object({
  source: z.string(),
  point: z.string(),
  title: z.string(),
  url: z.string().optional(),
});

const FindingSchema = z.object({
  id: z.string(),
  area: AssessmentAreaSchema,
  title: z.string(),
  severity: SeveritySchema,
  severityReason: z.string().optional(),
  why: z.string(),
  recommendation: z.string(),
  evidence: z.array(
    z.object({
      questionId: z.string(),
      question: z.string(),
      answer: AnswerValueSchema,
      answerLabel: z.string(),
    }),
  ),
  sources: z.array(CitationSchema),
});

const RightsChangeSchema = z.object({
  decision: DecisionSchema,
  role: RoleSchema,
  letter: LetterSchema,
  interimRole: RoleSchema.optional().describe('who holds the decision until the role joins the company'),
});

const PlannedActionSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['hire', 'contract', 'assign', 'process', 'tooling', 'decision-rights']),
  owner: RoleSchema,
  horizon: HorizonSchema,
  details: z.string(),
  budget: z.string().optional(),
  deliverables: z.array(z.string()),
  exitCriteria: z.array(z.string()),
  rationale: z.array(z.object({ findingId: z.string(), title: z.string(), severity: SeveritySchema })),
  answersTriggers: z.array(z.string()).optional().describe('the due hiring triggers this action answers'),
  decisionRights: z.array(RightsChangeSchema),
});

const DoraMetricTiersSchema = z.partialRecord(
  z.enum(['deploy-frequency', 'lead-time', 'change-fail-rate', 'recovery-time']),
  DoraTierSchema,
);

/** The DORA tiers of one report year: per measure, throughput, stability and overall. */
export const DoraYearSchema = z.object({
  year: z.number().int(),
  source: z.string(),
  metrics: DoraMetricTiersSchema,
  throughput: DoraTierSchema.nullable(),
  stability: DoraTierSchema.nullable(),
  overall: DoraTierSchema.nullable(),
  caveats: z.array(z.string()),
});

export const AssessmentReportSchema = z.object({
  company: z.string().optional(),
  questionnaire: AssessmentVariantSchema,
  answers: AnswersSchema,
  unanswered: z.array(z.string()),
  scores: z.object({
    areas: z.array(
      z.object({
        area: AssessmentAreaSchema,
        score: z.number().nullable(),
        band: ScoreBandSchema.nullable(),
        answered: z.number().int(),
        scoredQuestions: z.number().int(),
        questions: z.number().int().optional().describe('every question of the area, scored or context'),
        answeredQuestions: z.number().int().optional().describe('how many of those were answered'),
      }),
    ),
    overall: z.number().nullable(),
    band: ScoreBandSchema.nullable(),
  }),
  dora: z.object({
    selectedYear: z.number().int(),
    byYear: z.array(DoraYearSchema),
  }),
  findings: z.array(FindingSchema),
  plan: z.object({
    horizons: z.array(z.object({ horizon: HorizonSchema, actions: z.array(PlannedActionSchema) })),
    triggers: z.array(
      z.object({
        id: z.string(),
        role: z.string(),
        text: z.string(),
        status: TriggerStatusSchema,
        action: z.string(),
        actionId: z.string().nullable().optional().describe('the plan action that answers the trigger'),
        sources: z.array(CitationSchema),
      }),
    ),
    roles: z
      .object({ present: z.array(RoleSchema), wornByFounder: z.array(RoleSchema) })
      .optional()
      .describe('who holds which role in the company, as the answers tell it'),
  }),
});

/** One stored assessment without its report, for lists. */
export const AssessmentSummarySchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  variant: AssessmentVariantSchema,
  questionnaireVersion: z.number().int(),
  doraYear: z.number().int(),
  overall: z.number().nullable(),
  band: ScoreBandSchema.nullable(),
  findings: z.record(SeveritySchema, z.number().int()).describe('how many findings of each severity'),
  createdBy: IdSchema.nullable(),
  createdByName: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
  unreadable: z
    .string()
    .nullable()
    .optional()
    .describe('why the stored report cannot be read (stored by an older version); delete it to tidy up'),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const ImpliedDecisionRightSchema = RightsChangeSchema.extend({
  actionId: z.string().describe('the plan action that implies the change'),
});

export const AssessmentSchema = AssessmentSummarySchema.extend({
  report: AssessmentReportSchema,
  impliedDecisionRights: z.array(ImpliedDecisionRightSchema),
  ignored: z
    .array(z.string())
    .optional()
    .describe('answers sent for questions outside the chosen variant, left out (on creation only)'),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

const doraYears = DORA_BENCHMARKS.map((b) => b.year);

export const CreateAssessmentSchema = z.strictObject({
  variant: AssessmentVariantSchema.default('short'),
  answers: jsonField(z.record(text(), z.unknown())).describe(
    'answers keyed by question id; each is checked against its question',
  ),
  doraYear: z
    .number()
    .int()
    .refine((y) => doraYears.includes(y), `the DORA report year is one of ${doraYears.join(', ')}`)
    .optional(),
});
export type CreateAssessment = z.infer<typeof CreateAssessmentSchema>;

export const AssessmentParamsSchema = z.object({
  workspaceId: text(),
  number: int4FromText().min(1),
});

export const AssessmentReportQuerySchema = z.object({
  format: z.enum(['md', 'html', 'json']).default('md'),
});

export const AssessmentCompareQuerySchema = z.object({
  from: int4FromText().min(1),
  to: int4FromText().min(1),
});

export const AssessmentComparisonSchema = z.object({
  from: AssessmentSummarySchema,
  to: AssessmentSummarySchema,
  closed: z.array(z.object({ id: z.string(), title: z.string(), severity: SeveritySchema })),
  opened: z.array(z.object({ id: z.string(), title: z.string(), severity: SeveritySchema })),
  persisting: z.array(
    z.object({ id: z.string(), title: z.string(), severity: SeveritySchema, severityBefore: SeveritySchema }),
  ),
  areas: z.array(
    z.object({
      area: AssessmentAreaSchema,
      before: z.number().nullable(),
      after: z.number().nullable(),
      delta: z.number().nullable(),
    }),
  ),
  overall: z.object({
    before: z.number().nullable(),
    after: z.number().nullable(),
    delta: z.number().nullable(),
  }),
  dora: z.array(
    z.object({ year: z.number().int(), before: DoraTierSchema.nullable(), after: DoraTierSchema.nullable() }),
  ),
  triggers: z.array(
    z.object({ id: z.string(), text: z.string(), before: TriggerStatusSchema, after: TriggerStatusSchema }),
  ),
  startedActions: z
    .array(
      z.object({
        actionId: z.string(),
        title: z.string(),
        horizon: HorizonSchema,
        itemNumber: z.number().int().describe('the task made for the action'),
        progress: z.enum(['done', 'in_progress', 'not_started', 'cancelled']),
      }),
    )
    .describe("the earlier assessment's started growth-plan actions, with the state of each one's task"),
  markdown: z.string().describe('the comparison as Markdown, ready to paste'),
});
export type AssessmentComparisonView = z.infer<typeof AssessmentComparisonSchema>;

export const ApplyAssessmentRightsSchema = z.strictObject({
  version: int4().min(1).describe('the decision-rights version you reviewed'),
  rationale: text().trim().max(2000).optional(),
});

export const ApplyAssessmentRightsQuerySchema = z.object({
  preview: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: return the diff without applying it'),
});

export const AppliedAssessmentRightsSchema = z.object({
  assessmentNumber: z.number().int(),
  preview: z.boolean(),
  applied: z.boolean().describe('false for a preview, or when the matrix already matches'),
  version: z.number().int().describe('the decision-rights version after this call'),
  changes: z.array(
    z.object({
      decision: DecisionSchema,
      role: RoleSchema,
      before: LetterSchema,
      after: LetterSchema,
      actionId: z.string().nullable().describe('the plan action behind it; null when a role lost its A'),
    }),
  ),
  skipped: z
    .array(RightsChangeSchema)
    .describe('changes left out because they would strip an A without naming a new holder'),
  matrix: z.record(DecisionSchema, z.record(RoleSchema, LetterSchema)),
});
export type AppliedAssessmentRights = z.infer<typeof AppliedAssessmentRightsSchema>;
