/** Turning one horizon of an assessment's growth plan into work items. */
import { z } from 'zod';
import { HORIZONS } from '../domain/assessment/types';
import { ItemSchema } from './items';
import { RoleSchema } from './workspace';

export const StartPlanSchema = z.strictObject({
  horizon: z.enum(HORIZONS as ['now', '3-months', '12-months']).describe('which horizon’s actions to start'),
});
export type StartPlan = z.infer<typeof StartPlanSchema>;

export const StartedPlanSchema = z.object({
  initiative: ItemSchema.describe('the growth initiative the actions sit under'),
  items: z.array(ItemSchema).describe('one task per action, assigned to a member in the action’s owner role'),
  unowned: z
    .array(z.object({ actionId: z.string(), title: z.string(), owner: RoleSchema }))
    .describe('actions whose owner role nobody on the team holds yet: their tasks wait unassigned'),
});
export type StartedPlan = z.infer<typeof StartedPlanSchema>;
