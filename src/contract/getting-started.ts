import { z } from 'zod';

/** The first steps of a new workspace, in the order its founder takes them. */
export const GETTING_STARTED_STEPS = [
  'items',
  'team',
  'decision_rights',
  'order',
  'estimates',
  'forecast',
] as const;
export type GettingStartedStep = (typeof GETTING_STARTED_STEPS)[number];

export const GettingStartedSchema = z.object({
  itemCount: z.number().int().describe('items in the workspace; sample data goes only into an empty one'),
  steps: z
    .array(z.object({ id: z.enum(GETTING_STARTED_STEPS), done: z.boolean() }))
    .describe('each step, done when the workspace shows it was taken'),
});
export type GettingStarted = z.infer<typeof GettingStartedSchema>;

export const SampleDataSchema = z.object({
  added: z.number().int().describe('items added'),
});
export type SampleData = z.infer<typeof SampleDataSchema>;
