import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { HEALTH_STATUSES } from '../../contract/health-updates';
import { items } from './items';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * People's calls on a milestone (an initiative or an epic): on track, at risk or off track, with
 * a note, who and when. Append-only: the history is the record; the highest version is the
 * current call, and a call made from an older one is refused (two people never overwrite each
 * other's call unseen).
 */
export const healthUpdates = pgTable(
  'health_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … per item. */
    version: integer('version').notNull(),
    status: text('status', { enum: HEALTH_STATUSES }).notNull(),
    note: text('note').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who made the call, when it came from a Headway JSON file: the e-mail the file named, never an account. */
    importedAuthor: text('imported_author'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('health_updates_item_version').on(t.itemId, t.version),
    index('health_updates_workspace_idx').on(t.workspaceId, t.itemId),
    check('health_updates_status_known', oneOf(t.status, HEALTH_STATUSES)),
    check('health_updates_version_positive', sql`${t.version} > 0`),
    check('health_updates_note_given', sql`length(trim(${t.note})) > 0`),
  ],
);
