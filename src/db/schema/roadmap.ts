import {
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
import { FORECAST_KINDS } from '../../contract/forecasts';
import { oneOf } from './one-of';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * A published roadmap version: the plan as it stood when the product function published it, so
 * later plans can show what slipped. Append-only; the plan is kept as JSON because it is a frozen
 * picture, never queried by column.
 */
export const roadmapSnapshots = pgTable(
  'roadmap_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … per workspace. */
    version: integer('version').notNull(),
    note: text('note'),
    startDate: date('start_date').notNull(),
    /** { endDate, items: [{ itemId, number, title, personId, start, finish }], milestones: [...] } */
    plan: jsonb('plan').$type<Record<string, unknown>>().notNull(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who published it, when the version was imported from a Headway JSON file: the e-mail the file named, never a local account. */
    importedPublishedBy: text('imported_published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('roadmap_snapshots_workspace_version').on(t.workspaceId, t.version)],
);

/**
 * Every forecast shown, with what it was made from, so it can be scored once the work finishes
 * (forecast accountability). `outcome` and `scoredAt` are filled in when the work has finished.
 */
export const forecasts = pgTable(
  'forecasts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** throughput_when: when will N items be done; throughput_count: how many by a date; plan: through the scheduler. */
    kind: text('kind', { enum: FORECAST_KINDS }).notNull(),
    /** What the forecast is about: { items: N } | { by } | { milestoneId?, itemIds, title }. */
    subject: jsonb('subject').$type<Record<string, unknown>>().notNull(),
    method: text('method').notNull(),
    /** Trials, seed, window, history range, notes: enough to rerun or explain it. */
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    /** The first forecast day; day offsets count from it. */
    startDate: date('start_date').notNull(),
    /** [{ level, date?, dayOffset?, count? }] as shown. */
    percentiles: jsonb('percentiles').$type<Array<Record<string, unknown>>>().notNull(),
    /** Optional full distribution, e.g. { histogram, total } of finish day offsets. */
    distribution: jsonb('distribution').$type<Record<string, unknown>>(),
    madeBy: uuid('made_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who asked for it, when the forecast was imported from a Headway JSON file: the e-mail the file named, never a local account. */
    importedMadeBy: text('imported_made_by'),
    madeAt: timestamp('made_at', { withTimezone: true }).notNull().defaultNow(),
    outcome: jsonb('outcome').$type<Record<string, unknown>>(),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
  },
  (t) => [
    index('forecasts_workspace_idx').on(t.workspaceId, t.madeAt),
    check('forecasts_kind_known', oneOf(t.kind, FORECAST_KINDS)),
  ],
);
