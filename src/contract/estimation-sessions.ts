import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';
import { EstimateInputSchema, EstimateSchema } from './items';

export const ESTIMATION_SESSION_STATES = ['open', 'revealed', 'closed'] as const;
export const EstimationSessionStateSchema = z.enum(ESTIMATION_SESSION_STATES);
export type EstimationSessionState = z.infer<typeof EstimationSessionStateSchema>;

/** The t-shirt sizes a session vote may use; the workspace's ranges (or the default ones) apply. */
export const SESSION_TSHIRT_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;

export const CreateEstimationSessionSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  itemIds: z
    .array(IdSchema)
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'an item is listed twice' }),
});
export type CreateEstimationSession = z.infer<typeof CreateEstimationSessionSchema>;

/** A vote in working days, or a t-shirt size (converted with the workspace's ranges). */
export const CastEstimationVoteSchema = z
  .strictObject({
    itemId: IdSchema,
    days: z.number().min(0).max(10_000).optional(),
    size: z.enum(SESSION_TSHIRT_SIZES).optional(),
  })
  .refine((v) => (v.days === undefined) !== (v.size === undefined), {
    message: 'send either days or a size, not both',
  });
export type CastEstimationVote = z.infer<typeof CastEstimationVoteSchema>;

/** Accepts a three-point estimate for one item, or a size turned into its range. */
export const AcceptSessionEstimateSchema = z
  .strictObject({
    itemId: IdSchema,
    version: z.number().int().min(1).describe("the item's version you last loaded"),
    estimate: EstimateInputSchema.optional(),
    size: z.enum(SESSION_TSHIRT_SIZES).optional(),
    rationale: z.string().trim().max(2000).optional(),
  })
  .refine((v) => (v.estimate === undefined) !== (v.size === undefined), {
    message: 'send either an estimate or a size, not both',
  });
export type AcceptSessionEstimate = z.infer<typeof AcceptSessionEstimateSchema>;

export const SessionVoteSchema = z.object({
  voterId: IdSchema,
  name: z.string(),
  days: z.number(),
  size: z.string().nullable(),
});

export const SessionSpreadSchema = z.object({
  count: z.number().int(),
  min: z.number(),
  max: z.number(),
  median: z.number(),
  spreadRatio: z.number().nullable(),
  outliers: z.array(z.object({ voterId: IdSchema, name: z.string(), days: z.number(), reason: z.string() })),
  needsDiscussion: z.boolean(),
  reasons: z.array(z.string()),
});

export const EstimationSessionItemSchema = z.object({
  itemId: IdSchema,
  number: z.number().int(),
  title: z.string(),
  version: z.number().int(),
  estimate: EstimateSchema.nullable(),
  /** Who has voted; their values stay hidden until the reveal. */
  voters: z.array(z.object({ voterId: IdSchema, name: z.string() })),
  /** Before the reveal, only the caller's own vote; after it, everyone's. */
  votes: z.array(SessionVoteSchema),
  spread: SessionSpreadSchema.nullable(),
  accepted: z.object({ optimistic: z.number(), likely: z.number(), pessimistic: z.number() }).nullable(),
});

export const EstimationSessionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  state: EstimationSessionStateSchema,
  createdBy: IdSchema.nullable(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  revealedAt: IsoDateTimeSchema.nullable(),
  items: z.array(EstimationSessionItemSchema),
});
export type EstimationSession = z.infer<typeof EstimationSessionSchema>;
export type EstimationSessionItem = z.infer<typeof EstimationSessionItemSchema>;

export const EstimationSessionSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  state: EstimationSessionStateSchema,
  itemCount: z.number().int(),
  createdBy: IdSchema.nullable(),
  createdAt: IsoDateTimeSchema,
});
export type EstimationSessionSummary = z.infer<typeof EstimationSessionSummarySchema>;
export const EstimationSessionListSchema = z.object({ data: z.array(EstimationSessionSummarySchema) });
