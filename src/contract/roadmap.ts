import { z } from 'zod';
import { DateOnlySchema, IdSchema, IsoDateTimeSchema, SkillSchema, text } from './common';
import { EstimateInputSchema } from './items';

/** now: starts within two weeks of the plan start (or is under way); next: within eight weeks; later: after. */
export const ROADMAP_BUCKETS = ['now', 'next', 'later'] as const;
export const RoadmapBucketSchema = z.enum(ROADMAP_BUCKETS);

export const START_REASON_KINDS = [
  'ready',
  'fixed-date',
  'dependency',
  'calendar',
  'skill',
  'order',
  'person',
  'started',
] as const;

/** Why an item starts when it does, with a sentence to show. */
export const StartReasonSchema = z.object({
  kind: z.enum(START_REASON_KINDS),
  text: z.string(),
  itemId: z.string().optional(),
  personId: z.string().optional(),
  skills: z.array(z.string()).optional(),
  date: z.string().optional(),
});

export const PLAN_ISSUE_KINDS = [
  'unestimated',
  'missing-skill',
  'cycle',
  'assignee-cannot-take',
  'waits-on-unplanned',
  'not-planned',
] as const;

/** Something the plan could not take, or had to assume. */
export const PlanIssueSchema = z.object({
  kind: z.enum(PLAN_ISSUE_KINDS),
  message: z.string(),
  itemIds: z.array(z.string()),
  skills: z.array(z.string()).optional(),
  personId: z.string().optional(),
});

export const RoadmapPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  fte: z.number(),
  skills: z.array(z.string()),
  hypothetical: z.boolean(),
});

export const RoadmapItemSchema = z.object({
  itemId: IdSchema,
  number: z.number().int(),
  title: z.string(),
  type: z.string(),
  state: z.string(),
  /** Null only for zero-effort items, which need nobody. */
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  start: DateOnlySchema,
  finish: DateOnlySchema,
  /** Expected effort (PERT mean of the estimate), in working days at full time. */
  effortDays: z.number(),
  /** Working days the assignee spends, after FTE. */
  durationDays: z.number(),
  /** Position in the product order among planned items (0 = first). */
  rank: z.number().int(),
  reason: StartReasonSchema,
  dependsOn: z.array(z.string()),
  milestoneId: z.string().nullable(),
  critical: z.boolean(),
  bucket: RoadmapBucketSchema,
});
export type RoadmapItem = z.infer<typeof RoadmapItemSchema>;

export const RoadmapLoadSchema = z.object({
  personId: z.string(),
  name: z.string(),
  itemIds: z.array(z.string()),
  busyDays: z.number(),
  availableDays: z.number(),
  utilisation: z.number(),
});

export const RoadmapMilestoneSchema = z.object({
  id: z.string(),
  number: z.number().int().nullable(),
  title: z.string(),
  targetDate: z.string().nullable(),
  /** When its last open item finishes; null when it has no planned open work. */
  date: z.string().nullable(),
  drivingItemId: z.string().nullable(),
  /** Calendar days late (positive) or early (negative) against the target. */
  slipDays: z.number().int().nullable(),
  plannedItems: z.number().int(),
});

export const SlipSchema = z.object({
  id: z.string(),
  title: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** after − before in calendar days (positive = later); null when either side is missing. */
  slipDays: z.number().int().nullable(),
  status: z.enum(['later', 'earlier', 'same', 'added', 'removed']),
});

export const RoadmapComparisonSchema = z.object({
  snapshotId: IdSchema,
  version: z.number().int(),
  publishedAt: IsoDateTimeSchema,
  items: z.array(SlipSchema),
  milestones: z.array(SlipSchema),
  summary: z.string(),
});

export const RoadmapSchema = z.object({
  status: z.enum(['planned', 'empty']),
  startDate: DateOnlySchema,
  endDate: DateOnlySchema,
  people: z.array(RoadmapPersonSchema),
  items: z.array(RoadmapItemSchema),
  criticalChain: z.array(z.string()),
  load: z.array(RoadmapLoadSchema),
  milestones: z.array(RoadmapMilestoneSchema),
  buckets: z.object({ now: z.array(z.string()), next: z.array(z.string()), later: z.array(z.string()) }),
  unplanned: z.array(z.object({ itemId: z.string(), reason: z.enum(PLAN_ISSUE_KINDS) })),
  problems: z.array(PlanIssueSchema),
  /** How people were chosen, buckets defined and effort computed. */
  rules: z.array(z.string()),
  comparison: RoadmapComparisonSchema.optional(),
});
export type Roadmap = z.infer<typeof RoadmapSchema>;

export const RoadmapQuerySchema = z.object({
  start: DateOnlySchema.optional().describe('first plan day (default today, UTC)'),
  compareTo: text().optional().describe('a snapshot id: show slips since it was published'),
});

export const ScenarioChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('add_person'),
    name: text().trim().min(1).max(100),
    fte: z.number().gt(0).max(1),
    skills: z.array(SkillSchema).max(30),
  }),
  z.strictObject({ kind: z.literal('remove_person'), userId: text() }),
  z.strictObject({ kind: z.literal('move_item'), itemId: text(), afterId: text().nullable() }),
  z.strictObject({ kind: z.literal('cut_item'), itemId: text() }),
  // The same three-point rule as an item's estimate (optimistic ≤ likely ≤ pessimistic).
  EstimateInputSchema.extend({ kind: z.literal('set_estimate'), itemId: text() }),
]);
export type ScenarioChange = z.infer<typeof ScenarioChangeSchema>;

export const ScenarioRequestSchema = z.strictObject({
  changes: z.array(ScenarioChangeSchema).min(1).max(50),
  start: DateOnlySchema.optional(),
});

export const MilestoneDifferenceSchema = z.object({
  milestoneId: z.string(),
  title: z.string(),
  targetDate: z.string().nullable(),
  baseline: z.string().nullable(),
  scenario: z.string().nullable(),
  /** scenario − baseline in calendar days: negative = earlier. */
  differenceDays: z.number().int().nullable(),
});

export const ScenarioResultSchema = z.object({
  changes: z.array(z.object({ kind: z.string(), description: z.string() })),
  baseline: RoadmapSchema,
  scenario: RoadmapSchema,
  milestones: z.array(MilestoneDifferenceSchema),
  /** Plan end, scenario − baseline in calendar days. */
  endDifferenceDays: z.number().int(),
});
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;

export const PublishSnapshotSchema = z.strictObject({
  note: text().trim().max(2000).optional(),
  start: DateOnlySchema.optional(),
});

export const RoadmapSnapshotSummarySchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  note: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  publishedBy: IdSchema.nullable(),
  publishedAt: IsoDateTimeSchema,
  items: z.number().int(),
  unreadable: z
    .string()
    .nullable()
    .optional()
    .describe(
      'why the stored plan cannot be read (stored by an older version); delete the version to tidy up',
    ),
  milestones: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      date: z.string().nullable(),
      targetDate: z.string().nullable(),
    }),
  ),
});
export type RoadmapSnapshotSummary = z.infer<typeof RoadmapSnapshotSummarySchema>;
