import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, text } from './common';

/** The kinds of change a webhook endpoint can subscribe to. */
export const WEBHOOK_EVENT_KINDS = ['item', 'order', 'plan', 'forecast', 'decision'] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'Headway-Signature';

export const CreateWebhookEndpointSchema = z.strictObject({
  url: text()
    .trim()
    .min(1, 'send the address to deliver to, e.g. "https://hooks.example.com/headway"')
    .max(2000, 'at most 2,000 characters'),
  kinds: z
    .array(z.enum(WEBHOOK_EVENT_KINDS, `one of ${WEBHOOK_EVENT_KINDS.join(', ')}`))
    .min(1, `choose at least one kind of event: ${WEBHOOK_EVENT_KINDS.join(', ')}`)
    .max(WEBHOOK_EVENT_KINDS.length, 'each kind once'),
});
export type CreateWebhookEndpoint = z.infer<typeof CreateWebhookEndpointSchema>;

/** A webhook endpoint as listed: never its secret. */
export const WebhookEndpointSchema = z.object({
  id: IdSchema,
  url: z.string(),
  kinds: z.array(z.enum(WEBHOOK_EVENT_KINDS)),
  createdAt: IsoDateTimeSchema,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;
export const WebhookEndpointListSchema = z.object({ data: z.array(WebhookEndpointSchema) });
export const CreatedWebhookEndpointSchema = WebhookEndpointSchema.extend({
  secret: z.string().describe('the signing secret (whsec_…); shown once'),
});
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpointSchema>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

/** One delivery of one event to one endpoint, with its latest try. */
export const WebhookDeliverySchema = z.object({
  id: IdSchema,
  endpointId: IdSchema,
  kind: z.enum(WEBHOOK_EVENT_KINDS),
  event: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  responseCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
  replayOf: IdSchema.nullable(),
  createdAt: IsoDateTimeSchema,
  lastAttemptAt: IsoDateTimeSchema.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export const WebhookDeliveryListSchema = z.object({ data: z.array(WebhookDeliverySchema) });

/** A job that failed its last retry, in the dead-letter view. */
export const DeadLetterSchema = z.object({
  id: IdSchema,
  queue: z.string(),
  subject: z.string().nullable().describe('what the job was about, e.g. a webhook delivery id'),
  error: z.string(),
  attempts: z.number().int(),
  failedAt: IsoDateTimeSchema,
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;
export const DeadLetterListSchema = z.object({ data: z.array(DeadLetterSchema) });
