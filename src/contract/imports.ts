import { z } from 'zod';
import { EXTRA_LABEL_FIELDS, GENERIC_FIELDS, IMPORT_FORMATS, REIMPORT_FIELDS } from '../domain/import';
import { IdSchema, IsoDateTimeSchema, text } from './common';
import { ITEM_STATES, ITEM_TYPES } from './items';
import {
  IMPORT_JOB_KINDS,
  IMPORT_JOB_STATUSES,
  ImportInvitationSchema,
  ImportResultSchema,
} from './transfer';

// Without zod, so the web app can check a file's size before sending it.
export { FOREIGN_IMPORT_MAX_BYTES } from './import-limits';

/** Formats `--from` accepts. */
export const IMPORT_SOURCES = [...IMPORT_FORMATS, 'headway'] as const;
export const ImportSourceSchema = z.enum(IMPORT_SOURCES, {
  message: `must be one of ${IMPORT_SOURCES.join(', ')}`,
});

const Email = z.email('an email address such as dana@example.com').max(200);

const PersonMatchSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('member'), email: Email }),
    z.strictObject({ kind: z.literal('invite'), email: Email }),
    z.strictObject({ kind: z.literal('unmatched') }),
  ],
  {
    message:
      'a person maps to {"kind":"member","email":…}, {"kind":"invite","email":…} or {"kind":"unmatched"}',
  },
);

const TimeEstimateRuleSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      mode: z.literal('likely-only'),
      basis: text().max(300).default('likely value only, as set in the mapping'),
    }),
    z
      .strictObject({
        mode: z.literal('spread'),
        optimisticRatio: z.number().gt(0).max(1),
        pessimisticRatio: z.number().min(1).max(100),
        basis: text().max(300).default('range stated in the mapping'),
      })
      .describe('optimistic = likely × optimisticRatio (≤ 1), pessimistic = likely × pessimisticRatio (≥ 1)'),
  ],
  {
    message:
      'timeEstimates is {"mode":"likely-only"} or {"mode":"spread","optimisticRatio":0.8,"pessimisticRatio":1.6}',
  },
);

/**
 * A mapping file (`--mapping map.json`): any part of the proposed mapping, to lay over it. Only
 * the entries given change; `headway import FILE --dry-run --mapping-out map.json` writes the
 * whole proposal to start from.
 */
export const ImportMappingEditsSchema = z.strictObject({
  format: z.enum(IMPORT_FORMATS).optional(),
  dateFormat: text().trim().min(1).max(40).nullable().optional(),
  timeZone: text().trim().max(12).nullable().optional(),
  hoursPerDay: z.number().gt(0).max(24).optional(),
  states: z.record(text().max(200), z.enum(ITEM_STATES)).optional(),
  resolutions: z.record(text().max(200), z.enum(['done', 'cancelled'])).optional(),
  types: z.record(text().max(200), z.enum(ITEM_TYPES)).optional(),
  priorities: z.record(text().max(200), text().trim().min(1).max(40).nullable()).optional(),
  people: z.record(text().max(320), PersonMatchSchema).optional(),
  points: z.enum(['story-points', 'ignore']).optional(),
  timeEstimates: TimeEstimateRuleSchema.optional(),
  labelsFrom: z.array(z.enum(EXTRA_LABEL_FIELDS)).max(EXTRA_LABEL_FIELDS.length).optional(),
  milestones: z.enum(['initiatives', 'labels', 'ignore']).optional(),
  columns: z
    .strictObject(
      Object.fromEntries(GENERIC_FIELDS.map((field) => [field, text().trim().min(1).max(200).optional()])),
    )
    .nullable()
    .optional(),
});
export type ImportMappingEdits = z.infer<typeof ImportMappingEditsSchema>;

/** A problem found in a file: its row as a spreadsheet shows it (header = 1) and column. */
export const ImportProblemSchema = z.object({
  file: z.string().optional(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  why: z.string().describe('what the import does about it, or what to change'),
  severity: z.enum(['error', 'warning']).describe('an error stops the import until it is fixed'),
  dateFormats: z
    .array(z.string())
    .optional()
    .describe('dates that read several ways: the formats that fit; send one as dateFormat'),
});

/** What an import would create and every problem: the dry run's report. */
export const ImportSummarySchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  items: z.number().int(),
  done: z.number().int(),
  cancelled: z.number().int(),
  dependencies: z.number().int(),
  people: z.number().int(),
  historyEntries: z.number().int(),
  skipped: z.record(z.string(), z.number().int()),
  problems: z.array(ImportProblemSchema),
  peopleByMatch: z.object({
    members: z.number().int(),
    invitations: z.number().int(),
    unmatched: z.number().int(),
  }),
  errors: z.number().int(),
  assumptions: z.array(z.string()),
  mapping: z
    .object({
      states: z.record(z.string(), z.enum(ITEM_STATES)),
      dateFormat: z.string().nullable(),
      types: z.record(z.string(), z.enum(ITEM_TYPES)).describe('their type → our type'),
      priorities: z
        .record(z.string(), z.string().nullable())
        .describe('their priority → the label it becomes (null: dropped)'),
      people: z
        .record(z.string(), PersonMatchSchema)
        .describe('person (email, or name as found) → member, invitation or unmatched'),
      points: z.enum(['story-points', 'ignore']),
      timeEstimates: TimeEstimateRuleSchema.describe(
        "time estimates → three-point: a spread (from the file's estimate-vs-time-spent history, or stated) or likely only",
      ),
    })
    .describe(
      'the mapping applied; send any table back, with entries changed, as `mapping` (states, types, priorities, people, points, timeEstimates) to override it',
    ),
});

/**
 * A Jira, Linear, GitHub or CSV file to import as a new workspace (the caller is its founder).
 * The file travels as text inside the JSON body.
 */
export const ForeignImportRequestSchema = z.strictObject({
  format: z
    .enum(IMPORT_FORMATS, { message: `format must be one of ${IMPORT_FORMATS.join(', ')}` })
    .optional()
    .describe('detected from the content when absent'),
  text: z.string().min(1, "text is the file's content and cannot be empty"),
  fileName: z.string().max(255).optional(),
  name: z.string().trim().min(1, 'name the new workspace').max(100),
  mapping: ImportMappingEditsSchema.optional().describe('entries laid over the proposed mapping'),
  dateFormat: z.string().trim().min(1).max(40).optional().describe('e.g. "DD/MMM/YY h:mm A"'),
});
export type ForeignImportRequest = z.infer<typeof ForeignImportRequestSchema>;

export const ForeignImportQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).optional().describe('true: report what would be created; write nothing'),
});

/** The report, and the new workspace with its invitation links once written (null on a dry run). */
export const ForeignImportResultSchema = z.object({
  summary: ImportSummarySchema,
  workspace: ImportResultSchema.nullable(),
});
export type ForeignImportResult = z.infer<typeof ForeignImportResultSchema>;

/** A Jira, Linear, GitHub or CSV file to import into an existing workspace (re-importing updates by key). */
export const WorkspaceImportRequestSchema = ForeignImportRequestSchema.omit({ name: true });
export type WorkspaceImportRequest = z.infer<typeof WorkspaceImportRequestSchema>;

/** What an import into a workspace did, or would do on a dry run: matched by the file's keys. */
export const WorkspaceImportResultSchema = z.object({
  dryRun: z.boolean(),
  summary: ImportSummarySchema,
  created: z
    .array(z.object({ key: z.string(), number: z.number().int() }))
    .describe('items the file has that the workspace did not (on a dry run, the numbers they would get)'),
  updated: z
    .array(
      z.object({
        key: z.string(),
        number: z.number().int(),
        fields: z.array(z.enum(REIMPORT_FIELDS)),
        changedHere: z
          .boolean()
          .describe(
            'the item changed in Headway since an import last wrote it: the file replaces that change',
          ),
      }),
    )
    .describe('items whose listed fields the file changes'),
  unchanged: z.number().int().describe('items the file has with the same values'),
  withheld: z
    .array(
      z.object({
        key: z.string(),
        number: z.number().int(),
        fields: z.array(z.enum(REIMPORT_FIELDS)),
        reason: z.string().describe('whose decision these fields are'),
      }),
    )
    .describe('changes the file makes that were not applied: the decision is not yours'),
  dependencies: z.object({
    added: z.number().int(),
    existing: z.number().int(),
    refused: z
      .array(z.object({ item: z.string(), dependsOn: z.string(), reason: z.string() }))
      .describe('dependencies not imported, e.g. because they would close a cycle'),
  }),
});
export type WorkspaceImportResult = z.infer<typeof WorkspaceImportResultSchema>;

/**
 * A large import running in the background (the POST answers 202 with it; poll
 * GET /api/imports/{id}). Once done, `result` is what the synchronous route would have answered.
 */
export const ImportJobSchema = z.object({
  id: IdSchema,
  kind: z
    .enum(IMPORT_JOB_KINDS)
    .describe('Headway JSON, a foreign file as a new workspace, or one into a workspace'),
  status: z.enum(IMPORT_JOB_STATUSES),
  bytes: z.number().int(),
  done: z.number().int().describe('rows written so far'),
  total: z.number().int().describe('rows to write (0 until the file is read)'),
  progress: z.number().min(0).max(1),
  workspaceId: IdSchema.nullable().describe('the new (or imported-into) workspace, once done'),
  invitations: z
    .array(ImportInvitationSchema)
    .describe('once done: the invitation links, kept for an hour by the server that ran the import'),
  result: z
    .union([ForeignImportResultSchema, WorkspaceImportResultSchema])
    .nullable()
    .describe(
      'a foreign import, once done: the answer the synchronous route gives (invitation links as above)',
    ),
  warnings: z
    .array(z.string())
    .describe(
      'once a Headway JSON import is done: what it kept otherwise than the file said, and why (a portal address taken here)',
    ),
  error: z
    .object({ message: z.string(), problems: z.array(z.string()).optional() })
    .nullable()
    .describe('why it failed (the 400 the synchronous route gives); nothing was imported'),
  createdAt: IsoDateTimeSchema,
  finishedAt: IsoDateTimeSchema.nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;
