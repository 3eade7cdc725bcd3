import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * A token a deployment pipeline or an incident tool sends delivery events with. It can post
 * events to its one workspace and do nothing else; only its SHA-256 is kept, as for API tokens.
 */
export const ingestTokens = pgTable(
  'ingest_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }).default(sql`null`),
  },
  (t) => [index('ingest_tokens_workspace_idx').on(t.workspaceId)],
);

/**
 * A deployment as its pipeline reported it. The sender's key makes the event idempotent: the
 * same key sent again is the same deployment, counted once.
 */
export const deployments = pgTable(
  'deployments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    environment: text('environment').notNull(),
    deployedAt: timestamp('deployed_at', { withTimezone: true }).notNull(),
    commitTimes: timestamp('commit_times', { withTimezone: true }).array().notNull(),
    succeeded: boolean('succeeded').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('deployments_workspace_key').on(t.workspaceId, t.key),
    index('deployments_workspace_time_idx').on(t.workspaceId, t.deployedAt),
    check('deployments_key_present', sql`length(${t.key}) > 0`),
  ],
);

/**
 * An incident in production, opened and later resolved by the same key; it may name the key of
 * the deployment that caused it.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    causedBy: text('caused_by'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('incidents_workspace_key').on(t.workspaceId, t.key),
    index('incidents_workspace_time_idx').on(t.workspaceId, t.openedAt),
    check('incidents_key_present', sql`length(${t.key}) > 0`),
    check(
      'incidents_resolved_after_opened',
      sql`${t.resolvedAt} is null or ${t.resolvedAt} >= ${t.openedAt}`,
    ),
  ],
);
