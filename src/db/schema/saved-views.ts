import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users';
import { workspaces } from './workspaces';

/** The backlog parameters a view keeps, checked by the contract's SavedViewQueryInputSchema. */
export type StoredViewQuery = Partial<Record<string, string>>;

/**
 * A named backlog query (filters, layout, score column). A personal view is seen by its owner
 * only; a shared one by the whole workspace. Names are unique, whatever their case, per owner
 * among personal views and per workspace among shared ones.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    shared: boolean('shared').notNull().default(false),
    query: jsonb('query').$type<StoredViewQuery>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('saved_views_personal_name')
      .on(t.workspaceId, t.ownerId, sql`lower(${t.name})`)
      .where(sql`not ${t.shared}`),
    uniqueIndex('saved_views_shared_name').on(t.workspaceId, sql`lower(${t.name})`).where(sql`${t.shared}`),
    check('saved_views_name_length', sql`char_length(${t.name}) between 1 and 80`),
    check('saved_views_query_object', sql`jsonb_typeof(${t.query}) = 'object'`),
  ],
);
