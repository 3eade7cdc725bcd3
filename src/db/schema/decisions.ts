import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { items } from './items';
import { users } from './users';
import { workspaces } from './workspaces';

/** The decision log: who decided what, when and why. Append-only. */
export const decisionLog = pgTable(
  'decision_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    decision: text('decision').notNull(),
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'set null' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who decided, when the entry was imported from a Headway JSON file: the e-mail the file named, never a local account. */
    importedActor: text('imported_actor'),
    summary: text('summary').notNull(),
    rationale: text('rationale'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('decision_log_workspace_idx').on(t.workspaceId, t.createdAt),
    index('decision_log_item_idx').on(t.itemId),
  ],
);
