import { sql } from 'drizzle-orm';
import {
  check,
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
    /** The owner a Headway JSON file named, when they have no account here (an e-mail). */
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
