/** Calibration of estimates against actual effort, as the API shows it. */
import { z } from 'zod';
import { IdSchema } from './common';
import { ItemRefSchema } from './prioritization';

export const CALIBRATION_GROUPINGS = ['workspace', 'estimator', 'type'] as const;
export const CalibrationQuerySchema = z.object({
  by: z.enum(CALIBRATION_GROUPINGS).default('workspace'),
  reference: z.enum(['likely', 'pert-mean']).default('likely'),
});

export const CalibrationStatisticSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.number() }),
  z.object({ ok: z.literal(false), needed: z.number().int(), have: z.number().int(), reason: z.string() }),
]);

export const CalibrationGroupSchema = z.object({
  kind: z.enum(['workspace', 'estimator', 'type']),
  key: z.string().nullable(),
  name: z.string(),
});

const SkippedSchema = z.array(z.object({ itemId: z.string(), reason: z.string() }));

/** The Kolmogorov–Smirnov (Lilliefors) test of the log-normal fit, or why it was not run. */
export const FitTestSchema = z.discriminatedUnion('tested', [
  z.object({
    tested: z.literal(true),
    test: z.literal('kolmogorov-smirnov-lilliefors'),
    /** D: the largest gap between the observed and the fitted distribution. */
    statistic: z.number(),
    /** The largest D accepted at `significance`. */
    critical: z.number(),
    significance: z.number(),
    count: z.number().int(),
    passes: z.boolean(),
  }),
  z.object({ tested: z.literal(false), reason: z.string() }),
]);

export const CalibrationProfileSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    group: CalibrationGroupSchema,
    count: z.number().int(),
    skipped: SkippedSchema,
    logMean: z.number(),
    logSd: z.number(),
    /** Observed median of actual / estimate, the headline: 1.3 means half the items took 30% more or over. */
    median: z.number(),
    /** Mean ratio: the fit's when it passes its test, else observed (see `shown.mean`). */
    mean: z.number(),
    sampleMedian: z.number(),
    /** Observed quantiles. */
    p10: CalibrationStatisticSchema,
    p80: CalibrationStatisticSchema,
    p90: CalibrationStatisticSchema,
    hitRates: z.array(
      z.object({
        statedConfidence: z.number(),
        ranges: z.number().int(),
        hits: z.number().int(),
        rate: CalibrationStatisticSchema,
        message: z.string(),
        /** What was stated: a three-point range (single values are in `singleValues`). */
        stated: z.literal('three-point range'),
        /** false when no confidence was stated and the range is only read as 90%. */
        confidenceStated: z.boolean(),
      }),
    ),
    /** Which numbers are shown: quantiles are observed; the mean is the fit's only when the fit passes. */
    shown: z.object({ quantiles: z.literal('observed'), mean: z.enum(['log-normal', 'observed']) }),
    /** The log-normal fit beside the observed numbers, and its goodness-of-fit test. */
    fit: z.object({
      logMean: z.number(),
      logSd: z.number(),
      median: z.number(),
      p10: z.number(),
      p90: z.number(),
      mean: z.number(),
      test: FitTestSchema,
      accepted: z.boolean(),
    }),
    /** Single-value estimates: how often the actual was within the estimate; they state no range. */
    singleValues: z
      .object({
        stated: z.literal('single value'),
        estimates: z.number().int(),
        withinEstimate: z.number().int(),
        rate: CalibrationStatisticSchema,
        message: z.string(),
      })
      .nullable(),
  }),
  z.object({
    ok: z.literal(false),
    group: CalibrationGroupSchema,
    count: z.number().int(),
    needed: z.number().int(),
    skipped: SkippedSchema,
    reason: z.string(),
  }),
]);
export type CalibrationProfileView = z.infer<typeof CalibrationProfileSchema>;

export const CalibrationReportSchema = z.object({
  by: z.enum(CALIBRATION_GROUPINGS),
  reference: z.enum(['likely', 'pert-mean']),
  unit: z.literal('days'),
  /** Completed items with an estimate and an actual effort. */
  completedItems: z.number().int(),
  overall: CalibrationProfileSchema,
  /** One profile per estimator or item type (empty when by=workspace). */
  groups: z.array(CalibrationProfileSchema),
  drift: z.object({
    periods: z.array(
      z.object({ label: z.string(), from: z.string(), to: z.string(), profile: CalibrationProfileSchema }),
    ),
    trend: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), factorPerYear: z.number(), message: z.string() }),
      z.object({
        ok: z.literal(false),
        needed: z.number().int(),
        have: z.number().int(),
        reason: z.string(),
      }),
    ]),
  }),
});
export type CalibrationReportView = z.infer<typeof CalibrationReportSchema>;

const RangeSchema = z.object({
  optimistic: z.number().nullable(),
  likely: z.number(),
  pessimistic: z.number().nullable(),
});

export const CalibratedEstimateSchema = ItemRefSchema.extend({
  estimatedBy: IdSchema.nullable(),
  unit: z.literal('days'),
  result: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      raw: RangeSchema,
      calibrated: RangeSchema.extend({ mean: z.number() }),
      rangeCoverage: z.number().nullable(),
      note: z.string(),
      basedOn: z.object({ group: CalibrationGroupSchema, count: z.number().int() }),
    }),
    z.object({
      ok: z.literal(false),
      needed: z.number().int(),
      have: z.number().int(),
      reason: z.string(),
    }),
  ]),
});
export type CalibratedEstimateView = z.infer<typeof CalibratedEstimateSchema>;
