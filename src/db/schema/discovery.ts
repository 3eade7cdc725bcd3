import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { EVIDENCE_SOURCES } from '../../contract/discovery';
import { ADOPTION_UNITS } from '../../contract/idea-adoption';
import { items } from './items';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/** A customer account: evidence is counted per company, and weighed by its revenue or tier. */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The id in the system it was imported from; re-imports match on it. */
    externalId: text('external_id'),
    name: text('name').notNull(),
    /** E-mail domains, lower case: a requester's company is found from their address. */
    domains: text('domains').array().notNull().default([]),
    arr: doublePrecision('arr'),
    tier: text('tier'),
    segment: text('segment'),
    /** The member who looks after the account: told of decisions on and risks to what it asked for. */
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The owner a Headway JSON file named when they have no account here, or who owned it and left the team (an e-mail). */
    importedOwner: text('imported_owner'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('companies_external_idx')
      .on(t.workspaceId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index('companies_workspace_name_idx').on(t.workspaceId, sql`lower(${t.name})`),
    check('companies_arr_not_negative', sql`${t.arr} is null or ${t.arr} >= 0`),
  ],
);

/**
 * A piece of customer evidence: a quote or note, where it came from, who gave it, and how much it
 * matters to them, about an idea (a backlog item) or not yet linked to one. Kept apart from the
 * idea so it can be moved, merged and corrected without losing its source.
 */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The idea; evidence outlives a deleted idea, unlinked. */
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'set null' }),
    externalId: text('external_id'),
    sourceType: text('source_type', { enum: EVIDENCE_SOURCES }).notNull(),
    sourceUrl: text('source_url'),
    requesterEmail: text('requester_email'),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    importance: integer('importance').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who recorded it, when it came from a Headway JSON file (an e-mail, never an account). */
    importedCreatedBy: text('imported_created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evidence_external_idx')
      .on(t.workspaceId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index('evidence_workspace_item_idx').on(t.workspaceId, t.itemId),
    check('evidence_source_known', oneOf(t.sourceType, EVIDENCE_SOURCES)),
    check('evidence_importance_range', sql`${t.importance} between 0 and 3`),
  ],
);

/**
 * The adoption observed after an idea shipped: how many accounts or users used it over a stated
 * period (out of how many, when known), and optionally the impact seen. One per idea, corrected
 * in place (`version`); compared with the prediction its acceptance logged.
 */
export const ideaAdoptions = pgTable(
  'idea_adoptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    unit: text('unit', { enum: ADOPTION_UNITS }).notNull(),
    reach: integer('reach').notNull(),
    /** The accounts or users active over the period: turns the reach into a share. */
    outOf: integer('out_of'),
    impact: doublePrecision('impact'),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who recorded it, when it came from a Headway JSON file (an e-mail, never an account). */
    importedRecordedBy: text('imported_recorded_by'),
    version: integer('version').notNull().default(1),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('idea_adoptions_item_idx').on(t.workspaceId, t.itemId),
    check('idea_adoptions_unit_known', oneOf(t.unit, ADOPTION_UNITS)),
    check('idea_adoptions_reach_not_negative', sql`${t.reach} >= 0`),
    check(
      'idea_adoptions_out_of_covers_reach',
      sql`${t.outOf} is null or ${t.outOf} >= greatest(${t.reach}, 1)`,
    ),
    check('idea_adoptions_impact_not_negative', sql`${t.impact} is null or ${t.impact} >= 0`),
    check('idea_adoptions_period_ordered', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);
