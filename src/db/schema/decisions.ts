import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { DECISIONS } from '../../domain/decision-rights';
import { items } from './items';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * The decision log: who decided what, when and why. Append-only, with one exception: the author
 * of a recent entry may give or change its why, which bumps `version` and appends an amendment
 * entry (`amendsId` pointing at the original) that keeps the previous why, so no history is lost.
 */
export const decisionLog = pgTable(
  'decision_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    decision: text('decision', { enum: DECISIONS }).notNull(),
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'set null' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who decided, when the entry was imported from a Headway JSON file: the e-mail the file named, never a local account. */
    importedActor: text('imported_actor'),
    summary: text('summary').notNull(),
    rationale: text('rationale'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Bumped when the author gives or changes the why; a stale version answers 409. */
    version: integer('version').notNull().default(1),
    /** On an amendment entry: the entry whose why it gave or changed. */
    amendsId: bigint('amends_id', { mode: 'number' }).references((): AnyPgColumn => decisionLog.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    index('decision_log_workspace_idx').on(t.workspaceId, t.createdAt),
    index('decision_log_item_idx').on(t.itemId),
    index('decision_log_actor_idx').on(t.workspaceId, t.actorId),
    check('decision_log_decision_known', oneOf(t.decision, DECISIONS)),
  ],
);

/**
 * Slips: a committed target date that moved (later, earlier or cleared), with the reason the
 * person who moved it gave. A target date is committed once a roadmap version is published while
 * the item carries it (`items.target_date_committed_at`). Append-only.
 */
export const targetDateSlips = pgTable(
  'target_date_slips',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    fromDate: date('from_date').notNull(),
    /** Null when the committed date was cleared. */
    toDate: date('to_date'),
    reason: text('reason').notNull(),
    movedBy: uuid('moved_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who an imported file says moved the date (an e-mail), never an account of this server. */
    importedMovedBy: text('imported_moved_by'),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull().defaultNow(),
    /** The delivery-dates entry of the decision log that recorded the move. */
    decisionId: bigint('decision_id', { mode: 'number' }).references(() => decisionLog.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    index('target_date_slips_item_idx').on(t.workspaceId, t.itemId, t.movedAt),
    check('target_date_slips_reason_given', sql`length(trim(${t.reason})) > 0`),
  ],
);
