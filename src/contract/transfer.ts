import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, SkillSchema } from './common';
import { TShirtRangeSchema } from './estimation-scale';
import { SESSION_TSHIRT_SIZES } from './estimation-sessions';
import { ItemStateSchema, ItemTypeSchema, ScoresSchema } from './items';
import { LIMITS } from './limits';
import { DecisionSchema, RoleSchema, WorkspaceSchema } from './workspace';

const Timestamp = z.iso.datetime({
  offset: true,
  message: 'an ISO 8601 timestamp such as 2026-03-01T09:00:00.000Z',
});
const Email = z.email().max(200);
const Num = z.number().int().min(1);

/**
 * Headway JSON: a whole workspace, lossless. People are referred to by email and items by their
 * number, so a file can be imported into any server. Import is all-or-nothing.
 */
export const HeadwayExportSchema = z.strictObject({
  format: z.literal('headway', 'format must be "headway"'),
  formatVersion: z.literal(1, 'this server reads formatVersion 1'),
  workspace: z.strictObject({
    name: z.string().trim().min(1).max(100),
    decisionRights: z.record(z.string(), z.record(z.string(), z.string())),
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
      name: z.string().trim().min(1).max(100),
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
      title: z.string().trim().min(1).max(LIMITS.titleChars),
      description: z.string().max(LIMITS.descriptionChars),
      parent: Num.nullable(),
      state: ItemStateSchema,
      rank: z.string().min(1).max(200),
      orderedAt: Timestamp.nullable(),
      estimate: z
        .strictObject({
          optimistic: z.number().min(0),
          likely: z.number().min(0),
          pessimistic: z.number().min(0),
          estimatedBy: Email.nullable(),
          estimatedAt: Timestamp.nullable(),
        })
        .refine((e) => e.optimistic <= e.likely && e.likely <= e.pessimistic, {
          message: 'an estimate needs optimistic ≤ likely ≤ pessimistic',
        })
        .nullable(),
      actualEffort: z.number().min(0).nullable(),
      storyPoints: z.number().min(0).nullable().optional(),
      scores: ScoresSchema,
      skills: z.array(SkillSchema),
      labels: z.array(z.string().max(40)),
      assignee: Email.nullable(),
      targetDate: z.iso.date().nullable(),
      /** When the target date was committed by publishing a roadmap version; absent in older files. */
      targetDateCommittedAt: Timestamp.nullable().optional(),
      scopeQuestion: z.string().max(2000).nullable(),
      scopeQuestionAt: Timestamp.nullable(),
      createdBy: Email.nullable(),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      completedAt: Timestamp.nullable(),
      version: Num,
    }),
  ),
  dependencies: z.array(
    z.strictObject({
      item: Num,
      dependsOn: Num,
      lagDays: z.number().int().min(0).max(365),
      createdAt: Timestamp,
    }),
  ),
  stateHistory: z.array(
    z.strictObject({
      item: Num,
      from: ItemStateSchema.nullable(),
      to: ItemStateSchema,
      by: Email.nullable(),
      at: Timestamp,
    }),
  ),
  decisions: z.array(
    z.strictObject({
      decision: DecisionSchema,
      item: Num.nullable(),
      actor: Email.nullable(),
      summary: z.string().max(2000),
      rationale: z.string().max(4000).nullable(),
      details: z.record(z.string(), z.unknown()),
      at: Timestamp,
      /** Bumped each time the author gave or changed the why; absent in older files (1). */
      version: Num.optional(),
      /** On an amendment: the index, in this list, of the entry whose why it gave or changed. */
      amends: z.number().int().min(0).nullable().optional(),
    }),
  ),
  comments: z.array(
    z.strictObject({
      item: Num,
      author: Email.nullable(),
      body: z.string().max(LIMITS.commentChars),
      at: Timestamp,
    }),
  ),
  // Below: added after the first release, so older files without them still import. Inside the
  // JSON documents, item ids appear as "item:#<number>" and people as "user:<email>".
  formulas: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(100),
        expression: z.string().min(1).max(2000),
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
        questionnaireVersion: z.number().int(),
        variant: z.enum(['short', 'full']),
        doraYear: z.number().int(),
        answers: z.record(z.string(), z.unknown()),
        report: z.record(z.string(), z.unknown()),
        createdBy: Email.nullable(),
        createdAt: Timestamp,
      }),
    )
    .default([]),
  roadmapSnapshots: z
    .array(
      z.strictObject({
        version: Num,
        note: z.string().max(2000).nullable(),
        startDate: z.iso.date(),
        plan: z.record(z.string(), z.unknown()),
        publishedBy: Email.nullable(),
        publishedAt: Timestamp,
      }),
    )
    .default([]),
  forecasts: z
    .array(
      z.strictObject({
        kind: z.enum(['throughput_when', 'throughput_count', 'plan']),
        subject: z.record(z.string(), z.unknown()),
        method: z.string().max(100),
        inputs: z.record(z.string(), z.unknown()),
        startDate: z.iso.date(),
        percentiles: z.array(z.record(z.string(), z.unknown())),
        distribution: z.record(z.string(), z.unknown()).nullable(),
        madeBy: Email.nullable(),
        madeAt: Timestamp,
        outcome: z.record(z.string(), z.unknown()).nullable(),
        scoredAt: Timestamp.nullable(),
      }),
    )
    .default([]),
  /** Committed target dates that moved, with their reasons. */
  slips: z
    .array(
      z.strictObject({
        item: Num,
        from: z.iso.date(),
        to: z.iso.date().nullable(),
        reason: z.string().trim().min(1).max(2000),
        by: Email.nullable(),
        at: Timestamp,
        /** The index, in `decisions`, of the entry that recorded the move. */
        decision: z.number().int().min(0).nullable(),
      }),
    )
    .default([]),
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

/**
 * A finished import: the new workspace (the importer is its founder) and one invitation per
 * other member the file named. Nobody else joins and no account is created: people named by
 * the file appear in its history as imported attribution ("by alice@… in the imported file").
 */
export const ImportResultSchema = WorkspaceSchema.extend({ invitations: z.array(ImportInvitationSchema) });
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** A large import running in the background (POST answers 202 with it; poll GET /api/imports/{id}). */
export const ImportJobSchema = z.object({
  id: IdSchema,
  status: z.enum(IMPORT_JOB_STATUSES),
  bytes: z.number().int(),
  done: z.number().int().describe('rows written so far'),
  total: z.number().int().describe('rows to write'),
  progress: z.number().min(0).max(1),
  workspaceId: IdSchema.nullable().describe('the new workspace, once done'),
  invitations: z
    .array(ImportInvitationSchema)
    .describe('once done: the invitation links, kept for an hour by the server that ran the import'),
  error: z
    .object({ message: z.string(), problems: z.array(z.string()).optional() })
    .nullable()
    .describe('why it failed; nothing was imported'),
  createdAt: IsoDateTimeSchema,
  finishedAt: IsoDateTimeSchema.nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;
