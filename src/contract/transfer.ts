import { z } from 'zod';
import { IMPORT_FORMATS } from '../domain/import';
import { SCORE_SOURCES } from '../domain/prioritization';
import {
  DateOnlySchema,
  IsoDateTimeSchema,
  int4,
  jsonField,
  SkillSchema,
  TimestampInputSchema,
  text,
} from './common';
import { TShirtRangeSchema } from './estimation-scale';
import { SESSION_TSHIRT_SIZES } from './estimation-sessions';
import { ItemStateSchema, ItemTypeSchema, ScoresSchema } from './items';
import { LIMITS } from './limits';
import { HeadwayWorkspaceTablesShape } from './transfer-workspace';
import { WORKFLOW_LIMITS } from './workflow';
import { DecisionSchema, RoleSchema, WorkspaceSchema } from './workspace';

const Timestamp = TimestampInputSchema;
const Email = z.email().max(200);
const Num = int4().min(1);
/**
 * A JSON document of the file. The import checks each again against its own schema, naming the
 * path of a problem (decision details may nest 8 deep); this bound only turns away what no
 * document could be, before anything walks it.
 */
const FileJsonSchema = jsonField(z.record(text(), z.unknown()), 64);

/** The version of Headway JSON this server writes; it reads every earlier one too. */
export const HEADWAY_FORMAT_VERSION = 2;

/**
 * Headway JSON: a whole workspace, lossless but for secrets and personal saved views. People are
 * referred to by email and items by their number, so a file can be imported into any server.
 * Import is all-or-nothing. formatVersion 2 added the workspace tables of transfer-workspace.ts.
 */
export const HeadwayExportSchema = z.strictObject({
  format: z.literal('headway', 'format must be "headway"'),
  formatVersion: z.union([z.literal(1), z.literal(2)], {
    error: 'this server reads formatVersion 1 or 2',
  }),
  workspace: z.strictObject({
    name: text().trim().min(1).max(100),
    decisionRights: z.record(text(), z.record(text(), text())),
    nextItemNumber: Num,
    /**
     * The workspace's t-shirt ranges in working days; null or absent means the default scale.
     * Optional rather than defaulted so files built in code before this field stay valid.
     */
    tshirtScale: z
      .strictObject({ sizes: z.array(TShirtRangeSchema).min(1).max(SESSION_TSHIRT_SIZES.length) })
      .nullable()
      .optional(),
  }),
  members: z.array(
    z.strictObject({
      email: Email,
      name: text().trim().min(1).max(100),
      role: RoleSchema,
      fte: z.number().min(0).max(1),
      skills: z.array(SkillSchema).max(LIMITS.skillsPerPerson),
      joinedAt: Timestamp,
    }),
  ),
  items: z.array(
    z.strictObject({
      number: Num,
      type: ItemTypeSchema,
      title: text().trim().min(1).max(LIMITS.titleChars),
      description: text().max(LIMITS.descriptionChars),
      parent: Num.nullable(),
      state: ItemStateSchema,
      rank: text().min(1).max(200),
      orderedAt: Timestamp.nullable(),
      estimate: z
        .strictObject({
          optimistic: z.number().min(0).max(100_000),
          likely: z.number().min(0).max(100_000),
          pessimistic: z.number().min(0).max(100_000),
          estimatedBy: Email.nullable(),
          estimatedAt: Timestamp.nullable(),
        })
        .refine((e) => e.optimistic <= e.likely && e.likely <= e.pessimistic, {
          message: 'an estimate needs optimistic ≤ likely ≤ pessimistic',
        })
        .nullable(),
      actualEffort: z.number().min(0).max(100_000).nullable(),
      storyPoints: z.number().min(0).max(100_000).nullable().optional(),
      scores: ScoresSchema,
      /** Who last set each score input and when, by score key; absent in older files. */
      scoreProvenance: z
        .record(
          text().max(40),
          z.strictObject({
            by: Email.nullable(),
            at: Timestamp,
            source: z.enum(SCORE_SOURCES),
            range: z
              .strictObject({ low: z.number().min(0).max(1e12), high: z.number().min(0).max(1e12) })
              .optional(),
            basis: text().max(500).optional(),
          }),
        )
        .optional(),
      skills: z.array(SkillSchema),
      labels: z.array(text().max(40)),
      assignee: Email.nullable(),
      targetDate: DateOnlySchema.nullable(),
      /** When the target date was committed by publishing a roadmap version; absent in older files. */
      targetDateCommittedAt: Timestamp.nullable().optional(),
      scopeQuestion: text().max(2000).nullable(),
      scopeQuestionAt: Timestamp.nullable(),
      createdBy: Email.nullable(),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      completedAt: Timestamp.nullable(),
      version: Num,
      /** The name of its workflow state (formatVersion 2); absent: the first state of its state. */
      workflowState: text().max(100).nullable().optional(),
      /** The index, in `cycles`, of the cycle it is planned in (formatVersion 2). */
      cycle: int4().min(0).nullable().optional(),
      /**
       * Where a foreign import read the item: the tool and its key there, so a later import of
       * that tool's file updates this item instead of adding another. `version`: the item's
       * version when the import last wrote it (the item's own version when absent). Absent in
       * older files and on items made in Headway.
       */
      external: z
        .strictObject({
          source: z.enum(IMPORT_FORMATS),
          key: text().min(1).max(200),
          version: Num.nullable().optional(),
        })
        .nullable()
        .optional(),
    }),
  ),
  dependencies: z.array(
    z.strictObject({
      item: Num,
      dependsOn: Num,
      lagDays: int4().min(0).max(365),
      createdAt: Timestamp,
    }),
  ),
  stateHistory: z.array(
    z.strictObject({
      item: Num,
      from: ItemStateSchema.nullable(),
      to: ItemStateSchema,
      /** The workflow state entered, by name (absent or null: the first state of `to`). */
      workflowState: text().trim().min(1).max(WORKFLOW_LIMITS.nameChars).nullable().optional(),
      by: Email.nullable(),
      at: Timestamp,
    }),
  ),
  decisions: z.array(
    z.strictObject({
      decision: DecisionSchema,
      item: Num.nullable(),
      actor: Email.nullable(),
      summary: text().max(2000),
      rationale: text().max(4000).nullable(),
      details: FileJsonSchema,
      at: Timestamp,
      /** Bumped each time the author gave or changed the why; absent in older files (1). */
      version: Num.optional(),
      /** On an amendment: the index, in this list, of the entry whose why it gave or changed. */
      amends: int4().min(0).nullable().optional(),
    }),
  ),
  comments: z.array(
    z.strictObject({
      item: Num,
      author: Email.nullable(),
      body: text().max(LIMITS.commentChars),
      at: Timestamp,
    }),
  ),
  // Below: added after the first release, so older files without them still import. Inside the
  // JSON documents, item ids appear as "item:#<number>" and people as "user:<email>".
  formulas: z
    .array(
      z.strictObject({
        name: text().min(1).max(100),
        expression: text().min(1).max(2000),
        createdBy: Email.nullable(),
        version: Num,
        createdAt: Timestamp,
        updatedAt: Timestamp,
      }),
    )
    .default([]),
  assessments: z
    .array(
      z.strictObject({
        number: Num,
        questionnaireVersion: int4(),
        variant: z.enum(['short', 'full']),
        doraYear: int4(),
        answers: FileJsonSchema,
        report: FileJsonSchema,
        createdBy: Email.nullable(),
        createdAt: Timestamp,
      }),
    )
    .default([]),
  roadmapSnapshots: z
    .array(
      z.strictObject({
        version: Num,
        note: text().max(2000).nullable(),
        startDate: DateOnlySchema,
        plan: FileJsonSchema,
        publishedBy: Email.nullable(),
        publishedAt: Timestamp,
      }),
    )
    .default([]),
  forecasts: z
    .array(
      z.strictObject({
        kind: z.enum(['throughput_when', 'throughput_count', 'plan']),
        subject: FileJsonSchema,
        method: text().max(100),
        inputs: FileJsonSchema,
        startDate: DateOnlySchema,
        percentiles: z.array(FileJsonSchema),
        distribution: FileJsonSchema.nullable(),
        madeBy: Email.nullable(),
        madeAt: Timestamp,
        outcome: FileJsonSchema.nullable(),
        scoredAt: Timestamp.nullable(),
      }),
    )
    .default([]),
  /** Committed target dates that moved, with their reasons. */
  slips: z
    .array(
      z.strictObject({
        item: Num,
        from: DateOnlySchema,
        to: DateOnlySchema.nullable(),
        reason: text().trim().min(1).max(2000),
        by: Email.nullable(),
        at: Timestamp,
        /** The index, in `decisions`, of the entry that recorded the move. */
        decision: int4().min(0).nullable(),
      }),
    )
    .default([]),
  ...HeadwayWorkspaceTablesShape,
});
export type HeadwayExport = z.infer<typeof HeadwayExportSchema>;

/** An invitation an import created for a member its file named; the link is shown once. */
export const ImportInvitationSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  path: z.string().describe('the invitation link: only the account with this e-mail can accept it'),
  expiresAt: IsoDateTimeSchema,
});
export type ImportInvitation = z.infer<typeof ImportInvitationSchema>;

/**
 * A finished import: the new workspace (the importer is its founder) and one invitation per
 * other member the file named. Nobody else joins and no account is created: people named by
 * the file appear in its history as imported attribution ("by alice@… in the imported file").
 */
export const ImportResultSchema = WorkspaceSchema.extend({
  invitations: z.array(ImportInvitationSchema),
  warnings: z
    .array(z.string())
    .optional()
    .describe('what the import kept otherwise than the file said, and why (a portal address taken here)'),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
/** What a background import writes: Headway JSON or a foreign file as a new workspace, or a foreign file into a workspace. */
export const IMPORT_JOB_KINDS = ['headway', 'foreign', 'merge'] as const;
export type ImportJobKind = (typeof IMPORT_JOB_KINDS)[number];
