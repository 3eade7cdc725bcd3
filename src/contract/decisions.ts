import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';
import { DecisionSchema } from './workspace';

export const DecisionLogEntrySchema = z.object({
  id: z.string(),
  decision: DecisionSchema,
  itemId: IdSchema.nullable(),
  actorId: IdSchema.nullable(),
  actorName: z.string(),
  importedActor: z
    .string()
    .nullable()
    .describe('who the imported file says decided (e-mail), not an account'),
  summary: z.string(),
  rationale: z.string().nullable(),
  details: z.unknown(),
  createdAt: IsoDateTimeSchema,
});
export type DecisionLogEntry = z.infer<typeof DecisionLogEntrySchema>;

export const INBOX_KINDS = ['order', 'estimate', 'scope'] as const;
export const InboxEntrySchema = z.object({
  kind: z.enum(INBOX_KINDS),
  decision: DecisionSchema,
  itemId: IdSchema,
  number: z.number().int(),
  title: z.string(),
  since: IsoDateTimeSchema,
  ageDays: z.number().int(),
  question: z.string().nullable(),
});
export const InboxSchema = z.object({
  entries: z.array(InboxEntrySchema),
  counts: z.object({ order: z.number().int(), estimate: z.number().int(), scope: z.number().int() }),
});
export type Inbox = z.infer<typeof InboxSchema>;
