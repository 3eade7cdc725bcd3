import { z } from 'zod';
import { MAX_CURVE_POINTS } from '../domain/forecasting/finish-curve';
import { DateOnlySchema, exactlyOneOf, IdSchema, text, todayIso, wholeNumberText } from './common';

export const FORECAST_KINDS = ['throughput_when', 'throughput_count', 'plan'] as const;
export const ForecastKindSchema = z.enum(FORECAST_KINDS);

/** What a forecast assumes when it is not told: the same for the API, the web app and the CLI. */
export const FORECAST_DEFAULTS = {
  /** Calendar days of history a throughput forecast learns from. */
  windowDays: 90,
  throughputTrials: 10_000,
  planTrials: 500,
  seed: 1,
} as const;

/**
 * The question of a throughput forecast, as text (query parameters, command-line flags): the API
 * and `headway forecast` / `headway backtest` build their schemas from these fields and check
 * them with checkThroughputQuestion.
 */
export const ThroughputQuestionFields = {
  items: wholeNumberText(1, 100_000).optional().describe('when will this many items be done?'),
  by: DateOnlySchema.optional().describe('how many items by the end of this day?'),
  window: wholeNumberText(7, 3650)
    .default(FORECAST_DEFAULTS.windowDays)
    .describe(`calendar days of history to learn from (default ${FORECAST_DEFAULTS.windowDays})`),
  trials: wholeNumberText(100, 100_000)
    .default(FORECAST_DEFAULTS.throughputTrials)
    .describe('Monte Carlo trials (default 10,000)'),
  seed: wholeNumberText(0, 2 ** 31)
    .default(FORECAST_DEFAULTS.seed)
    .describe('random seed; the same seed gives the same answer (default 1)'),
  start: DateOnlySchema.optional().describe('first forecast day; its work counts (default today, UTC)'),
};

/**
 * The rules of a throughput question: exactly one of items ("when?") or by ("how many?"), and
 * a `by` day not before the start (today, UTC, when none is given).
 */
export function checkThroughputQuestion(
  ctx: z.core.ParsePayload<{ by?: string | undefined; start?: string | undefined }>,
) {
  exactlyOneOf({
    items: 'N (when will N items be done?)',
    by: 'YYYY-MM-DD (how many by then?)',
  })(ctx);
  const { by } = ctx.value;
  const start = ctx.value.start ?? todayIso();
  if (by !== undefined && by < start) {
    ctx.issues.push({
      code: 'custom',
      message: `${by} is before the start ${start}`,
      input: by,
      path: ['by'],
    });
  }
}

export const ThroughputQuerySchema = z
  .object({
    ...ThroughputQuestionFields,
    excludeBulk: z
      .enum(['true', 'false'])
      .default('false')
      .describe('leave out bulk clean-ups (10 or more closures each within 5 minutes of the last)'),
    calibrate: z
      .enum(['true', 'false'])
      .default('true')
      .describe(
        'calibrate on the team’s own past forecasts (default true); false gives plain resampling, for comparison',
      ),
  })
  .check(checkThroughputQuestion);
export type ThroughputQuery = z.output<typeof ThroughputQuerySchema>;

export const CALIBRATION_STATUSES = ['calibrated', 'calibrating', 'insufficient', 'off'] as const;

/** Where a throughput forecast stands on the team's own record of past forecasts. */
export const ForecastCalibrationSchema = z.object({
  status: z.enum(CALIBRATION_STATUSES),
  /** One line for every surface, e.g. "calibrated on 96 past forecasts (3 more still running)". */
  label: z.string(),
  /** Items finished in the 90 days before the start (10 are needed to calibrate). */
  recentItems: z.number().int(),
  /** Past forecasts replayed, weekly over the two years before the start. */
  pastForecasts: z.number().int(),
  /** Of those, outcomes known by the start; the rest were still running (censored). */
  knownOutcomes: z.number().int(),
  runningOutcomes: z.number().int(),
  /** Known outcomes needed to be calibrated. */
  neededOutcomes: z.number().int(),
  /** How often plain resampling's level-p answers held in those past forecasts (0..1). */
  pastCoverage: z.array(z.object({ level: z.number(), observed: z.number() })).nullable(),
  /** "When" forecasts: chanceByDay[d] = calibrated chance that the items are done by the end of day offset d. */
  chanceByDay: z.array(z.number()).optional(),
});
export type ForecastCalibrationView = z.infer<typeof ForecastCalibrationSchema>;

export const MinimumHistorySchema = z.object({
  sampleDays: z.number().int(),
  items: z.number().int(),
  activeDays: z.number().int(),
});

/** Too little history: what is needed and what was found, instead of a made-up number. */
export const InsufficientHistorySchema = z.object({
  status: z.literal('insufficient-history'),
  reason: z.string(),
  needed: MinimumHistorySchema,
  found: MinimumHistorySchema,
});

export const ForecastPercentileSchema = z.object({
  level: z.number(),
  /** The end of this day (throughput "when" and plan forecasts). */
  date: z.string().nullable().optional(),
  /** Days after the start; 0 = the start day. */
  dayOffset: z.number().int().nullable().optional(),
  /** Items reached (throughput "how many"). */
  count: z.number().int().optional(),
});

export const ThroughputBasisSchema = z.object({
  history: z.object({
    from: z.string(),
    to: z.string(),
    sampleDays: z.number().int(),
    items: z.number().int(),
    activeDays: z.number().int(),
  }),
  notes: z.array(z.string()),
  countedItems: z.number().int(),
  repeatCompletions: z.number().int(),
  reopenedNotDone: z.number().int(),
  bulkExcluded: z.number().int(),
});

export const ThroughputForecastSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    forecastId: IdSchema,
    kind: z.enum(['throughput_when', 'throughput_count']),
    method: z.literal('throughput-monte-carlo'),
    items: z.number().int().optional(),
    by: z.string().optional(),
    start: z.string(),
    trials: z.number().int(),
    seed: z.number().int(),
    windowDays: z.number().int(),
    percentiles: z.array(ForecastPercentileSchema),
    /** Same shape as `headway forecast --json`: dates (when) or counts (how many) by level. */
    dates: z.record(z.string(), z.string().nullable()).optional(),
    counts: z.record(z.string(), z.number().int()).optional(),
    /** finishHistogram[d] = trials finishing on day offset d (when forecasts), before calibration. */
    finishHistogram: z.array(z.number().int()).optional(),
    basis: ThroughputBasisSchema,
    /** Where the forecast stands on the team's record, and how its levels were set. */
    calibration: ForecastCalibrationSchema,
  }),
  InsufficientHistorySchema,
]);
export type ThroughputForecastView = z.infer<typeof ThroughputForecastSchema>;

/** The most items one plan forecast follows. */
export const PLAN_FORECAST_MAX_ITEMS = 500;

/** Item ids written "id,id,…" (a query parameter): trimmed, blanks and repeats dropped, in order. */
export function splitIdList(list: string): string[] {
  return [
    ...new Set(
      list
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

export const PlanForecastQuerySchema = z
  .object({
    milestone: text().optional().describe('an initiative or epic: forecast its open work'),
    items: text()
      .check((ctx) => {
        const count = splitIdList(ctx.value).length;
        if (count >= 1 && count <= PLAN_FORECAST_MAX_ITEMS) return;
        ctx.issues.push({
          code: 'custom',
          message: `give 1 to ${PLAN_FORECAST_MAX_ITEMS} item ids, separated by commas`,
          input: ctx.value,
        });
      })
      .optional()
      .describe('comma-separated item ids'),
    trials: wholeNumberText(50, 5000)
      .default(FORECAST_DEFAULTS.planTrials)
      .describe(`Monte Carlo trials (default ${FORECAST_DEFAULTS.planTrials})`),
    seed: wholeNumberText(0, 2 ** 31).default(FORECAST_DEFAULTS.seed),
    start: DateOnlySchema.optional().describe('first forecast day (default today, UTC)'),
    target: DateOnlySchema.optional().describe('the date to hit (default: the milestone’s target date)'),
  })
  .check(exactlyOneOf({ milestone: '<itemId>', items: '<id>,<id>,…' }));
export type PlanForecastQuery = z.output<typeof PlanForecastQuerySchema>;

export const FinishForecastSchema = z.object({
  id: z.string(),
  title: z.string(),
  targetDate: z.string().nullable(),
  percentiles: z.array(ForecastPercentileSchema),
  /** Share of trials done by the end of the target date. */
  probabilityOnTime: z.number().nullable(),
});

/** What a plan forecast learned from the team's record. */
export const PlanRecordSchema = z.object({
  /** Share of capacity that goes to planned work; efforts are divided by it. */
  focus: z.number(),
  focusStatus: z.enum(['learned', 'assumed']),
  /** Planned items whose effort is drawn from actual/estimate ratios of completed work. */
  effortsFromRecord: z.number().int(),
  effortsFromEstimate: z.number().int(),
  /** Planned items nobody estimated, whose effort each trial draws from the team's sizes. */
  unestimatedDrawn: z.number().int(),
  /**
   * Where those sizes come from: the efforts of work completed before the start (`learned`), the
   * estimated open work when fewer than 10 items were completed (`estimates`), or nowhere
   * (`none`: unestimated items stay out of the dates).
   */
  sizeSource: z.enum(['learned', 'estimates', 'none']),
  /** How often scored plan forecasts held their P85, in one line ("P85 held in 9 of 12 …"). */
  trackRecord: z.string(),
});

/** The most points of a finish curve (see PlanForecastSchema's subject.distribution). */
export const FINISH_CURVE_MAX_POINTS = MAX_CURVE_POINTS;

/**
 * The simulated distribution of a finish: the chance of being done by the end of each day on
 * which some trial finished, ascending, at most FINISH_CURVE_MAX_POINTS points (a longer curve
 * keeps evenly spaced days, first and last included). The last probability is the share of
 * trials that finished at all.
 */
export const FinishCurveSchema = z
  .array(z.object({ dayOffset: z.number().int(), date: z.string(), probability: z.number() }))
  .max(FINISH_CURVE_MAX_POINTS);

/** A plan forecast beside the throughput forecast for the same work, and why they differ. */
export const PlanComparisonSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('compared'),
    /** Items throughput was asked for: the subject's and the others the plan finishes by then. */
    items: z.number().int(),
    planP85: z.string().nullable(),
    throughputP85: z.string().nullable(),
    /** Where the throughput forecast stands on the team's record ("calibrated on 96 past forecasts"). */
    calibrationLabel: z.string(),
    /** Within a week or 20 % of each other. */
    agree: z.boolean(),
    /** Days the plan's P85 lies after the throughput's (negative: before). */
    differenceDays: z.number().int().nullable(),
    reasons: z.array(z.string()),
  }),
  z.object({ status: z.literal('unavailable'), reason: z.string() }),
]);
export type PlanComparison = z.infer<typeof PlanComparisonSchema>;

export const PlanForecastSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    forecastId: IdSchema,
    kind: z.literal('plan'),
    method: z.literal('plan-monte-carlo'),
    start: z.string(),
    trials: z.number().int(),
    seed: z.number().int(),
    subject: FinishForecastSchema.extend({
      milestoneId: z.string().nullable(),
      itemIds: z.array(z.string()),
      /** The whole simulated distribution of the subject's finish. */
      distribution: FinishCurveSchema,
    }),
    /**
     * The subject's items nobody estimated, drawn from the team's size distribution, and what
     * they add: the subject's P85 with them and without them (null when there are none).
     */
    unestimated: z.object({
      count: z.number().int(),
      p85With: z.string().nullable(),
      p85Without: z.string().nullable(),
    }),
    items: z.array(FinishForecastSchema),
    milestones: z.array(FinishForecastSchema),
    unplanned: z.array(z.object({ itemId: z.string(), reason: z.string() })),
    incompleteTrials: z.number().int(),
    /** What the forecast learned from the team's record (the notes say it in words). */
    record: PlanRecordSchema,
    /** The throughput forecast for the same work beside it, and why they differ. */
    comparison: PlanComparisonSchema,
    notes: z.array(z.string()),
  }),
  z.object({
    status: z.literal('nothing-to-forecast'),
    reason: z.string(),
    unplanned: z.array(z.object({ itemId: z.string(), reason: z.string() })),
  }),
]);
export type PlanForecastView = z.infer<typeof PlanForecastSchema>;

export const MilestoneForecastsQuerySchema = z.object({
  trials: wholeNumberText(50, 5000)
    .default(FORECAST_DEFAULTS.planTrials)
    .describe(`Monte Carlo trials (default ${FORECAST_DEFAULTS.planTrials}, as the plan forecast)`),
  seed: wholeNumberText(0, 2 ** 31).default(FORECAST_DEFAULTS.seed),
});

/** Every roadmap milestone's plan forecast, from one simulation of the whole plan; not stored. */
export const MilestoneForecastsSchema = z.object({
  start: z.string(),
  trials: z.number().int(),
  milestones: z.array(
    z.object({
      id: z.string(),
      targetDate: z.string().nullable(),
      /** The dates by whose end the milestone is done in 50 % and 85 % of trials. */
      p50: z.string().nullable(),
      p85: z.string().nullable(),
      /** Share of trials done by the end of the target date; null without a target. */
      probabilityOnTime: z.number().nullable(),
      /** Its planned items nobody estimated, drawn from the team's sizes (the schedule leaves them out). */
      unestimated: z.number().int(),
    }),
  ),
  record: PlanRecordSchema,
  notes: z.array(z.string()),
});
export type MilestoneForecastsQuery = z.output<typeof MilestoneForecastsQuerySchema>;
export type MilestoneForecastsView = z.infer<typeof MilestoneForecastsSchema>;
