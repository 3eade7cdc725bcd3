import { z } from 'zod';
import { checkStoryPoints, MODIFIED_FIBONACCI_DECK } from '../domain/estimation';
import { DateOnlySchema, IdSchema, IsoDateTimeSchema, int4, int4FromText, SkillSchema, text } from './common';
import { ITEM_STATES, ITEM_TYPES } from './item-values';
import { LIMITS } from './limits';

export { CLOSED_ITEM_STATES, ITEM_LEVELS, ITEM_STATES, ITEM_TYPES } from './item-values';
export const ItemTypeSchema = z.enum(ITEM_TYPES);
export const ItemStateSchema = z.enum(ITEM_STATES);
export type ItemType = z.infer<typeof ItemTypeSchema>;
export type ItemState = z.infer<typeof ItemStateSchema>;

/** Three-point estimate in working days (optimistic ≤ likely ≤ pessimistic). */
export const EstimateInputSchema = z
  .strictObject({
    optimistic: z.number().min(0).max(10_000),
    likely: z.number().min(0).max(10_000),
    pessimistic: z.number().min(0).max(10_000),
  })
  .refine((e) => e.optimistic <= e.likely && e.likely <= e.pessimistic, {
    message: 'an estimate needs optimistic ≤ likely ≤ pessimistic',
  });

export const EstimateSchema = z.object({
  optimistic: z.number(),
  likely: z.number(),
  pessimistic: z.number(),
  unit: z.literal('days'),
  estimatedBy: IdSchema.nullable(),
  estimatedAt: IsoDateTimeSchema.nullable(),
});

/** Story points must be a card of the standard (modified Fibonacci) planning-poker deck. */
export const STORY_POINT_DECK: readonly number[] = MODIFIED_FIBONACCI_DECK;

export const StoryPointsInputSchema = z
  .number()
  .superRefine((value, ctx) => {
    const checked = checkStoryPoints({ value, deck: STORY_POINT_DECK });
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message });
  })
  .describe(`a card of the deck: ${STORY_POINT_DECK.join(', ')}`);

/** Framework inputs and scores, e.g. { rice_reach: 500, rice_impact: 2, moscow: "must" }. */
export const ScoresSchema = z.record(
  text().regex(/^[a-z][a-z0-9_]{0,39}$/, 'score names are lower_snake_case'),
  z.union([z.number().min(-1e9).max(1e9), text().max(40)]),
);

export const DependencyRefSchema = z.object({ itemId: IdSchema, lagDays: z.number().int() });

/**
 * People an imported file named for this item, by e-mail: never a local account's own act. The
 * clients show them as "by alice@… in the imported file".
 */
export const ImportedItemPeopleSchema = z.object({
  createdBy: z.string().nullable(),
  assignee: z.string().nullable(),
  estimatedBy: z.string().nullable(),
});

export const ItemSchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  type: ItemTypeSchema,
  title: z.string(),
  description: z.string(),
  parentId: IdSchema.nullable(),
  state: ItemStateSchema,
  workflowStateId: IdSchema.nullable().describe(
    'the workspace workflow state it is in, standing for `state` (null: the first state that does)',
  ),
  cycleId: IdSchema.nullable().describe('the cycle it is committed to, if any'),
  rank: z.string(),
  orderedAt: IsoDateTimeSchema.nullable(),
  estimate: EstimateSchema.nullable(),
  actualEffort: z.number().nullable(),
  storyPoints: z.number().nullable(),
  scores: ScoresSchema,
  skills: z.array(z.string()),
  labels: z.array(z.string()),
  assigneeId: IdSchema.nullable(),
  targetDate: z.string().nullable(),
  targetDateCommittedAt: IsoDateTimeSchema.nullable().describe(
    'when the target date was committed (a roadmap version was published with it); moving it then is a slip that needs a reason',
  ),
  scopeQuestion: z.string().nullable(),
  dependsOn: z.array(DependencyRefSchema),
  createdBy: IdSchema.nullable(),
  imported: ImportedItemPeopleSchema.optional().describe('only on items whose people came from an import'),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  completedAt: IsoDateTimeSchema.nullable(),
  version: z.number().int(),
});
export type Item = z.infer<typeof ItemSchema>;

const TitleSchema = text().trim().min(1, 'an item needs a title').max(LIMITS.titleChars);
const LabelSchema = text().trim().min(1).max(40);

export const CreateItemSchema = z.strictObject({
  type: ItemTypeSchema,
  title: TitleSchema,
  description: text().max(LIMITS.descriptionChars).optional(),
  parentId: IdSchema.nullable().optional(),
  state: ItemStateSchema.optional(),
  estimate: EstimateInputSchema.optional(),
  storyPoints: StoryPointsInputSchema.nullable().optional(),
  scores: ScoresSchema.optional(),
  skills: z.array(SkillSchema).max(LIMITS.skillsPerPerson).optional(),
  labels: z.array(LabelSchema).max(LIMITS.labelsPerItem).optional(),
  assigneeId: IdSchema.nullable().optional(),
  targetDate: DateOnlySchema.nullable().optional(),
  scopeQuestion: text().trim().min(1).max(2000).nullable().optional(),
});
export type CreateItem = z.infer<typeof CreateItemSchema>;

export const UpdateItemSchema = z.strictObject({
  version: int4().min(1).optional().describe('or send it in the If-Match header'),
  type: ItemTypeSchema.optional(),
  title: TitleSchema.optional(),
  description: text().max(LIMITS.descriptionChars).optional(),
  parentId: IdSchema.nullable().optional(),
  state: ItemStateSchema.optional(),
  workflowStateId: IdSchema.optional().describe(
    'a state of the workspace workflow; sets `state` to the built-in state it stands for',
  ),
  estimate: EstimateInputSchema.nullable().optional(),
  storyPoints: StoryPointsInputSchema.nullable().optional(),
  actualEffort: z.number().min(0).max(100_000).nullable().optional(),
  scores: ScoresSchema.optional(),
  skills: z.array(SkillSchema).max(LIMITS.skillsPerPerson).optional(),
  labels: z.array(LabelSchema).max(LIMITS.labelsPerItem).optional(),
  assigneeId: IdSchema.nullable().optional(),
  targetDate: DateOnlySchema.nullable().optional(),
  scopeQuestion: text().trim().min(1).max(2000).nullable().optional(),
  rationale: text()
    .trim()
    .max(2000)
    .optional()
    .describe('why; recorded in the decision log, and required when a committed target date moves'),
});
export type UpdateItem = z.infer<typeof UpdateItemSchema>;

/** Place an item directly after `afterId` (or at the top when null), or directly before `beforeId`. */
export const MoveItemSchema = z
  .strictObject({
    version: int4().min(1).optional(),
    afterId: IdSchema.nullable().optional(),
    beforeId: IdSchema.nullable().optional(),
    rationale: text().trim().max(2000).optional(),
  })
  .refine((m) => m.afterId !== undefined || m.beforeId !== undefined, {
    message: 'say where the item goes: afterId (null for the top) or beforeId (null for the bottom)',
  });

/** The moved item, and the ordering decision it made, so its why can be given right after. */
export const MovedItemSchema = ItemSchema.extend({
  decision: z
    .object({ id: z.string(), version: z.number().int() })
    .describe('the decision-log entry of this move: POST its why to /decisions/{id}/rationale'),
});
export type MovedItem = z.infer<typeof MovedItemSchema>;

export const AddDependencySchema = z.strictObject({
  dependsOnId: IdSchema,
  lagDays: int4().min(0).max(365).default(0),
  rationale: text().trim().max(2000).optional(),
});

export const ItemListQuerySchema = z.object({
  limit: int4FromText().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: text().max(500).optional(),
  type: ItemTypeSchema.optional(),
  state: ItemStateSchema.optional(),
  assigneeId: IdSchema.optional(),
  label: text().max(40).optional(),
  q: text().max(200).optional(),
  parentId: IdSchema.optional(),
});

export const StateChangeSchema = z.object({
  id: z.string(),
  itemId: IdSchema,
  fromState: ItemStateSchema.nullable(),
  toState: ItemStateSchema,
  changedBy: IdSchema.nullable(),
  importedChangedBy: z.string().nullable().describe('who the imported file says moved it (e-mail)'),
  changedAt: IsoDateTimeSchema,
});

export const CommentSchema = z.object({
  id: IdSchema,
  itemId: IdSchema,
  authorId: IdSchema.nullable(),
  authorName: z.string(),
  importedAuthor: z
    .string()
    .nullable()
    .describe('the author the imported file names (e-mail), not an account'),
  body: z.string(),
  createdAt: IsoDateTimeSchema,
});
export const CreateCommentSchema = z.strictObject({
  body: text().trim().min(1, 'write something').max(LIMITS.commentChars),
});
