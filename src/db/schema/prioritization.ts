import { integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { workspaces } from './workspaces';

/** A workspace's custom weighted scoring formulas, in the prioritization expression language. */
export const scoringFormulas = pgTable(
  'scoring_formulas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Checked by the domain parser before it is stored; fields are item score keys. */
    expression: text('expression').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** The author, when the formula was imported from a Headway JSON file: the e-mail the file named, never a local account. */
    importedCreatedBy: text('imported_created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The unique (workspace, name) index also serves lookups by workspace.
  (t) => [unique('scoring_formulas_workspace_name').on(t.workspaceId, t.name)],
);
