import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { workspaces } from './workspaces';

/** What a sync has read from the repository so far, per kind. */
export type GithubCounts = { issues: number; pullRequests: number; deployments: number; releases: number };

/**
 * A workspace's connection to one GitHub repository. The token and the webhook secret are kept
 * sealed (AES-256-GCM under the instance key, see server/github/seal.ts) and never shown again;
 * the cursors say up to which `updated_at` each listing has been read, so a sync asks only for
 * what changed since.
 */
export const githubConnections = pgTable(
  'github_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .unique()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    owner: text('owner').notNull(),
    repo: text('repo').notNull(),
    tokenSealed: text('token_sealed').notNull(),
    webhookSecretSealed: text('webhook_secret_sealed').notNull(),
    connectedBy: uuid('connected_by').references(() => users.id, { onDelete: 'set null' }),
    connectedAt: timestamp('connected_at', { withTimezone: true }).notNull().defaultNow(),
    issuesSince: timestamp('issues_since', { withTimezone: true }),
    pullsSince: timestamp('pulls_since', { withTimezone: true }),
    /** ETags of listings already read, by URL: the same listing again is asked conditionally. */
    etags: jsonb('etags').$type<Record<string, string>>().notNull().default({}),
    counts: jsonb('counts')
      .$type<GithubCounts>()
      .notNull()
      .default({ issues: 0, pullRequests: 0, deployments: 0, releases: 0 }),
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true }),
    lastSyncError: text('last_sync_error'),
    lastWebhookAt: timestamp('last_webhook_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [check('github_connections_names_present', sql`length(${t.owner}) > 0 and length(${t.repo}) > 0`)],
);

/** Webhook deliveries already applied, by GitHub's delivery id: a redelivery is counted once. */
export const githubDeliveries = pgTable(
  'github_deliveries',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => githubConnections.id, { onDelete: 'cascade' }),
    deliveryId: text('delivery_id').notNull(),
    event: text('event').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.deliveryId] })],
);

/**
 * Keys the instance holds for itself: the key that seals connection secrets when the operator
 * gives none (HEADWAY_SECRET_KEY keeps it out of the database and its backups).
 */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
