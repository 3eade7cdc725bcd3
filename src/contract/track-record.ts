/** The forecast track record as the API answers it: scored forecasts and their calibration, per kind. */
import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';
import { ForecastKindSchema, ForecastPercentileSchema } from './forecasts';

export const ForecastScoreSchema = z.object({
  hits: z.array(z.object({ level: z.number(), hit: z.boolean() })),
  withinP85: z.boolean().nullable(),
  landedAtOrBelow: z.number().nullable(),
  landedAbove: z.number(),
  landedPercentile: z.number().nullable(),
});

export const ScoredForecastSchema = z.object({
  id: IdSchema,
  kind: ForecastKindSchema,
  method: z.string(),
  subject: z.record(z.string(), z.unknown()),
  startDate: z.string(),
  madeAt: IsoDateTimeSchema,
  percentiles: z.array(ForecastPercentileSchema),
  /** What happened: the day the work finished (offset from the start) or the count reached. */
  outcome: z.object({
    date: z.string().nullable(),
    dayOffset: z.number().int().nullable(),
    count: z.number().int().nullable(),
  }),
  score: ForecastScoreSchema,
  scoredAt: IsoDateTimeSchema,
});

export const CalibrationSummarySchema = z.object({
  forecasts: z.number().int(),
  rows: z.array(
    z.object({ level: z.number(), count: z.number().int(), observed: z.number(), gap: z.number() }),
  ),
  meanAbsoluteGap: z.number().nullable(),
});

/** The families of forecasts a track record is told apart by. */
export const FORECAST_FAMILIES = ['throughput', 'plan'] as const;

const CoverageWindowSchema = z.object({
  forecasts: z.number().int(),
  /** Share at or below the level, or null when none was scored. */
  observed: z.number().nullable(),
});

export const TrackRecordSchema = z.object({
  forecasts: z.array(ScoredForecastSchema),
  /** Stored forecasts whose work has not finished yet. */
  pending: z.number().int(),
  calibration: CalibrationSummarySchema,
  /**
   * The calibration of each family of forecast (throughput: "when" and "how many"; plan), and
   * how it changed: the P85 coverage of its last `recentCount` scored forecasts against the ones
   * before them.
   */
  byKind: z.array(
    z.object({
      family: z.enum(FORECAST_FAMILIES),
      pending: z.number().int(),
      calibration: CalibrationSummarySchema,
      trend: z.object({
        level: z.number(),
        recentCount: z.number().int(),
        recent: CoverageWindowSchema,
        earlier: CoverageWindowSchema,
      }),
    }),
  ),
});
export type TrackRecord = z.infer<typeof TrackRecordSchema>;
