import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { ASSESSMENT_VARIANTS } from '../../contract/assessment';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * Assessments of a workspace's development setup, numbered 1..n per workspace. A row is never
 * updated: re-assessing adds the next number, so any two can be compared later. The report is
 * stored as computed, so a later change of the rules never rewrites what a founder was told.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    questionnaireVersion: integer('questionnaire_version').notNull(),
    variant: text('variant', { enum: ASSESSMENT_VARIANTS }).notNull(),
    doraYear: integer('dora_year').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    /** The engine's report: scores, DORA tiers per year, findings and the growth plan. */
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who ran it, when the assessment was imported from a Headway JSON file: the e-mail the file named, never a local account. */
    importedCreatedBy: text('imported_created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('assessments_workspace_number').on(t.workspaceId, t.number),
    check('assessments_number_positive', sql`${t.number} >= 1`),
    check('assessments_variant_known', oneOf(t.variant, ASSESSMENT_VARIANTS)),
  ],
);
