import { z } from 'zod';
import { SkillSchema } from './common';
import { TShirtRangeSchema } from './estimation-scale';
import { SESSION_TSHIRT_SIZES } from './estimation-sessions';
import { ItemStateSchema, ItemTypeSchema, ScoresSchema } from './items';
import { LIMITS } from './limits';
import { DecisionSchema, RoleSchema } from './workspace';

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
