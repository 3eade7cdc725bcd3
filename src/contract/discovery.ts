import { z } from 'zod';
import { DateOnlySchema, FIRST_YEAR, LAST_YEAR, text, todayIso } from './common';
import { COMPANY_ARR_MAX } from './companies';
import { IdeaAdoptionSchema, IdeaTrackRecordSchema } from './idea-adoption';

/** Where a piece of customer evidence came from. */
export const EVIDENCE_SOURCES = ['support', 'sales', 'interview', 'portal', 'email', 'other'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** The columns of an evidence CSV, in the order Headway writes them. */
export const EVIDENCE_COLUMNS = [
  'external_id',
  'created_at',
  'source_type',
  'source_url',
  'requester_email',
  'company',
  'text',
  'idea_ref',
  'importance',
] as const;

/** The columns of a company CSV; `owner_email` names the account owner, a member of the workspace. */
export const COMPANY_COLUMNS = [
  'external_id',
  'name',
  'domains',
  'arr',
  'mrr',
  'tier',
  'segment',
  'owner_email',
] as const;

/** The longest evidence text kept, and the largest file taken in one import. */
export const EVIDENCE_TEXT_MAX = 20_000;
export const EVIDENCE_FILE_MAX = 5_000_000;

const optionalCell = (max: number, what: string) =>
  text()
    .trim()
    .max(max, `keep the ${what} to ${max} characters`)
    .transform((value) => (value === '' ? null : value));

const dayOrTimestamp = text()
  .trim()
  .refine(
    (value) =>
      value === '' ||
      /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value),
    {
      message: 'write the date as YYYY-MM-DD or an ISO 8601 timestamp (2026-03-01T09:00:00Z)',
    },
  )
  .transform((value, ctx) => {
    if (value === '') return null;
    const iso = value.length === 10 ? `${value}T00:00:00Z` : value.replace(' ', 'T');
    const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`;
    const at = Date.parse(withZone);
    const year = Number(value.slice(0, 4));
    if (!Number.isFinite(at) || year < FIRST_YEAR || year > LAST_YEAR) {
      ctx.addIssue({
        code: 'custom',
        message: `give a real date between ${FIRST_YEAR} and ${LAST_YEAR}`,
      });
      return z.NEVER;
    }
    return new Date(at).toISOString();
  });

/** One row of an evidence CSV, every cell as text; blank optional cells become null. */
export const EvidenceCsvRowSchema = z.object({
  external_id: optionalCell(200, 'external id'),
  created_at: dayOrTimestamp,
  source_type: text()
    .trim()
    .toLowerCase()
    .transform((value) => (value === '' ? 'other' : value))
    .pipe(z.enum(EVIDENCE_SOURCES, { error: `give one of ${EVIDENCE_SOURCES.join(', ')}` })),
  source_url: optionalCell(2_000, 'source link').refine(
    (value) => value === null || /^https?:\/\/[^\s]+$/i.test(value),
    { message: 'give a link that starts with http:// or https:// (other schemes are not kept)' },
  ),
  requester_email: optionalCell(320, 'e-mail')
    .transform((value) => value?.toLowerCase() ?? null)
    .refine((value) => value === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), {
      message: 'give an e-mail address such as ana@example.com',
    }),
  company: optionalCell(200, 'company'),
  text: text()
    .trim()
    .min(1, 'the evidence needs its text: the quote or the note')
    .max(EVIDENCE_TEXT_MAX, `keep the text to ${EVIDENCE_TEXT_MAX} characters`),
  idea_ref: optionalCell(200, 'idea reference'),
  importance: text()
    .trim()
    .transform((value) => (value === '' ? '1' : value))
    .refine((value) => /^[0-3]$/.test(value), {
      message: 'give the importance as 0 (not important), 1, 2 or 3 (critical)',
    })
    .transform(Number),
});
export type EvidenceCsvRow = z.infer<typeof EvidenceCsvRowSchema>;

/** A revenue cell: blank, or a plain amount with at most two decimals, up to `max`. */
const revenueCell = (period: 'annual' | 'monthly', max: number) =>
  text()
    .trim()
    .refine((value) => value === '' || /^\d{1,13}(\.\d{1,2})?$/.test(value), {
      message: `give the ${period} revenue as a plain number such as 12000 or 12000.50 (no currency sign or separators)`,
    })
    .transform((value) => (value === '' ? null : Number(value)))
    .refine((value) => value === null || value <= max, {
      message: `give the ${period} revenue as at most ${max.toLocaleString('en-US', { maximumFractionDigits: 2 })}, the most a company keeps`,
    });

/** One row of a company CSV: the revenue as `arr`, or as `mrr` (kept as 12 × it). */
export const CompanyCsvRowSchema = z
  .object({
    external_id: optionalCell(200, 'external id'),
    name: text().trim().min(1, 'give the company its name').max(200, 'keep the name to 200 characters'),
    domains: text()
      .trim()
      .max(2_000, 'keep the domains to 2,000 characters')
      .transform((value) =>
        value === ''
          ? []
          : [
              ...new Set(
                value
                  .toLowerCase()
                  .split(/[\s,;]+/)
                  .filter(Boolean),
              ),
            ],
      )
      .refine((domains) => domains.every((domain) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)), {
        message: 'give domains such as example.com, separated by spaces, commas or semicolons',
      }),
    arr: revenueCell('annual', COMPANY_ARR_MAX),
    /** Monthly recurring revenue, for teams that count that: kept as 12 × it, the annual revenue. */
    mrr: revenueCell('monthly', COMPANY_ARR_MAX / 12),
    tier: optionalCell(100, 'tier'),
    segment: optionalCell(100, 'segment'),
    /** Blank leaves the owner as it is. */
    owner_email: optionalCell(320, 'owner e-mail')
      .transform((value) => value?.toLowerCase() ?? null)
      .refine((value) => value === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), {
        message: "give the account owner's e-mail address, such as ana@example.com",
      }),
  })
  .superRefine((row, ctx) => {
    if (row.arr !== null && row.mrr !== null && Math.abs(row.arr - row.mrr * 12) >= 0.01)
      ctx.addIssue({
        code: 'custom',
        path: ['mrr'],
        message: `give the revenue once, as arr or as mrr: ${row.arr} a year is not 12 × ${row.mrr} a month`,
      });
  })
  .transform(({ mrr, ...row }) => ({
    ...row,
    arr: row.arr ?? (mrr === null ? null : Math.round(mrr * 1_200) / 100),
  }));
export type CompanyCsvRow = z.infer<typeof CompanyCsvRowSchema>;

/** `POST …/evidence/import`: the files' text, and whether to write. */
export const ImportEvidenceSchema = z.strictObject({
  evidenceCsv: text()
    .max(EVIDENCE_FILE_MAX, `send at most ${EVIDENCE_FILE_MAX / 1_000_000} MB of evidence at once`)
    .describe(`the evidence CSV: ${EVIDENCE_COLUMNS.join(', ')}`),
  companiesCsv: text()
    .max(EVIDENCE_FILE_MAX, `send at most ${EVIDENCE_FILE_MAX / 1_000_000} MB of companies at once`)
    .optional()
    .describe(`a company CSV: ${COMPANY_COLUMNS.join(', ')}`),
  dryRun: z.boolean().optional().describe('check and count without writing'),
});
export type ImportEvidence = z.infer<typeof ImportEvidenceSchema>;

export const EvidenceProblemSchema = z.object({
  file: z.enum(['evidence', 'companies']),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type EvidenceProblem = z.infer<typeof EvidenceProblemSchema>;

/** What an evidence import did, or would do on a dry run; nothing is written when a problem is an error. */
export const EvidenceImportReportSchema = z.object({
  dryRun: z.boolean(),
  written: z.boolean(),
  /** Evidence rows in the file, of which new and updated (re-imported by external id). */
  evidence: z.number().int(),
  evidenceCreated: z.number().int(),
  evidenceUpdated: z.number().int(),
  companies: z.number().int(),
  companiesCreated: z.number().int(),
  /** Distinct ideas the evidence is about, of which new ones created for an unknown idea_ref. */
  ideas: z.number().int(),
  ideasCreated: z.number().int(),
  problems: z.array(EvidenceProblemSchema),
});
export type EvidenceImportReport = z.infer<typeof EvidenceImportReportSchema>;

const ShareSchema = z.object({
  share: z.number(),
  low: z.number(),
  high: z.number(),
  asked: z.number().int(),
  heard: z.number().int(),
  credibility: z.number(),
});

/** What the holder of the scope decision can decide about an idea. */
export const IDEA_OUTCOMES = ['accepted', 'declined', 'parked'] as const;
export type IdeaOutcome = (typeof IDEA_OUTCOMES)[number];

/** Below this probability of meeting its promised date, an accepted idea raises an alert, unless the workspace sets its own. */
export const IDEA_ALERT_BELOW = 0.7;

/** `PUT …/ideas/alert-threshold`: the workspace's threshold, in whole percent, logged as a roadmap decision. */
export const SetIdeaAlertThresholdSchema = z.strictObject({
  percent: z
    .number()
    .int('give the threshold in whole percent, such as 70')
    .min(1, 'give a threshold between 1 and 99 %')
    .max(99, 'give a threshold between 1 and 99 %'),
  reason: text().trim().max(2_000, 'keep the reason to 2,000 characters').optional(),
  /** The decision-log id of the threshold you saw, or null when it was still the default. */
  basedOn: z.number().int().positive().nullable(),
});
export type SetIdeaAlertThreshold = z.infer<typeof SetIdeaAlertThresholdSchema>;

/** The workspace's alert threshold and the decision that set it (null: the default). */
export const IdeaAlertThresholdSchema = z.object({
  alertBelow: z.number(),
  decisionId: z.number().int().nullable(),
});
export type IdeaAlertThreshold = z.infer<typeof IdeaAlertThresholdSchema>;

/** `POST …/ideas/{itemId}/decision`: accept, decline or park an idea, with the why requesters read. */
export const DecideIdeaSchema = z
  .strictObject({
    outcome: z.enum(IDEA_OUTCOMES, { error: `give one of ${IDEA_OUTCOMES.join(', ')}` }),
    reason: text()
      .trim()
      .min(1, 'give the reason: the people who asked read it')
      .max(2_000, 'keep the reason to 2,000 characters'),
    reviewOn: DateOnlySchema.optional().describe('parked only: the day to look at the idea again'),
    version: z.number().int().positive().describe("the idea's (item's) version you decided on"),
  })
  .check((ctx) => {
    const { outcome, reviewOn } = ctx.value;
    const issue = (message: string) =>
      ctx.issues.push({ code: 'custom', message, input: reviewOn, path: ['reviewOn'] });
    if (outcome === 'parked' && reviewOn === undefined)
      issue('a parked idea needs its review day: give reviewOn as YYYY-MM-DD');
    else if (outcome !== 'parked' && reviewOn !== undefined)
      issue('only a parked idea has a review day: leave reviewOn out');
    else if (reviewOn !== undefined && reviewOn <= todayIso())
      issue(`give a review day after today (${todayIso()})`);
  });
export type DecideIdea = z.infer<typeof DecideIdeaSchema>;

/** The evidence an idea had when it was decided, kept with the decision. */
export const IdeaEvidenceSnapshotSchema = z.object({
  accounts: z.number().int(),
  evidence: z.number().int(),
  revenue: z.number(),
  reach: ShareSchema.nullable(),
  /** Which sources fed the reach: notes and distinct accounts per source (absent on older entries). */
  sources: z
    .array(
      z.object({ source: z.enum(EVIDENCE_SOURCES), notes: z.number().int(), accounts: z.number().int() }),
    )
    .optional(),
  /**
   * The idea's reach and impact scores (RICE) when it was decided, and who set each (a name; null
   * when not recorded, and absent from decisions made before it was): the track record credits
   * each prediction to its setter, or else to whoever accepted the idea.
   */
  estimate: z
    .object({
      reach: z.number().nullable(),
      impact: z.number().nullable(),
      reachBy: z.string().nullable().optional(),
      impactBy: z.string().nullable().optional(),
    })
    .optional(),
});

/** The current decision on an idea: the latest entry of the decision log about it. */
export const IdeaDecisionSchema = z.object({
  outcome: z.enum(IDEA_OUTCOMES),
  reason: z.string(),
  reviewOn: z.string().nullable(),
  decidedAt: z.string(),
  decidedBy: z.string().nullable(),
  decisionId: z.number().int(),
  snapshot: IdeaEvidenceSnapshotSchema,
});
export type IdeaDecision = z.infer<typeof IdeaDecisionSchema>;

/** The promise of an accepted idea: its target date and the plan forecast's chance of meeting it. */
export const IdeaPromiseSchema = z.object({
  targetDate: z.string(),
  /** Share of the plan forecast's trials done by the end of the date; null when not forecast. */
  probability: z.number().nullable(),
  /** Why there is no probability: done already, or none of its work can be planned yet. */
  status: z.enum(['forecast', 'done', 'not-planned']),
  /** Below the workspace's alert threshold: the date is likely to slip. */
  atRisk: z.boolean(),
});

/** An idea with the demand behind it. */
export const IdeaSchema = z.object({
  /** The reference evidence names it by: its external key, else `#number`. */
  ref: z.string(),
  itemId: z.string(),
  number: z.number().int(),
  title: z.string(),
  state: z.string(),
  /** Distinct accounts (companies, else requesters) that gave evidence. */
  accounts: z.number().int(),
  evidence: z.number().int(),
  /** The summed ARR of the distinct companies behind it; `revenueUnknown` of them have none. */
  revenue: z.number(),
  revenueUnknown: z.number().int(),
  importance: z.number().int(),
  /** The share of accounts heard from that asked for it, with its 90 % Jeffreys interval. */
  reach: ShareSchema,
  /** The item's version: a decision names it, so a stale page gets a 409. */
  version: z.number().int(),
  /** The companies that asked, by name. */
  companies: z.array(z.string()),
  decision: IdeaDecisionSchema.nullable(),
  promise: IdeaPromiseSchema.nullable(),
  /** The adoption observed once it shipped; null until the team records it. */
  adoption: IdeaAdoptionSchema.nullable(),
});
export type Idea = z.infer<typeof IdeaSchema>;

/**
 * An accepted idea whose promised date is at risk, for whoever holds the scope decision and for
 * the owners of the accounts that asked for it.
 */
export const IdeaAlertSchema = z.object({
  itemId: z.string(),
  ref: z.string(),
  title: z.string(),
  targetDate: z.string(),
  probability: z.number(),
  holders: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** The members who own an account that asked, with those accounts. */
  accountOwners: z.array(z.object({ userId: z.string(), name: z.string(), companies: z.array(z.string()) })),
  /** The caller holds the decision or owns an account that asked: the alert is theirs. */
  mine: z.boolean(),
});
export type IdeaAlert = z.infer<typeof IdeaAlertSchema>;

export const IdeaListSchema = z.object({
  ideas: z.array(IdeaSchema),
  /** Accounts heard from on any idea: the sample every reach rests on. */
  accountsHeard: z.number().int(),
  /** Evidence not linked to any idea yet. */
  unlinkedEvidence: z.number().int(),
  /** The probability below which a promised date raises an alert. */
  alertBelow: z.number(),
  /** The decision that set it, which a change names so a stale page gets a 409; null: the default. */
  alertThresholdDecisionId: z.number().int().nullable(),
  alerts: z.array(IdeaAlertSchema),
  /** Predictions made at acceptance against the adoption recorded, per source and estimator. */
  trackRecord: IdeaTrackRecordSchema,
});
export type IdeaList = z.infer<typeof IdeaListSchema>;
