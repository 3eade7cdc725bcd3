import { z } from 'zod';
import { text } from './common';
import { SESSION_TSHIRT_SIZES } from './estimation-sessions';

/** One t-shirt size with the range of working days it stands for. */
export const TShirtRangeSchema = z.strictObject({
  size: z.enum(SESSION_TSHIRT_SIZES),
  min: z.number().min(0).max(10_000).describe('working days at the low end'),
  max: z.number().min(0).max(10_000).describe('working days at the high end'),
  mustSplit: z.boolean().optional().describe('too big for one iteration: flagged to be split'),
});
export type TShirtRange = z.infer<typeof TShirtRangeSchema>;

/** Replaces the workspace's t-shirt ranges (the estimates decision); sizes smallest first. */
export const UpdateEstimationScaleSchema = z.strictObject({
  sizes: z.array(TShirtRangeSchema).min(1).max(SESSION_TSHIRT_SIZES.length),
  rationale: text().trim().max(2000).optional(),
});
export type UpdateEstimationScale = z.infer<typeof UpdateEstimationScaleSchema>;

/** The ranges sizes convert with: the workspace's own, or the default when it has none. */
export const EstimationScaleSchema = z.object({
  unit: z.literal('days'),
  isDefault: z.boolean(),
  sizes: z.array(
    z.object({
      size: z.string(),
      min: z.number(),
      max: z.number(),
      mustSplit: z.boolean(),
    }),
  ),
});
export type EstimationScale = z.infer<typeof EstimationScaleSchema>;
