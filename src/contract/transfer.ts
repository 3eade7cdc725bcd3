import { z } from 'zod';
import { SkillSchema } from './common';
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
      scores: ScoresSchema,
      skills: z.array(SkillSchema),
      labels: z.array(z.string().max(40)),
      assignee: Email.nullable(),
      targetDate: z.iso.date().nullable(),
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
});
export type HeadwayExport = z.infer<typeof HeadwayExportSchema>;
