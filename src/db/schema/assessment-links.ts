import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * A workspace's published assessment: anyone with its address can take the short questionnaire
 * without an account. The address carries a random secret of which only the SHA-256 is kept, as
 * for calendar feeds; a revoked link answers 404.
 */
export const assessmentLinks = pgTable(
  'assessment_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }).default(sql`null`),
  },
  (t) => [index('assessment_links_workspace_idx').on(t.workspaceId)],
);

/**
 * A visitor who took a published assessment and agreed to be contacted: kept in the publishing
 * workspace only with that consent and an e-mail. The report is stored as computed, so a later
 * change of the rules never rewrites what the visitor was shown.
 */
export const assessmentLeads = pgTable(
  'assessment_leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    linkId: uuid('link_id').references(() => assessmentLinks.id, { onDelete: 'set null' }),
    email: text('email').notNull(),
    name: text('name'),
    company: text('company'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    overall: integer('overall'),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessment_leads_workspace_idx').on(t.workspaceId, t.createdAt),
    check('assessment_leads_email_present', sql`length(${t.email}) > 0`),
  ],
);
