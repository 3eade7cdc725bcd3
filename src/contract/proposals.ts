import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, int4, text } from './common';
import { DecisionSchema } from './workspace';

/**
 * A change someone proposes to the holder of a decision: an order change (the ordering decision)
 * or a scope change (cut an item, bring a cut item back, move it into or out of a milestone or
 * another parent). Accepted, it is applied by the same command as a direct change.
 */
export const ProposalChangeSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('order'),
      afterId: IdSchema.nullable().optional().describe('place it right after this item (null: the top)'),
      beforeId: IdSchema.nullable().optional().describe('place it right before this item (null: the bottom)'),
    })
    .refine((m) => m.afterId !== undefined || m.beforeId !== undefined, {
      message: 'say where the item goes: afterId (null for the top) or beforeId (null for the bottom)',
    }),
  z.strictObject({ kind: z.literal('cut').describe('cut the item from scope (cancel it)') }),
  z.strictObject({ kind: z.literal('restore').describe('bring a cut item back into scope, as new') }),
  z.strictObject({
    kind: z.literal('move_to'),
    parentId: IdSchema.nullable().describe(
      'the milestone (an initiative) or other parent to put the item under; null takes it out',
    ),
  }),
]);
export type ProposalChange = z.infer<typeof ProposalChangeSchema>;
export type ProposalKind = ProposalChange['kind'];

export const CreateProposalSchema = z.strictObject({
  itemId: IdSchema.describe('the item the change is about'),
  change: ProposalChangeSchema,
  reason: text()
    .trim()
    .min(1, 'say why: the person who decides reads it, and it goes to the decision log if accepted')
    .max(2000),
});
export type CreateProposal = z.infer<typeof CreateProposalSchema>;

export const PROPOSAL_STATUSES = ['open', 'accepted', 'declined'] as const;
export const ProposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatusSchema>;

const PersonRefSchema = z.object({ userId: IdSchema, name: z.string() });

export const ProposalSchema = z.object({
  id: IdSchema,
  itemId: IdSchema,
  itemNumber: z.number().int(),
  itemTitle: z.string(),
  decision: DecisionSchema.describe('the decision the change belongs to: backlog_order or scope'),
  change: ProposalChangeSchema,
  summary: z.string().describe('the change in words, e.g. "Move #12 before #7"'),
  reason: z.string(),
  status: ProposalStatusSchema,
  proposedBy: IdSchema.nullable(),
  proposedByName: z.string(),
  createdAt: IsoDateTimeSchema,
  decidedBy: IdSchema.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: IsoDateTimeSchema.nullable(),
  response: z.string().nullable().describe('why it was declined'),
  decisionId: z
    .string()
    .nullable()
    .describe('the decision-log entry written when it was accepted or declined'),
  holders: z.array(PersonRefSchema).describe('who decides it now: the proposal waits in their inbox'),
  version: z.number().int().describe('send it back to accept or decline, so two answers never cross'),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const ProposalListQuerySchema = z.object({
  status: ProposalStatusSchema.optional().describe('only proposals in this state'),
  itemId: IdSchema.optional().describe('only proposals about this item'),
});

export const AcceptProposalSchema = z.strictObject({
  version: int4().min(1).describe('the version of the proposal you saw'),
});

export const DeclineProposalSchema = z.strictObject({
  version: int4().min(1).describe('the version of the proposal you saw'),
  reason: text()
    .trim()
    .min(1, 'say why you decline: the proposer reads it, and it goes to the decision log')
    .max(2000),
});
