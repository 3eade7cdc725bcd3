import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_KINDS } from '../../contract/webhooks';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * Where a workspace's changes are sent. The signing secret is kept as it is (it signs every
 * payload) and shown to people once. `lastEventId` is how far the workspace's live events have
 * been turned into deliveries for it: a new endpoint starts at the latest event, not the past.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    kinds: text('kinds', { enum: WEBHOOK_EVENT_KINDS }).array().notNull(),
    secret: text('secret').notNull(),
    lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }).default(sql`null`),
  },
  (t) => [index('webhook_endpoints_workspace_idx').on(t.workspaceId)],
);

/**
 * One event sent (or to be sent) to one endpoint: the payload as first built, so a replay sends
 * the same bytes' content after the event itself was pruned, and the latest try's outcome.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The live event it announces (not a foreign key: events are pruned, deliveries are kept). */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: WEBHOOK_EVENT_KINDS }).notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    responseCode: integer('response_code'),
    durationMs: integer('duration_ms'),
    error: text('error'),
    replayOf: uuid('replay_of'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
  },
  (t) => [
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
    // One first delivery per event and endpoint, however many servers turn events into deliveries.
    uniqueIndex('webhook_deliveries_event_once')
      .on(t.endpointId, t.eventId)
      .where(sql`${t.replayOf} is null`),
    check('webhook_deliveries_kind_known', oneOf(t.kind, WEBHOOK_EVENT_KINDS)),
    check('webhook_deliveries_status_known', oneOf(t.status, WEBHOOK_DELIVERY_STATUSES)),
  ],
);
