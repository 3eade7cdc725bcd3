import { z } from 'zod';
import { DECISIONS } from '../domain/decision-rights';
import { DateOnlySchema, IdSchema, IsoDateTimeSchema, int4, int4FromText, text } from './common';
import { ProposalSchema } from './proposals';
import { DecisionSchema, RoleSchema } from './workspace';

/** Decisions written "backlog_order,estimates" (a query parameter): trimmed, blanks dropped. */
export function splitDecisionList(list: string): string[] {
  return list
    .split(',')
    .map((decision) => decision.trim())
    .filter(Boolean);
}

export const DecisionLogEntrySchema = z.object({
  id: z.string(),
  decision: DecisionSchema,
  itemId: IdSchema.nullable(),
  itemNumber: z.number().int().nullable(),
  itemTitle: z.string().nullable(),
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
  version: z.number().int().describe('bumped each time the author gives or changes the why'),
  amendsId: z.string().nullable().describe('on an amendment: the entry whose why it gave or changed'),
});
export type DecisionLogEntry = z.infer<typeof DecisionLogEntrySchema>;

/** Filters of the decision log; every one optional, all combined with "and". */
export const DecisionLogQuerySchema = z
  .object({
    decision: text()
      .max(300)
      .check((ctx) => {
        const unknown = splitDecisionList(ctx.value).filter(
          (d) => !(DECISIONS as readonly string[]).includes(d),
        );
        if (unknown.length === 0) return;
        ctx.issues.push({
          code: 'custom',
          message: `unknown ${unknown.join(', ')}; known: ${DECISIONS.join(', ')}`,
          input: ctx.value,
        });
      })
      .optional()
      .describe('only these decisions, comma-separated, e.g. backlog_order,prioritization_method'),
    actorId: IdSchema.optional().describe(
      'only decisions by this person, or that an imported file attributes to their address',
    ),
    itemId: text().max(40).optional().describe('only decisions about this item'),
    itemNumber: int4FromText().min(1).max(1_000_000_000).optional().describe('the item by its number'),
    from: DateOnlySchema.optional().describe('first day, inclusive (UTC)'),
    to: DateOnlySchema.optional().describe('last day, inclusive (UTC)'),
    q: text().trim().max(200).optional().describe('text in the summary or the why'),
    workspaceWide: z.enum(['true', 'false']).optional().describe('only decisions not about one item'),
  })
  .check((ctx) => {
    const { from, to } = ctx.value;
    if (from === undefined || to === undefined || from <= to) return;
    ctx.issues.push({
      code: 'custom',
      message: `${from} is after to: ${to}; swap them`,
      input: from,
      path: ['from'],
    });
  });

export const AmendRationaleSchema = z.strictObject({
  version: int4().min(1).describe('the version of the entry you saw'),
  rationale: text().trim().min(1, 'write the why: one sentence is enough').max(2000),
});

/** Kinds of waiting decision; `review` is a parked idea whose review day has come. */
export const INBOX_KINDS = ['order', 'estimate', 'scope', 'review'] as const;
export const InboxKindSchema = z.enum(INBOX_KINDS);
export const InboxEntrySchema = z.object({
  kind: InboxKindSchema,
  decision: DecisionSchema,
  itemId: IdSchema,
  number: z.number().int(),
  title: z.string(),
  since: IsoDateTimeSchema,
  ageDays: z.number().int(),
  question: z.string().nullable(),
});
export type InboxEntry = z.infer<typeof InboxEntrySchema>;
export const InboxSchema = z.object({
  entries: z.array(InboxEntrySchema),
  counts: z.object({
    order: z.number().int(),
    estimate: z.number().int(),
    scope: z.number().int(),
    review: z.number().int(),
  }),
  proposals: z
    .array(ProposalSchema)
    .describe('open proposals of changes that are the caller’s decision, oldest first'),
});
export type Inbox = z.infer<typeof InboxSchema>;

/** One kind of work waiting on one person: how many, and how long the oldest has waited. */
export const WaitingGroupSchema = z.object({
  kind: InboxKindSchema,
  decision: DecisionSchema,
  count: z.number().int(),
  oldestDays: z.number().int(),
  oldestSince: IsoDateTimeSchema,
  /** The person holds the decision only until someone with a role for it joins. */
  interim: z.boolean(),
  /** The oldest few, oldest first. */
  items: z.array(
    z.object({ itemId: IdSchema, number: z.number().int(), title: z.string(), ageDays: z.number().int() }),
  ),
});

export const WaitsOnWhomSchema = z.object({
  people: z.array(
    z.object({
      userId: IdSchema,
      name: z.string(),
      role: RoleSchema,
      total: z.number().int(),
      oldestDays: z.number().int(),
      groups: z.array(WaitingGroupSchema),
    }),
  ),
  /** Work waiting on a decision nobody on the team holds (only possible without a founder). */
  unheld: z.array(WaitingGroupSchema),
});
export type WaitsOnWhom = z.infer<typeof WaitsOnWhomSchema>;

/** A committed target date that moved, with its reason. */
export const TargetDateSlipSchema = z.object({
  id: IdSchema,
  itemId: IdSchema,
  itemNumber: z.number().int(),
  itemTitle: z.string(),
  fromDate: DateOnlySchema,
  toDate: DateOnlySchema.nullable().describe('null when the committed date was cleared'),
  /** toDate − fromDate in calendar days (positive = later); null when cleared. */
  slipDays: z.number().int().nullable(),
  reason: z.string(),
  movedBy: IdSchema.nullable(),
  movedByName: z.string(),
  movedAt: IsoDateTimeSchema,
  decisionId: z.string().nullable(),
});
export type TargetDateSlip = z.infer<typeof TargetDateSlipSchema>;

export const SlipListQuerySchema = z.object({
  itemId: z.string().max(40).optional().describe('only the slips of this item'),
});
