import { z } from 'zod';
import { DateOnlySchema, IdSchema, IsoDateTimeSchema, int4, text } from './common';

/** The longest cycle and the most items one write assigns. */
export const CYCLE_LIMITS = { days: 92, nameChars: 80, itemsPerWrite: 500 } as const;

const CycleNameSchema = text()
  .trim()
  .min(1, 'a cycle needs a name')
  .max(CYCLE_LIMITS.nameChars, `keep a cycle's name to ${CYCLE_LIMITS.nameChars} characters`);

export const CreateCycleSchema = z.strictObject({
  name: CycleNameSchema,
  startDate: DateOnlySchema.describe('its first day (YYYY-MM-DD)'),
  endDate: DateOnlySchema.describe('its last day, inclusive (YYYY-MM-DD)'),
});
export type CreateCycle = z.infer<typeof CreateCycleSchema>;

export const UpdateCycleSchema = z.strictObject({
  version: int4().min(1).describe('the version of the cycle the caller saw'),
  name: CycleNameSchema.optional(),
  startDate: DateOnlySchema.optional(),
  endDate: DateOnlySchema.optional(),
});
export type UpdateCycle = z.infer<typeof UpdateCycleSchema>;

export const AssignCycleItemsSchema = z.strictObject({
  add: z.array(IdSchema).max(CYCLE_LIMITS.itemsPerWrite).optional().describe('items to put in the cycle'),
  remove: z.array(IdSchema).max(CYCLE_LIMITS.itemsPerWrite).optional().describe('items to take out of it'),
});
export type AssignCycleItems = z.infer<typeof AssignCycleItemsSchema>;

export const CloseCycleSchema = z.strictObject({
  version: int4().min(1).describe('the version of the cycle the caller saw'),
});
export type CloseCycle = z.infer<typeof CloseCycleSchema>;

const CountAndDaysSchema = z.object({
  items: z.number().int(),
  /** Likely estimates summed, in days (unestimated items add nothing). */
  estimateDays: z.number(),
});

export const CycleSchema = z.object({
  id: IdSchema,
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** When it was closed (its unfinished items carried over); null while open. */
  closedAt: IsoDateTimeSchema.nullable(),
  /** Person-days of the members the planner plans on (FTE × working days in the cycle). */
  capacityDays: z.number(),
  /** Everything committed to it: the items in it, and those carried over from it when it closed. */
  committed: CountAndDaysSchema,
  completed: CountAndDaysSchema,
  /** Items that left it unfinished when it closed, and the cycle they went to. */
  carriedOver: z.object({ items: z.number().int(), toCycleId: IdSchema.nullable() }),
  version: z.number().int(),
});
export type Cycle = z.infer<typeof CycleSchema>;

export const CycleListSchema = z.object({ data: z.array(CycleSchema) });
export type CycleList = z.infer<typeof CycleListSchema>;
