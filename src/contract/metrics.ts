/** Flow metrics of a workspace, as the API, the web app and `headway metrics` show them. */
import { z } from 'zod';
import { countDaysBetween } from '../domain/shared/calendar';
import { DateOnlySchema, IdSchema, IsoDateTimeSchema, text, todayIso } from './common';
import { ITEM_STATES } from './item-values';

/** What the metrics assume when they are not told. */
export const METRICS_DEFAULTS = {
  /** Calendar days in the period when `from` is not given: the 90 days up to `to`. */
  periodDays: 90,
  /** The longest period asked for, so the cumulative flow diagram stays a readable size. */
  maxPeriodDays: 1096,
} as const;

/** The one definition of cycle time every surface states. */
export const CYCLE_TIME_DEFINITION =
  'cycle time: from an item’s first entry into a started state (in progress, in review) to its last entry into done, in fractional days; over features, tasks and bugs finished in the period';

/**
 * The rule of a period query: `from` on or before `to` (default today), at most
 * METRICS_DEFAULTS.maxPeriodDays days; an issue names `from`.
 */
export function checkPeriod(
  ctx: z.core.ParsePayload<{ from?: string | undefined; to?: string | undefined }>,
) {
  const to = ctx.value.to ?? todayIso();
  const from = ctx.value.from;
  if (from === undefined) return;
  const days = countDaysBetween(from, to) + 1;
  if (days < 1) {
    ctx.issues.push({
      code: 'custom',
      message: `${from} is after the end of the period ${to}; give a from on or before to`,
      input: from,
      path: ['from'],
    });
  } else if (days > METRICS_DEFAULTS.maxPeriodDays) {
    ctx.issues.push({
      code: 'custom',
      message: `the period from ${from} to ${to} is ${days} days; give at most ${METRICS_DEFAULTS.maxPeriodDays}`,
      input: from,
      path: ['from'],
    });
  }
}

/** The query of the flow metrics: a period of calendar days (UTC) and optionally one person. */
export const MetricsQuerySchema = z
  .object({
    from: DateOnlySchema.optional().describe(
      `first day of the period (default ${METRICS_DEFAULTS.periodDays - 1} days before \`to\`)`,
    ),
    to: DateOnlySchema.optional().describe('last day of the period, included (default today, UTC)'),
    person: text()
      .min(1)
      .max(320)
      .optional()
      .describe('only items assigned to this person, by e-mail (as listed in `people`)'),
  })
  .check(checkPeriod);
export type MetricsQuery = z.output<typeof MetricsQuerySchema>;

/** A person items can be assigned to: a member (by e-mail) or a name an imported file gave. */
export const MetricsPersonSchema = z.object({ key: z.string(), name: z.string() });

const ItemFields = { itemId: IdSchema, number: z.number().int(), title: z.string() };

const UnavailableSchema = z.object({ available: z.literal(false), reason: z.string() });

const percentile = z.number().nullable();

export const FlowMetricsSchema = z.object({
  from: DateOnlySchema,
  to: DateOnlySchema,
  /** The moment the period was read at: the end of `to`, or now when that is earlier. */
  asOf: IsoDateTimeSchema,
  person: MetricsPersonSchema.nullable(),
  definition: z.string(),
  /** Percentiles of the cycle times of the items finished in the period (null when none). */
  cycleTimeDays: z.object({
    count: z.number().int(),
    '50': percentile,
    '70': percentile,
    '85': percentile,
    '95': percentile,
  }),
  /** Each item finished in the period with a cycle time, by finish time: the scatter chart. */
  cycleTimes: z.array(
    z.object({
      ...ItemFields,
      startedAt: IsoDateTimeSchema,
      finishedAt: IsoDateTimeSchema,
      days: z.number(),
    }),
  ),
  /** Finished in the period without ever being started: counted in throughput, no cycle time. */
  finishedWithoutStart: z.number().int(),
  throughput: z.object({
    total: z.number().int(),
    daily: z.array(z.object({ date: DateOnlySchema, count: z.number().int() })),
    /** Monday-to-Sunday weeks; `days` says how many of a week's days lie in the period. */
    weekly: z.array(z.object({ weekStart: DateOnlySchema, days: z.number().int(), count: z.number().int() })),
  }),
  /**
   * Items in each state of the workspace's workflow at the end of each day; `counts` follow
   * `names` (the team's names, in board order) and `states` (the built-in state each stands for).
   */
  cumulativeFlow: z.object({
    states: z.array(z.enum(ITEM_STATES)),
    names: z.array(z.string()),
    days: z.array(z.object({ date: DateOnlySchema, counts: z.array(z.number().int()) })),
  }),
  /** Started, unfinished items at `asOf`, oldest first, against the period's cycle times. */
  aging: z.array(
    z.object({
      ...ItemFields,
      state: z.enum(ITEM_STATES),
      /** The workflow state it is in, by the team's name. */
      stateName: z.string(),
      assignee: MetricsPersonSchema.nullable(),
      startedAt: IsoDateTimeSchema,
      ageDays: z.number(),
      /** The share (0–100) of the period's cycle times below its age; null when none finished. */
      olderThanPercent: z.number().nullable(),
    }),
  ),
  wip: z.object({
    total: z.number().int(),
    byState: z.array(z.object({ state: z.enum(ITEM_STATES), count: z.number().int() })),
    /** Started work now per state of the workspace's workflow, by the names the team gave them. */
    byWorkflowState: z.array(
      z.object({
        stateId: z.string(),
        name: z.string(),
        builtinState: z.enum(ITEM_STATES),
        count: z.number().int(),
        wipLimit: z.number().int().nullable(),
      }),
    ),
    byPerson: z.array(z.object({ person: MetricsPersonSchema.nullable(), count: z.number().int() })),
  }),
  /**
   * Time finished items spent in states marked blocked within their cycle times: `blockedDays`
   * summed over `items`, and its `share` of their summed cycle times (0–1).
   */
  blockedTime: z.discriminatedUnion('available', [
    z.object({
      available: z.literal(true),
      items: z.number().int(),
      blockedDays: z.number(),
      share: z.number().nullable(),
    }),
    UnavailableSchema,
  ]),
  /**
   * Time worked over the cycle times of finished items, as a percentage: time in states marked
   * waiting or blocked counts as waiting, the rest of the cycle time as worked. Unavailable until a
   * started state is marked waiting (blocked states alone would count time in queues as worked).
   */
  flowEfficiency: z.discriminatedUnion('available', [
    z.object({
      available: z.literal(true),
      items: z.number().int(),
      activeDays: z.number(),
      waitingDays: z.number(),
      percent: z.number().nullable(),
    }),
    UnavailableSchema,
  ]),
  /** Everyone items are assigned to, for the person filter. */
  people: z.array(MetricsPersonSchema),
});
export type FlowMetricsView = z.infer<typeof FlowMetricsSchema>;
