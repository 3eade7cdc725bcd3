import { bigserial, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { LIVE_EVENT_KINDS } from '../../contract/live';
import { oneOf } from './one-of';
import { workspaces } from './workspaces';

/**
 * What committed writes changed in a workspace, for the live event stream. Append-only: a row is
 * written in the transaction of the change it announces, so it exists exactly when the change
 * committed. Ids follow commit order within a workspace (see `server/live/record.ts`), which is
 * what lets a stream resume after the last id it saw. Rows older than a week are pruned.
 */
export const workspaceEvents = pgTable(
  'workspace_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: LIVE_EVENT_KINDS }).notNull(),
    /** The items the change touched, when it names them. */
    itemIds: uuid('item_ids').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('workspace_events_workspace_idx').on(t.workspaceId, t.id),
    check('workspace_events_kind_known', oneOf(t.kind, LIVE_EVENT_KINDS)),
  ],
);
