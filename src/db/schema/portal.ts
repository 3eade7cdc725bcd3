import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { PORTAL_KINDS, PORTAL_STATUSES } from '../../contract/portal';
import { PORTAL_NOTICE_KINDS } from '../../domain/discovery/portal-notices';
import { evidence } from './discovery';
import { items } from './items';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * A workspace's public ideas portal: off until a member who holds the roadmap decision publishes
 * it at an address (`slug`) of its own. No row: never set, not published.
 */
export const workspacePortals = pgTable('workspace_portals', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull().unique(),
  published: boolean('published').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * What a portal visitor sent: a new idea, evidence or a vote on an idea, or a follow. It waits
 * for the visitor's e-mail to be verified (`unverified`: only the SHA-256 of the link's secret is
 * kept, until it expires), then for a member (`pending`), who approves it (it becomes evidence,
 * and for a new idea an item) or rejects it. A verified follow is `approved` at once: nothing of
 * it is shown. Portal visitors are never members and never hold a session.
 */
export const portalSubmissions = pgTable(
  'portal_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: PORTAL_KINDS }).notNull(),
    /** The idea it is about; null for a new idea until it is approved. */
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'cascade' }),
    title: text('title'),
    body: text('body'),
    importance: integer('importance'),
    email: text('email').notNull(),
    status: text('status', { enum: PORTAL_STATUSES }).notNull().default('unverified'),
    /** The SHA-256 of the verification link's secret; cleared once used. */
    tokenHash: text('token_hash').unique(),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    moderatedBy: uuid('moderated_by').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    /** The evidence an approval created. */
    evidenceId: uuid('evidence_id').references(() => evidence.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('portal_submissions_queue_idx').on(t.workspaceId, t.status),
    check('portal_submissions_kind_known', oneOf(t.kind, PORTAL_KINDS)),
    check('portal_submissions_status_known', oneOf(t.status, PORTAL_STATUSES)),
    check(
      'portal_submissions_importance_range',
      sql`${t.importance} is null or ${t.importance} between 0 and 3`,
    ),
  ],
);

/**
 * The e-mails sent to the people who asked for an idea on the portal: a decision on it (`key`: the
 * decision-log entry's id) or its promised date at risk (`key`: that date). A row is written
 * before the e-mail goes and removed if it does not, so each notice goes once and a failed one is
 * tried again.
 */
export const portalNotices = pgTable(
  'portal_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    kind: text('kind', { enum: PORTAL_NOTICE_KINDS }).notNull(),
    key: text('key').notNull(),
    /** The SHA-256 of the secret in the e-mail's link that stops all notices to its address. */
    stopTokenHash: text('stop_token_hash').unique(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('portal_notices_once').on(t.itemId, t.email, t.kind, t.key),
    index('portal_notices_workspace_idx').on(t.workspaceId),
    check('portal_notices_kind_known', oneOf(t.kind, PORTAL_NOTICE_KINDS)),
  ],
);

/**
 * The addresses that asked to get no more notices from a workspace's portal (the link at the foot
 * of each notice), by lower-cased e-mail. Confirming a new submission from the portal lifts it.
 */
export const portalOptOuts = pgTable(
  'portal_opt_outs',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.email] })],
);
