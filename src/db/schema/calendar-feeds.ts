import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * A member's calendar subscription to one workspace's milestones. Calendar apps cannot sign in,
 * so the feed's address carries a random secret; only its SHA-256 is kept, as for API tokens.
 * The feed reads as its member, so it stops answering once revoked or once the member leaves.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }).default(sql`null`),
  },
  (t) => [index('calendar_feeds_member_idx').on(t.workspaceId, t.userId)],
);
