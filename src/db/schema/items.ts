import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ITEM_STATES, ITEM_TYPES } from '../../contract/items';
import { IMPORT_FORMATS } from '../../domain/import/types';
import type { ScoreSetting } from '../../domain/prioritization';
import { oneOf } from './one-of';
import { users } from './users';
import { cycles, workflowStates } from './workflow';
import { workspaces } from './workspaces';

export const items = pgTable(
  'items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    type: text('type', { enum: ITEM_TYPES }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    parentId: uuid('parent_id').references((): AnyPgColumn => items.id, { onDelete: 'set null' }),
    state: text('state', { enum: ITEM_STATES }).notNull().default('new'),
    /** The workspace workflow state it is in (one standing for `state`); null: the first that does. */
    workflowStateId: uuid('workflow_state_id').references(() => workflowStates.id, { onDelete: 'set null' }),
    /** The cycle it is committed to, if any. */
    cycleId: uuid('cycle_id').references(() => cycles.id, { onDelete: 'set null' }),
    /** Fractional index (fractional-indexing): the manual product order, no renumbering. Collated "C" in the migration so the database sorts ranks byte by byte, as the library does. */
    rank: text('rank').notNull(),
    /** When the product function last placed the item; null means it waits to be ordered. */
    orderedAt: timestamp('ordered_at', { withTimezone: true }),
    estimateOptimistic: doublePrecision('estimate_optimistic'),
    estimateLikely: doublePrecision('estimate_likely'),
    estimatePessimistic: doublePrecision('estimate_pessimistic'),
    estimatedBy: uuid('estimated_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who estimated it, when the estimate was imported from a Headway JSON file: the e-mail the file named, never a local account. */
    importedEstimatedBy: text('imported_estimated_by'),
    estimatedAt: timestamp('estimated_at', { withTimezone: true }),
    actualEffort: doublePrecision('actual_effort'),
    /** Story points, a card of the planning-poker deck; independent of the estimate in days. */
    storyPoints: doublePrecision('story_points'),
    scores: jsonb('scores').$type<Record<string, number | string>>().notNull().default({}),
    /** Who last set each score input and when, by score key; an input without an entry was set before this was recorded. */
    scoreProvenance: jsonb('score_provenance').$type<Record<string, ScoreSetting>>().notNull().default({}),
    skills: jsonb('skills').$type<string[]>().notNull().default([]),
    labels: jsonb('labels').$type<string[]>().notNull().default([]),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** The assignee named by an imported file, until someone assigns the item here. */
    importedAssignee: text('imported_assignee'),
    targetDate: date('target_date'),
    /**
     * When the target date was committed: set for every open item with a target date when a
     * roadmap version is published. Moving a committed date is a slip and needs a reason.
     */
    targetDateCommittedAt: timestamp('target_date_committed_at', { withTimezone: true }),
    scopeQuestion: text('scope_question'),
    scopeQuestionAt: timestamp('scope_question_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who created it, when the item was imported from a Headway JSON file: the e-mail the file named, never a local account. */
    importedCreatedBy: text('imported_created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    /** The tool a foreign import read the item from (jira, linear, github, csv); null for items made here. */
    externalSource: text('external_source', { enum: IMPORT_FORMATS }),
    /** The item's key in that tool (PROJ-12, the Linear identifier): a re-import updates the item it names. */
    externalKey: text('external_key'),
    /** The item's version right after an import last wrote it: a higher version means it changed here since. */
    externalVersion: integer('external_version'),
  },
  (t) => [
    unique('items_workspace_number').on(t.workspaceId, t.number),
    uniqueIndex('items_external_key')
      .on(t.workspaceId, t.externalSource, t.externalKey)
      .where(sql`${t.externalKey} is not null`),
    unique('items_workspace_rank').on(t.workspaceId, t.rank),
    index('items_parent_idx').on(t.parentId),
    // The backlog's filters, each in the product order, so a filtered page reads only its rows.
    index('items_workspace_state_rank_idx').on(t.workspaceId, t.state, t.rank),
    index('items_workspace_type_rank_idx').on(t.workspaceId, t.type, t.rank),
    index('items_cycle_idx').on(t.cycleId),
    index('items_workspace_assignee_rank_idx').on(t.workspaceId, t.assigneeId, t.rank),
    index('items_labels_idx').using('gin', t.labels.op('jsonb_path_ops')),
    check('items_type_known', oneOf(t.type, ITEM_TYPES)),
    check('items_state_known', oneOf(t.state, ITEM_STATES)),
    check(
      'items_estimate_ordered',
      sql`${t.estimateLikely} is null or (${t.estimateOptimistic} <= ${t.estimateLikely} and ${t.estimateLikely} <= ${t.estimatePessimistic})`,
    ),
  ],
);

export const itemDependencies = pgTable(
  'item_dependencies',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The item that waits. */
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    /** The item that must finish first. */
    dependsOnId: uuid('depends_on_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    lagDays: integer('lag_days').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.dependsOnId] }),
    index('item_dependencies_workspace_idx').on(t.workspaceId),
    check('item_dependencies_not_self', sql`${t.itemId} <> ${t.dependsOnId}`),
  ],
);

export const itemStateChanges = pgTable(
  'item_state_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    fromState: text('from_state', { enum: ITEM_STATES }),
    toState: text('to_state', { enum: ITEM_STATES }).notNull(),
    /** The workspace workflow state entered (one standing for `toState`); null: the first that does. */
    toWorkflowStateId: uuid('to_workflow_state_id').references(() => workflowStates.id, {
      onDelete: 'set null',
    }),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who moved it, when the change was imported from a Headway JSON file: the e-mail the file named, never a local account. */
    importedChangedBy: text('imported_changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('item_state_changes_item_idx').on(t.itemId, t.changedAt),
    // A null from_state (the first state of an item) passes: a CHECK refuses only what is false.
    check('item_state_changes_from_state_known', oneOf(t.fromState, ITEM_STATES)),
    check('item_state_changes_to_state_known', oneOf(t.toState, ITEM_STATES)),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The author, when the comment was imported from a Headway JSON file: the e-mail the file named, never a local account. */
    importedAuthor: text('imported_author'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comments_item_idx').on(t.itemId, t.createdAt)],
);
