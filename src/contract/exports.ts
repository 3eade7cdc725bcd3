import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, text } from './common';
import { ItemListQuerySchema } from './items';

/**
 * The filters of a backlog CSV export: those of the backlog list, and `closed`, which the
 * backlog applies on screen. Like the backlog, the export leaves done and cancelled items out
 * unless `closed=show` or the state filter names a state.
 */
export const BacklogExportQuerySchema = ItemListQuerySchema.pick({
  type: true,
  state: true,
  assigneeId: true,
  label: true,
  q: true,
  parentId: true,
}).extend({
  closed: z
    .enum(['show', 'hide'], 'closed: "show" to include done and cancelled items, "hide" to leave them out')
    .optional()
    .describe('"show" includes done and cancelled items; the default leaves them out, as the backlog does'),
});
export type BacklogExportQuery = z.infer<typeof BacklogExportQuerySchema>;

export const CreateCalendarFeedSchema = z.strictObject({
  name: text()
    .trim()
    .min(1, 'say where the feed goes, e.g. "work calendar" or "phone"')
    .max(100, 'at most 100 characters'),
});
export type CreateCalendarFeed = z.infer<typeof CreateCalendarFeedSchema>;

/** A calendar feed as listed: never its secret address. */
export const CalendarFeedSchema = z.object({
  id: IdSchema,
  name: z.string(),
  createdAt: IsoDateTimeSchema,
});
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;

export const CalendarFeedListSchema = z.object({ data: z.array(CalendarFeedSchema) });

export const CreatedCalendarFeedSchema = CalendarFeedSchema.extend({
  token: z.string().describe('the secret in the address; shown once'),
  path: z.string().describe('the feed address on this server: /api/calendar/<token>.ics'),
});
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeedSchema>;
