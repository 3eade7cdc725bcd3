import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TShirtRange } from '../../contract/estimation-scale';
import { type DecisionMatrix, ROLES } from '../../domain/decision-rights';
import { oneOf } from './one-of';
import { users } from './users';

/** A stored t-shirt scale: sizes smallest first with their range in working days. */
export type WorkspaceTShirtScale = { sizes: TShirtRange[] };

export const workspaces = pgTable(
  'workspaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    /** The decisions × roles table (see src/domain/decision-rights). */
    decisionRights: jsonb('decision_rights').$type<DecisionMatrix>().notNull(),
    decisionRightsVersion: integer('decision_rights_version').notNull().default(1),
    nextItemNumber: integer('next_item_number').notNull().default(1),
    /** The workspace's t-shirt ranges (see src/domain/estimation); null means the default scale. */
    tshirtScale: jsonb('tshirt_scale').$type<WorkspaceTShirtScale>(),
    /**
     * 'importing' while a large import is still writing it: it has no members yet, so nobody sees
     * it; null once it is complete. A workspace left importing by a crash is deleted at start-up.
     */
    importStatus: text('import_status', { enum: ['importing'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'workspaces_import_status_known',
      sql`${t.importStatus} is null or ${t.importStatus} = 'importing'`,
    ),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    fte: doublePrecision('fte').notNull().default(1),
    skills: jsonb('skills').$type<string[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    /** The member asked for their weekly brief by e-mail (sent on the operator's schedule). */
    briefByEmail: boolean('brief_by_email').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    check('memberships_fte_range', sql`${t.fte} >= 0 and ${t.fte} <= 1`),
    check('memberships_role_known', oneOf(t.role, ROLES)),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email'),
    role: text('role', { enum: ROLES }).notNull(),
    fte: doublePrecision('fte').notNull(),
    skills: jsonb('skills').$type<string[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * Set when an import created the invitation for a member its file named: the name and the
     * joining date from the file, kept so an export still lists the team as the file had it.
     */
    importedName: text('imported_name'),
    importedJoinedAt: timestamp('imported_joined_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('invitations_role_known', oneOf(t.role, ROLES))],
);
