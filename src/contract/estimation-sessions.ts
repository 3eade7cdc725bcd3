import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, int4, text } from './common';
import { EstimateInputSchema, EstimateSchema, StoryPointsInputSchema } from './items';

export const ESTIMATION_SESSION_STATES = ['open', 'revealed', 'closed'] as const;
export const EstimationSessionStateSchema = z.enum(ESTIMATION_SESSION_STATES);
export type EstimationSessionState = z.infer<typeof EstimationSessionStateSchema>;

/** The t-shirt sizes a session vote may use; the workspace's ranges (or the default ones) apply. */
export const SESSION_TSHIRT_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;

/** What a session's votes count: working days (or t-shirt sizes), or story points from the deck. */
export const ESTIMATION_SESSION_UNITS = ['days', 'points'] as const;
export const EstimationSessionUnitSchema = z.enum(ESTIMATION_SESSION_UNITS);
export type EstimationSessionUnit = z.infer<typeof EstimationSessionUnitSchema>;

export const CreateEstimationSessionSchema = z.strictObject({
  title: text().trim().min(1).max(200),
  unit: EstimationSessionUnitSchema.default('days').describe('days (the default) or story points'),
  itemIds: z
    .array(IdSchema)
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'an item is listed twice' }),
});
/** The request body; `unit` may be left out (days). */
export type CreateEstimationSession = z.input<typeof CreateEstimationSessionSchema>;

/**
 * A vote in working days or a t-shirt size (converted with the workspace's ranges) in a days
 * session; story points (a card of the deck) in a points session.
 */
export const CastEstimationVoteSchema = z
  .strictObject({
    itemId: IdSchema,
    days: z.number().min(0).max(10_000).optional(),
    size: z.enum(SESSION_TSHIRT_SIZES).optional(),
    points: StoryPointsInputSchema.optional(),
  })
  .refine((v) => [v.days, v.size, v.points].filter((x) => x !== undefined).length === 1, {
    message: 'send one of days, a size or points',
  });
export type CastEstimationVote = z.infer<typeof CastEstimationVoteSchema>;

/**
 * Accepts a three-point estimate for one item, or a size turned into its range (days session), or
 * story points (points session).
 */
export const AcceptSessionEstimateSchema = z
  .strictObject({
    itemId: IdSchema,
    version: int4().min(1).describe("the item's version you last loaded"),
    estimate: EstimateInputSchema.optional(),
    size: z.enum(SESSION_TSHIRT_SIZES).optional(),
    points: StoryPointsInputSchema.optional(),
    rationale: text().trim().max(2000).optional(),
  })
  .refine((v) => [v.estimate, v.size, v.points].filter((x) => x !== undefined).length === 1, {
    message: 'send one of an estimate, a size or points',
  });
export type AcceptSessionEstimate = z.infer<typeof AcceptSessionEstimateSchema>;

export const SessionVoteSchema = z.object({
  voterId: IdSchema,
  name: z.string(),
  /** The vote in the session's unit: working days, or story points in a points session. */
  days: z.number(),
  size: z.string().nullable(),
});

export const SessionSpreadSchema = z.object({
  count: z.number().int(),
  min: z.number(),
  max: z.number(),
  median: z.number(),
  spreadRatio: z.number().nullable(),
  /** Deck positions between the lowest and highest card (points sessions); null otherwise. */
  spreadSteps: z.number().int().nullable(),
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
  /** The story points accepted in a points session. */
  acceptedPoints: z.number().nullable(),
  storyPoints: z.number().nullable(),
});

export const EstimationSessionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  state: EstimationSessionStateSchema,
  unit: EstimationSessionUnitSchema,
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
  unit: EstimationSessionUnitSchema,
  itemCount: z.number().int(),
  createdBy: IdSchema.nullable(),
  createdAt: IsoDateTimeSchema,
});
export type EstimationSessionSummary = z.infer<typeof EstimationSessionSummarySchema>;
export const EstimationSessionListSchema = z.object({ data: z.array(EstimationSessionSummarySchema) });
