/**
 * The JSON documents Headway stores whole: a published roadmap version's plan and a forecast's
 * subject, percentiles, distribution and outcome. The same schemas check them where they come
 * in from a file (an import) and where they are read back, so a document that does not match is
 * refused at the door and, if an older version stored one, shown as unreadable instead of
 * failing a whole page. Assessment reports are not here: an import re-derives them from the
 * answers (see AssessmentReportSchema for reading them back).
 */
import { z } from 'zod';
import { DateOnlySchema, jsonField, text } from './common';
import { ForecastPercentileSchema } from './forecasts';
import { LIMITS } from './limits';

/** How an item is referred to: its id in the database, "item:#<number>" in a Headway JSON file. */
export const StoredItemRefSchema = z.uuid('an item id');
export const FileItemRefSchema = text().regex(
  /^item:#[1-9]\d{0,9}$/,
  'an item reference such as "item:#12" (a number of this file)',
);

/** A person in a stored document: a user id, or "user:<email>" for someone known only from a file. */
const PersonRefSchema = text().max(260).nullable();
const TitleSchema = text().max(LIMITS.titleChars);
const MAX_PLAN_ITEMS = 20_000;

/** A published roadmap version's plan, with item references of the given kind. */
export function snapshotPlanSchema(itemRef: z.ZodType<string>) {
  return z.object({
    endDate: DateOnlySchema.nullable(),
    items: z
      .array(
        z.object({
          itemId: itemRef,
          number: z.number().int().min(1),
          title: TitleSchema,
          personId: PersonRefSchema,
          start: DateOnlySchema,
          finish: DateOnlySchema,
        }),
      )
      .max(MAX_PLAN_ITEMS),
    milestones: z
      .array(
        z.object({
          id: itemRef,
          title: TitleSchema,
          date: DateOnlySchema.nullable(),
          targetDate: DateOnlySchema.nullable(),
        }),
      )
      .max(MAX_PLAN_ITEMS),
  });
}
export const StoredSnapshotPlanSchema = snapshotPlanSchema(StoredItemRefSchema);
export type StoredSnapshotPlan = z.infer<typeof StoredSnapshotPlanSchema>;

/** What a forecast is about, by kind: N items, a date, or a set of items (a milestone's). */
export function forecastSubjectSchema(itemRef: z.ZodType<string>) {
  return z.union([
    z.strictObject({ items: z.number().int().min(1).max(1_000_000) }),
    z.strictObject({ by: DateOnlySchema }),
    z.strictObject({
      milestoneId: itemRef.nullable().optional(),
      itemIds: z.array(itemRef).max(MAX_PLAN_ITEMS),
      title: TitleSchema.nullable().optional(),
      targetDate: DateOnlySchema.nullable().optional(),
    }),
  ]);
}

/** Free-form JSON that is only ever shown as data (a forecast's inputs, a decision's details). */
export const ShallowJsonObjectSchema = jsonField(z.record(text().max(100), z.unknown()), 8);

export const ForecastDistributionSchema = z.object({
  histogram: z.array(z.number().int().min(0)).max(100_000),
  total: z.number().int().min(0),
});

export const ForecastOutcomeSchema = z.object({
  date: DateOnlySchema.nullable(),
  dayOffset: z.number().int().nullable(),
  count: z.number().int().nullable(),
  void: z.boolean().optional(),
});

/** A stored forecast's documents, with item references of the given kind. */
export function forecastDocumentsSchema(itemRef: z.ZodType<string>) {
  return z.object({
    subject: forecastSubjectSchema(itemRef),
    inputs: ShallowJsonObjectSchema,
    percentiles: z
      .array(ForecastPercentileSchema.extend({ date: DateOnlySchema.nullable().optional() }))
      .max(100),
    distribution: ForecastDistributionSchema.nullable(),
    outcome: ForecastOutcomeSchema.nullable(),
  });
}
export const StoredForecastDocumentsSchema = forecastDocumentsSchema(StoredItemRefSchema);

/**
 * The first problem of a document as "path: message", for a 400 or an "unreadable" note.
 * @param where the document's own path (e.g. "roadmapSnapshots[2].plan")
 */
export function describeDocumentProblem(where: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${where}: not a valid document`;
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${where}${path}: ${issue.message}`;
}
