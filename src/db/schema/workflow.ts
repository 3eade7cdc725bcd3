import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { ITEM_STATES } from '../../contract/item-values';
import { BUILTIN_STATE_CATEGORIES, FLOW_CATEGORIES } from '../../contract/workflow';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/** The CHECK that a state's category is the one its built-in state belongs to. */
const categoryFollowsBuiltin = Object.entries(BUILTIN_STATE_CATEGORIES)
  .map(([state, category]) => `(builtin_state = '${state}' and category = '${category}')`)
  .join(' or ');

/**
 * A workspace's workflow: the states its board shows, named and ordered by the team, each
 * standing for one of Headway's built-in item states (whose category the metrics read).
 */
export const workflowStates = pgTable(
  'workflow_states',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    category: text('category', { enum: FLOW_CATEGORIES }).notNull(),
    builtinState: text('builtin_state', { enum: ITEM_STATES }).notNull(),
    /** Board order, 0 first. */
    position: integer('position').notNull(),
    /** Items the team allows in the state at once; null for no limit. */
    wipLimit: integer('wip_limit'),
    /** Work here waits on someone (e.g. "Waiting for QA"): flow efficiency counts it as waiting. */
    waiting: boolean('waiting').notNull().default(false),
    /** Work here is blocked (e.g. "Blocked"): the metrics measure it as blocked time, and flow efficiency as waiting. */
    blocked: boolean('blocked').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('workflow_states_name').on(t.workspaceId, t.name),
    index('workflow_states_workspace_idx').on(t.workspaceId, t.position),
    check('workflow_states_category_known', oneOf(t.category, FLOW_CATEGORIES)),
    check('workflow_states_builtin_known', oneOf(t.builtinState, ITEM_STATES)),
    check('workflow_states_category_follows_builtin', sql.raw(categoryFollowsBuiltin)),
    check('workflow_states_wip_limit_positive', sql`${t.wipLimit} is null or ${t.wipLimit} > 0`),
    check('workflow_states_blocked_started', sql`not ${t.blocked} or ${t.category} = 'started'`),
  ],
);

/**
 * Cycles (iterations): time boxes of a workspace that never share a day. Closing one carries its
 * unfinished items to the next; which ones and where stays on the closed cycle.
 */
export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who closed it, when it came from a Headway JSON file (an e-mail, never an account). */
    importedClosedBy: text('imported_closed_by'),
    /** The items that left unfinished when it closed. */
    carriedOverItemIds: jsonb('carried_over_item_ids').$type<string[]>().notNull().default([]),
    carriedToCycleId: uuid('carried_to_cycle_id').references((): AnyPgColumn => cycles.id, {
      onDelete: 'set null',
    }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cycles_workspace_idx').on(t.workspaceId, t.startDate),
    check('cycles_dates_ordered', sql`${t.startDate} <= ${t.endDate}`),
  ],
);
