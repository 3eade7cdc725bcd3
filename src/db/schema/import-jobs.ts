import { check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { IMPORT_JOB_KINDS, IMPORT_JOB_STATUSES } from '../../contract/transfer';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * A large import running in the background: Headway JSON or a Jira, Linear, GitHub or CSV file as
 * a new workspace (written in short chunks while the workspace is still invisible, so other
 * requests go on meanwhile), or a foreign file into a workspace (one transaction, which also
 * marks the job done). Only its importer can read it. The file itself is never stored here.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: IMPORT_JOB_KINDS }).notNull().default('headway'),
    /** queued → running → done | failed */
    status: text('status', { enum: IMPORT_JOB_STATUSES }).notNull().default('queued'),
    bytes: integer('bytes').notNull(),
    /** Rows written so far, of `total`. */
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'set null' }),
    /** What the synchronous route answers, once done (foreign imports; never invitation links). */
    result: jsonb('result').$type<unknown>(),
    /** { message, problems? } when it failed. */
    error: jsonb('error').$type<{ message: string; problems?: string[] }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('import_jobs_status_known', oneOf(t.status, IMPORT_JOB_STATUSES)),
    check('import_jobs_kind_known', oneOf(t.kind, IMPORT_JOB_KINDS)),
  ],
);
