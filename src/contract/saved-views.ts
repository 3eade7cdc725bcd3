import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, int4, text } from './common';
import { ItemStateSchema, ItemTypeSchema } from './items';

/** How the backlog lists its rows: in one ordered list, or under their parents. */
export const BACKLOG_LAYOUTS = ['flat', 'grouped'] as const;

/**
 * The backlog's URL parameters a saved view may hold, each checked as the backlog reads it.
 * Anything else is refused by name: a view is never an arbitrary query string.
 */
const savedViewQueryShape = {
  type: ItemTypeSchema.optional(),
  state: ItemStateSchema.optional(),
  assignee: IdSchema.optional().describe('the assignee filter: a member’s user id'),
  label: text().trim().min(1, 'leave the label out instead of sending it empty').max(40).optional(),
  q: text().trim().min(1, 'leave the search out instead of sending it empty').max(200).optional(),
  view: z.enum(BACKLOG_LAYOUTS).optional(),
  score: text()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'the score column is a score name in lower_snake_case')
    .optional(),
  closed: z.literal('show', 'closed is "show" (done and cancelled items shown) or left out').optional(),
};

/** The keys a saved view's query may hold, in the order the backlog's toolbar shows them. */
export const SAVED_VIEW_KEYS = Object.keys(savedViewQueryShape) as (keyof typeof savedViewQueryShape)[];

/** A saved view's query as a client sends it: known keys only, each well-formed. */
export const SavedViewQueryInputSchema = z.strictObject(savedViewQueryShape);
export type SavedViewQuery = z.infer<typeof SavedViewQueryInputSchema>;

const SavedViewNameSchema = text()
  .trim()
  .min(1, 'a view needs a name')
  .max(80, 'a view name is at most 80 characters');

export const CreateSavedViewSchema = z.strictObject({
  name: SavedViewNameSchema,
  shared: z.boolean().default(false).describe('true: every member sees it; false: only you'),
  query: SavedViewQueryInputSchema,
});
export type CreateSavedView = z.infer<typeof CreateSavedViewSchema>;

export const UpdateSavedViewSchema = z.strictObject({
  version: int4().min(1).optional().describe('or send it in the If-Match header'),
  name: SavedViewNameSchema.optional(),
  shared: z.boolean().optional(),
  query: SavedViewQueryInputSchema.optional(),
});
export type UpdateSavedView = z.infer<typeof UpdateSavedViewSchema>;

export const SavedViewSchema = z.object({
  id: IdSchema,
  name: z.string(),
  shared: z.boolean(),
  query: z.object(savedViewQueryShape),
  ownerId: IdSchema,
  ownerName: z.string(),
  /** Whether the caller may rename, change or delete it: its owner, or a founder for a shared view. */
  mayChange: z.boolean(),
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SavedViewListSchema = z.object({ data: z.array(SavedViewSchema) });
