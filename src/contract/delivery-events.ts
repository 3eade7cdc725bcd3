/**
 * Delivery events (deployments and incidents) sent by pipelines and incident tools, the token
 * they are sent with, and the DORA measures computed from them.
 */
import { z } from 'zod';
import { DoraYearSchema } from './assessment';
import { DateOnlySchema, IdSchema, IsoDateTimeSchema, TimestampInputSchema, text } from './common';
import { checkPeriod, METRICS_DEFAULTS } from './metrics';

/** How many commit times one deployment may list. */
export const MAX_COMMITS_PER_DEPLOYMENT = 1000;
/** The environment measured and recorded unless another is named. */
export const DEFAULT_ENVIRONMENT = 'production';

const EventKeySchema = text()
  .trim()
  .min(1, 'give the event a key, e.g. the pipeline run id: the same key sent again counts once')
  .max(200, 'at most 200 characters');

const EnvironmentSchema = text()
  .trim()
  .min(1, 'name the environment, e.g. "production"')
  .max(64, 'at most 64 characters');

/** A deployment: when it reached the environment, when its changes were committed, whether it worked. */
export const DeploymentEventSchema = z
  .strictObject({
    key: EventKeySchema.describe(
      'your id of this deployment (e.g. the pipeline run); sent again, it counts once',
    ),
    deployedAt: TimestampInputSchema.describe('when the deployment finished, ISO 8601 with an offset'),
    environment: EnvironmentSchema.default(DEFAULT_ENVIRONMENT).describe('default production'),
    commitTimes: z
      .array(TimestampInputSchema)
      .max(MAX_COMMITS_PER_DEPLOYMENT, `list at most ${MAX_COMMITS_PER_DEPLOYMENT} commit times`)
      .default([])
      .describe('when each change the deployment shipped was committed'),
    succeeded: z.boolean().default(true).describe('false when the deployment itself failed'),
  })
  .check((ctx) => {
    const deployed = Date.parse(ctx.value.deployedAt);
    ctx.value.commitTimes.forEach((commit, index) => {
      if (Date.parse(commit) > deployed) {
        ctx.issues.push({
          code: 'custom',
          message: `${commit} is after the deployment (${ctx.value.deployedAt}): a change is committed before it is deployed`,
          input: commit,
          path: ['commitTimes', index],
        });
      }
    });
  });
export type DeploymentEvent = z.output<typeof DeploymentEventSchema>;

/**
 * An incident: opened with a new key, resolved by sending the same key with `resolvedAt`.
 */
export const IncidentEventSchema = z
  .strictObject({
    key: EventKeySchema.describe('your id of this incident; send it again with resolvedAt to resolve it'),
    openedAt: TimestampInputSchema.optional().describe('when service was hurt; needed for a new incident'),
    resolvedAt: TimestampInputSchema.optional().describe('when service was restored'),
    causedBy: EventKeySchema.optional().describe('the key of the deployment that caused it, when known'),
  })
  .check((ctx) => {
    const { openedAt, resolvedAt } = ctx.value;
    if (openedAt && resolvedAt && Date.parse(resolvedAt) < Date.parse(openedAt)) {
      ctx.issues.push({
        code: 'custom',
        message: `${resolvedAt} is before the incident opened (${openedAt}): give a resolvedAt on or after openedAt`,
        input: resolvedAt,
        path: ['resolvedAt'],
      });
    }
  });
export type IncidentEvent = z.output<typeof IncidentEventSchema>;

/** What became of an event: recorded, changed (an incident resolved), or already known. */
export const EventReceiptSchema = z.object({
  id: IdSchema,
  key: z.string(),
  outcome: z.enum(['created', 'updated', 'unchanged']),
});
export type EventReceipt = z.infer<typeof EventReceiptSchema>;

export const CreateIngestTokenSchema = z.strictObject({
  name: text()
    .trim()
    .min(1, 'say what sends with it, e.g. "deploy pipeline" or "pager"')
    .max(100, 'at most 100 characters'),
});
export type CreateIngestToken = z.infer<typeof CreateIngestTokenSchema>;

/** An ingest token as listed: never its secret. */
export const IngestTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  createdAt: IsoDateTimeSchema,
  lastUsedAt: IsoDateTimeSchema.nullable(),
});
export type IngestToken = z.infer<typeof IngestTokenSchema>;
export const IngestTokenListSchema = z.object({ data: z.array(IngestTokenSchema) });
export const CreatedIngestTokenSchema = IngestTokenSchema.extend({
  token: z.string().describe('the secret, for `Authorization: Bearer …`; shown once'),
});
export type CreatedIngestToken = z.infer<typeof CreatedIngestTokenSchema>;

/** The period and environment of the DORA measures. */
export const DoraQuerySchema = z
  .object({
    from: DateOnlySchema.optional().describe(
      `first day of the period (default ${METRICS_DEFAULTS.periodDays - 1} days before \`to\`)`,
    ),
    to: DateOnlySchema.optional().describe('last day of the period, included (default today, UTC)'),
    environment: EnvironmentSchema.optional().describe('default production'),
  })
  .check(checkPeriod);
export type DoraQuery = z.output<typeof DoraQuerySchema>;

const DurationSchema = z.object({
  count: z.number().int(),
  medianHours: z.number().nullable(),
  p85Hours: z.number().nullable(),
  band: z.string().nullable().describe('the assessment’s answer band of the median'),
});

/** The four DORA measures of a period, with the tiers of every report year. */
export const DoraMeasuresSchema = z.object({
  from: z.string(),
  to: z.string(),
  environment: z.string(),
  days: z.number().int(),
  deploymentFrequency: z.object({
    deployments: z.number().int(),
    perDay: z.number(),
    perWeek: z.number(),
    band: z.string().nullable(),
  }),
  leadTime: DurationSchema,
  changeFailure: z.object({
    deployments: z.number().int(),
    failed: z.number().int(),
    rate: z.number().min(0).max(1).nullable(),
  }),
  timeToRestore: DurationSchema.extend({ open: z.number().int() }),
  tiers: z.array(DoraYearSchema),
  definitions: z.array(z.string()),
});
export type DoraMeasuresView = z.infer<typeof DoraMeasuresSchema>;

/** How each measure is defined, stated wherever it is shown. */
export const DORA_DEFINITIONS = [
  'deployment frequency: successful deployments to the environment in the period, per day and per week',
  'lead time for changes: from each change’s commit to the successful deployment that shipped it (median and P85)',
  'change failure rate: deployments of the period that failed or that an incident names as its cause, over all deployments of the period',
  'time to restore: from an incident’s opening to its resolution, over incidents resolved in the period (median and P85)',
] as const;

/** How many events one batch (a file sent with `headway events send --file`) may hold. */
export const MAX_EVENTS_PER_BATCH = 10_000;

/** A batch of events: deployments first, then incidents, so an incident may name a deployment of the same batch. */
export const EventBatchSchema = z.strictObject({
  deployments: z
    .array(DeploymentEventSchema)
    .max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH} deployments at once`)
    .default([]),
  incidents: z
    .array(IncidentEventSchema)
    .max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH} incidents at once`)
    .default([]),
});
export type EventBatch = z.output<typeof EventBatchSchema>;
