/**
 * Closing the loop on scores: the adoption a team records once an idea shipped, and the track
 * record of the predictions made when ideas were accepted (per evidence source and per estimator).
 */
import { z } from 'zod';
import { DateOnlySchema, INT4_MAX, text, todayIso } from './common';

/** What an observed reach counts: accounts (companies) or users. */
export const ADOPTION_UNITS = ['accounts', 'users'] as const;
export type AdoptionUnit = (typeof ADOPTION_UNITS)[number];

/** The largest observed impact taken (impact scales are small: RICE's runs 0.25–3). */
export const ADOPTION_IMPACT_MAX = 1_000_000;

const count = (what: string, min: number) =>
  z
    .number({ error: `give ${what} as a number, such as 12` })
    .int(`give ${what} as a whole number`)
    .min(min, `${what} cannot be ${min === 0 ? 'negative' : 'below 1'}`)
    .max(INT4_MAX, `give ${what} of at most ${INT4_MAX}`);

/** `POST …/ideas/{itemId}/adoption`: what was observed after the idea shipped. */
export const RecordIdeaAdoptionSchema = z
  .strictObject({
    periodStart: DateOnlySchema.describe('the first day of the period observed'),
    periodEnd: DateOnlySchema.describe('the last day of the period observed'),
    unit: z.enum(ADOPTION_UNITS, { error: `give the unit as one of ${ADOPTION_UNITS.join(', ')}` }),
    reach: count('the reach (accounts or users who used it)', 0),
    outOf: count('outOf (accounts or users active over the period)', 1)
      .optional()
      .describe('the accounts or users active over the period, to compare with a predicted share'),
    impact: z
      .number({ error: 'give the impact as a number, such as 1.5' })
      .min(0, 'the impact cannot be negative')
      .max(ADOPTION_IMPACT_MAX, `give an impact of at most ${ADOPTION_IMPACT_MAX}`)
      .optional()
      .describe("the impact observed, on the scale of the idea's impact score"),
    note: text().trim().max(2_000, 'keep the note to 2,000 characters').optional(),
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('when correcting a recorded adoption: its version (a stale one answers 409)'),
  })
  .check((ctx) => {
    const { periodStart, periodEnd, reach, outOf } = ctx.value;
    const issue = (path: string, message: string) =>
      ctx.issues.push({ code: 'custom', message, input: ctx.value, path: [path] });
    if (periodEnd < periodStart) issue('periodEnd', `end the period on or after its start (${periodStart})`);
    if (periodStart > todayIso()) issue('periodStart', `start the period today (${todayIso()}) or earlier`);
    if (outOf !== undefined && reach > outOf)
      issue('outOf', `outOf (${outOf}) must be at least the reach (${reach}): it counts everyone active`);
  });
export type RecordIdeaAdoption = z.infer<typeof RecordIdeaAdoptionSchema>;

/** The adoption recorded for a shipped idea. */
export const IdeaAdoptionSchema = z.object({
  itemId: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  unit: z.enum(ADOPTION_UNITS),
  reach: z.number().int(),
  outOf: z.number().int().nullable(),
  impact: z.number().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  version: z.number().int(),
});
export type IdeaAdoption = z.infer<typeof IdeaAdoptionSchema>;

/** `GET …/ideas/{itemId}/adoption`: the adoption, or null while none is recorded. */
export const IdeaAdoptionReadSchema = z.object({ adoption: IdeaAdoptionSchema.nullable() });
export type IdeaAdoptionRead = z.infer<typeof IdeaAdoptionReadSchema>;

/** How one evidence source's or one estimator's predictions of one measure fared. */
export const TrackRecordGroupSchema = z.object({
  groupBy: z.enum(['source', 'estimator']),
  key: z.string(),
  measure: z.enum(['reach', 'impact']),
  ideas: z.number().int(),
  /** The median of observed ÷ predicted (on a log scale); null when nothing above zero was predicted. */
  medianRatio: z.number().nullable(),
  inside: z.number().int(),
  withInterval: z.number().int(),
  enough: z.boolean(),
  verdict: z.string(),
});
export type TrackRecordGroupView = z.infer<typeof TrackRecordGroupSchema>;

/** `GET …/ideas/track-record`: predictions at acceptance against the adoption recorded. */
export const IdeaTrackRecordSchema = z.object({
  /** Accepted ideas with a recorded adoption: the ideas compared. */
  compared: z.number().int(),
  /** Accepted ideas that are done but have no adoption recorded yet. */
  awaitingAdoption: z.number().int(),
  /** Fewer ideas than this in a group: too few to tell. */
  minIdeas: z.number().int(),
  groups: z.array(TrackRecordGroupSchema),
});
export type IdeaTrackRecord = z.infer<typeof IdeaTrackRecordSchema>;
