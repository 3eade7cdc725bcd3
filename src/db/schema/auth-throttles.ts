import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Attempts counted against a limit (failed sign-ins per account and per client address,
 * sign-ups per address, token creation per user). Kept in the database so that several
 * Headway servers on one PostgreSQL enforce one limit. `key` is a SHA-256 of the email,
 * address or user id: the table never holds who tried what in clear.
 */
export const authThrottles = pgTable(
  'auth_throttles',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    attempts: integer('attempts').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
