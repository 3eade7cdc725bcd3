import { z } from 'zod';
import { HEALTH_STATUSES } from '../domain/forecasting/milestone-risk';
import { IsoDateTimeSchema, int4, text } from './common';

export { HEALTH_STATUSES };

/** The longest note a health update keeps. */
export const HEALTH_NOTE_MAX = 2000;

export const HealthStatusSchema = z.enum(HEALTH_STATUSES);

/** A person's call on a milestone (an initiative or an epic): on track, at risk or off track, and why. */
export const PostHealthUpdateSchema = z.strictObject({
  status: HealthStatusSchema.describe('on_track, at_risk or off_track'),
  note: text()
    .trim()
    .min(1, 'say in a few words why: the note is what others read beside the call')
    .max(HEALTH_NOTE_MAX, `keep the note to ${HEALTH_NOTE_MAX} characters`),
  baseVersion: int4()
    .min(0, 'send the version of the latest health update you saw, or 0 when there was none')
    .describe(
      'the version of the latest health update the caller saw (0 when none): a newer one answers 409',
    ),
});
export type PostHealthUpdate = z.infer<typeof PostHealthUpdateSchema>;

export const HealthUpdateSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  /** 1, 2, 3 … per milestone: the latest is the current call. */
  version: z.number().int(),
  status: HealthStatusSchema,
  note: z.string(),
  /** Who made the call (null when their account is gone). */
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
});
export type HealthUpdate = z.infer<typeof HealthUpdateSchema>;

/** A milestone's health updates, newest first, or the latest of every milestone. */
export const HealthUpdateListSchema = z.object({ data: z.array(HealthUpdateSchema) });
export type HealthUpdateList = z.infer<typeof HealthUpdateListSchema>;
