import { z } from 'zod';
import { EXTRA_LABEL_FIELDS, GENERIC_FIELDS, IMPORT_FORMATS } from '../domain/import';
import { text } from './common';
import { ITEM_STATES, ITEM_TYPES } from './items';

/** Largest file `headway import` reads from Jira, Linear, GitHub or CSV (50,000 Jira rows fit). */
export const FOREIGN_IMPORT_MAX_BYTES = 100 * 1024 * 1024;

/** Formats `--from` accepts. */
export const IMPORT_SOURCES = [...IMPORT_FORMATS, 'headway'] as const;
export const ImportSourceSchema = z.enum(IMPORT_SOURCES, {
  message: `--from must be one of ${IMPORT_SOURCES.join(', ')}`,
});

const Email = z.email('an email address such as dana@example.com').max(200);

const PersonMatchSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('member'), email: Email }),
    z.strictObject({ kind: z.literal('invite'), email: Email }),
    z.strictObject({ kind: z.literal('unmatched') }),
  ],
  {
    message:
      'a person maps to {"kind":"member","email":…}, {"kind":"invite","email":…} or {"kind":"unmatched"}',
  },
);

const TimeEstimateRuleSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      mode: z.literal('likely-only'),
      basis: text().max(300).default('likely value only, as set in the mapping'),
    }),
    z
      .strictObject({
        mode: z.literal('spread'),
        optimisticRatio: z.number().gt(0).max(1),
        pessimisticRatio: z.number().min(1).max(100),
        basis: text().max(300).default('range stated in the mapping'),
      })
      .describe('optimistic = likely × optimisticRatio (≤ 1), pessimistic = likely × pessimisticRatio (≥ 1)'),
  ],
  {
    message:
      'timeEstimates is {"mode":"likely-only"} or {"mode":"spread","optimisticRatio":0.8,"pessimisticRatio":1.6}',
  },
);

/**
 * A mapping file (`--mapping map.json`): any part of the proposed mapping, to lay over it. Only
 * the entries given change; `headway import FILE --dry-run --mapping-out map.json` writes the
 * whole proposal to start from.
 */
export const ImportMappingEditsSchema = z.strictObject({
  format: z.enum(IMPORT_FORMATS).optional(),
  dateFormat: text().trim().min(1).max(40).nullable().optional(),
  timeZone: text().trim().max(12).nullable().optional(),
  hoursPerDay: z.number().gt(0).max(24).optional(),
  states: z.record(text().max(200), z.enum(ITEM_STATES)).optional(),
  resolutions: z.record(text().max(200), z.enum(['done', 'cancelled'])).optional(),
  types: z.record(text().max(200), z.enum(ITEM_TYPES)).optional(),
  priorities: z.record(text().max(200), text().trim().min(1).max(40).nullable()).optional(),
  people: z.record(text().max(320), PersonMatchSchema).optional(),
  points: z.enum(['story-points', 'ignore']).optional(),
  timeEstimates: TimeEstimateRuleSchema.optional(),
  labelsFrom: z.array(z.enum(EXTRA_LABEL_FIELDS)).max(EXTRA_LABEL_FIELDS.length).optional(),
  milestones: z.enum(['initiatives', 'labels', 'ignore']).optional(),
  columns: z
    .strictObject(
      Object.fromEntries(GENERIC_FIELDS.map((field) => [field, text().trim().min(1).max(200).optional()])),
    )
    .nullable()
    .optional(),
});
export type ImportMappingEdits = z.infer<typeof ImportMappingEditsSchema>;
