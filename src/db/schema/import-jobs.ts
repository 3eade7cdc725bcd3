import { check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { IMPORT_JOB_STATUSES } from '../../contract/transfer';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * A large Headway JSON import running in the background: it writes the new workspace in short
 * chunks while the workspace is still invisible, so other requests go on meanwhile. Only its
 * importer can read it. The file itself is never stored here.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** queued → running → done | failed */
    status: text('status', { enum: IMPORT_JOB_STATUSES }).notNull().default('queued'),
    bytes: integer('bytes').notNull(),
    /** Rows written so far, of `total`. */
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'set null' }),
    /** { message, problems? } when it failed. */
    error: jsonb('error').$type<{ message: string; problems?: string[] }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [check('import_jobs_status_known', oneOf(t.status, IMPORT_JOB_STATUSES))],
);
