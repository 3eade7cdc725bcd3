import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProposalChange } from '../../contract/proposals';
import { PROPOSAL_STATUSES } from '../../contract/proposals';
import { DECISIONS } from '../../domain/decision-rights';
import { decisionLog } from './decisions';
import { items } from './items';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * Proposals: a change to the order or the scope that someone without the decision asks its holder
 * to make, with a reason. It waits in the holders' inbox until one accepts it (the change is applied
 * and logged with the proposal's reason) or declines it with a reason (logged too). `version` is
 * bumped by the answer, so two answers never cross.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    decision: text('decision', { enum: DECISIONS }).notNull(),
    /** What to do: { kind: 'order', afterId?, beforeId? } | { kind: 'cut' } | { kind: 'restore' } | { kind: 'move_to', parentId }. */
    change: jsonb('change').$type<ProposalChange>().notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('open'),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who proposed it, when it came from a Headway JSON file: the e-mail the file named, never an account. */
    importedProposedBy: text('imported_proposed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who answered it, when it came from a Headway JSON file (an e-mail). */
    importedDecidedBy: text('imported_decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why it was declined. */
    response: text('response'),
    /** The decision-log entry its answer wrote. */
    decisionId: bigint('decision_id', { mode: 'number' }).references(() => decisionLog.id, {
      onDelete: 'set null',
    }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('proposals_workspace_status_idx').on(t.workspaceId, t.status, t.createdAt),
    check('proposals_decision_known', oneOf(t.decision, DECISIONS)),
    check('proposals_status_known', oneOf(t.status, PROPOSAL_STATUSES)),
  ],
);
