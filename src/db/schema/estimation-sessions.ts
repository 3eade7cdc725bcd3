import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ESTIMATION_SESSION_STATES,
  ESTIMATION_SESSION_UNITS,
  SESSION_TSHIRT_SIZES,
} from '../../contract/estimation-sessions';
import { items } from './items';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/** What was accepted for one item of a session: a three-point estimate in working days, or story points. */
export type AcceptedSessionEstimate =
  | { optimistic: number; likely: number; pessimistic: number }
  | { points: number };

/**
 * A quick estimation session: several estimators vote on the same items, the votes stay hidden
 * until the session is revealed, then the holder of the estimates decision accepts an estimate
 * per item.
 */
export const estimationSessions = pgTable(
  'estimation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** The items, in the order they were picked; checked against the workspace on creation. */
    itemIds: jsonb('item_ids').$type<string[]>().notNull(),
    state: text('state', { enum: ESTIMATION_SESSION_STATES }).notNull().default('open'),
    /** What the votes count: working days (or t-shirt sizes), or story points from the deck. */
    unit: text('unit', { enum: ESTIMATION_SESSION_UNITS }).notNull().default('days'),
    /** Item id → the estimate accepted for it in this session. */
    accepted: jsonb('accepted').$type<Record<string, AcceptedSessionEstimate>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    revealedAt: timestamp('revealed_at', { withTimezone: true }),
  },
  (t) => [
    index('estimation_sessions_workspace_idx').on(t.workspaceId, t.createdAt),
    check('estimation_sessions_state_known', oneOf(t.state, ESTIMATION_SESSION_STATES)),
    check('estimation_sessions_unit_known', oneOf(t.unit, ESTIMATION_SESSION_UNITS)),
  ],
);

/** One estimator's vote on one item of a session: working days, or a t-shirt size. */
export const estimationVotes = pgTable(
  'estimation_votes',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => estimationSessions.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    voterId: uuid('voter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** In the session's unit: working days (for a size vote, the size's most likely effort), or story points. */
    days: doublePrecision('days').notNull(),
    /** The t-shirt size voted, when the vote was a size. */
    size: text('size', { enum: SESSION_TSHIRT_SIZES }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.itemId, t.voterId] }),
    check('estimation_votes_days_positive', sql`${t.days} >= 0`),
    check('estimation_votes_size_known', oneOf(t.size, SESSION_TSHIRT_SIZES)),
  ],
);
