/**
 * From committed changes to webhook deliveries. The workspace's live events are the outbox: each
 * endpoint keeps how far it has read them, so a change is turned into one delivery per endpoint
 * that wants its kind, exactly once however many servers do it; each delivery is then a job on
 * the queue, whose id is the delivery's, retried with backoff while the receiver fails.
 */
import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { LiveEventKind, WebhookEventKind } from '../../contract';
import type { Database } from '../../db/client';
import { webhookDeliveries, webhookEndpoints, workspaceEvents } from '../../db/schema';
import { type JobData, JobDataSchema, type JobKind, type JobQueue, readJob } from '../jobs/queue';
import { type SendOptions, sendWebhook } from './send';

export const WEBHOOK_QUEUE = 'webhook-delivery';
/** How many events one pass reads per endpoint (the next pass takes the rest). */
const EVENTS_PER_PASS = 500;

/** Which webhook kind a live event belongs to. */
export const WEBHOOK_KIND_OF: Record<LiveEventKind, WebhookEventKind | null> = {
  itemCreated: 'item',
  itemChanged: 'item',
  commentAdded: 'item',
  estimateAccepted: 'item',
  dependencyChanged: 'item',
  estimationSessionChanged: null,
  itemMoved: 'order',
  rankingApplied: 'order',
  snapshotPublished: 'plan',
  workspaceImported: 'plan',
  sampleDataAdded: 'plan',
  rationaleAmended: 'decision',
  formulaChanged: 'decision',
  estimationScaleSaved: 'decision',
  memberChanged: 'decision',
  // A workflow change is logged as a decision; a cycle's items and dates change the plan.
  workflowChanged: 'decision',
  cycleChanged: 'plan',
  // Every forecast stored: asked for on the forecast page, the CLI or the API, or a scheduled re-plan's.
  forecastMade: 'forecast',
};

export interface WebhookJob extends JobData {
  queue: typeof WEBHOOK_QUEUE;
  workspaceId: string;
  /** The delivery, which is also the job's id. */
  subject: string;
}

const WebhookJobSchema: z.ZodType<WebhookJob> = JobDataSchema.extend({
  queue: z.literal(WEBHOOK_QUEUE),
  workspaceId: z.string(),
  subject: z.string(),
});

/**
 * Turns the events that endpoints have not read yet into deliveries, in one transaction that
 * locks the endpoints it reads (another server's pass skips them), and advances each endpoint.
 * @returns the new deliveries, to enqueue once committed
 */
export async function createPendingDeliveries(db: Database): Promise<WebhookJob[]> {
  return db.transaction(async (tx) => {
    const endpoints = await tx
      .select()
      .from(webhookEndpoints)
      .where(isNull(webhookEndpoints.deletedAt))
      .for('update', { skipLocked: true });
    const created: WebhookJob[] = [];
    for (const endpoint of endpoints) {
      const events = await tx
        .select()
        .from(workspaceEvents)
        .where(
          and(
            eq(workspaceEvents.workspaceId, endpoint.workspaceId),
            gt(workspaceEvents.id, endpoint.lastEventId),
          ),
        )
        .orderBy(asc(workspaceEvents.id))
        .limit(EVENTS_PER_PASS);
      const last = events.at(-1);
      if (!last) continue;
      const wanted = events.filter((event) => {
        const kind = WEBHOOK_KIND_OF[event.kind];
        return kind !== null && endpoint.kinds.includes(kind);
      });
      if (wanted.length > 0) {
        const rows = await tx
          .insert(webhookDeliveries)
          .values(
            wanted.map((event) => ({
              endpointId: endpoint.id,
              workspaceId: endpoint.workspaceId,
              eventId: event.id,
              kind: WEBHOOK_KIND_OF[event.kind] ?? 'item',
              payload: {
                type: WEBHOOK_KIND_OF[event.kind],
                event: event.kind,
                eventId: String(event.id),
                workspaceId: event.workspaceId,
                itemIds: event.itemIds,
                occurredAt: event.createdAt.toISOString(),
              },
            })),
          )
          .onConflictDoNothing()
          .returning({ id: webhookDeliveries.id });
        for (const row of rows) {
          created.push({ queue: WEBHOOK_QUEUE, workspaceId: endpoint.workspaceId, subject: row.id });
        }
      }
      await tx
        .update(webhookEndpoints)
        .set({ lastEventId: last.id })
        .where(eq(webhookEndpoints.id, endpoint.id));
    }
    return created;
  });
}

/**
 * Enqueues deliveries: the job's id is the delivery's, so enqueueing one twice sends it once.
 * Also enqueues pending deliveries older than a minute that never got a job (the server stopped
 * between writing them and enqueueing them).
 */
export async function enqueueDeliveries(
  db: Database,
  queue: JobQueue,
  jobs: readonly WebhookJob[],
): Promise<void> {
  const stranded = await db
    .select({ id: webhookDeliveries.id, workspaceId: webhookDeliveries.workspaceId })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        eq(webhookDeliveries.attempts, 0),
        lt(webhookDeliveries.createdAt, sql`now() - interval '1 minute'`),
      ),
    )
    .limit(EVENTS_PER_PASS);
  const all = [
    ...jobs,
    ...stranded.map(
      (row) => ({ queue: WEBHOOK_QUEUE, workspaceId: row.workspaceId, subject: row.id }) as const,
    ),
  ];
  for (const job of all) await queue.send(job, { id: job.subject });
}

/**
 * The job that sends one delivery. A try records its outcome on the delivery; a failure throws
 * so the queue retries it with backoff, and the last failure leaves the delivery failed.
 * @param options how targets are resolved and checked, and how many retries
 */
export function webhookDeliveryJob(
  db: Database,
  options: SendOptions & { retryLimit?: number; retryDelaySeconds?: number },
): JobKind {
  const retryLimit = options.retryLimit ?? 6;
  return {
    queue: WEBHOOK_QUEUE,
    retryLimit,
    retryDelaySeconds: options.retryDelaySeconds ?? 15,
    run: async (data) => {
      const job = readJob(WebhookJobSchema, data);
      const [row] = await db
        .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(eq(webhookDeliveries.id, job.subject));
      // Sent already (a retried job whose earlier try succeeded), or its endpoint was removed.
      if (!row || row.delivery.status === 'delivered' || row.endpoint.deletedAt) return;
      const body = JSON.stringify({ id: row.delivery.id, ...(row.delivery.payload as object) });
      const outcome = await sendWebhook(
        row.endpoint.url,
        body,
        row.endpoint.secret,
        { 'headway-delivery': row.delivery.id, 'headway-event': String(row.delivery.eventId) },
        options,
      );
      const attempts = row.delivery.attempts + 1;
      const [updated] = await db
        .update(webhookDeliveries)
        .set({
          attempts,
          status: outcome.ok ? 'delivered' : attempts > retryLimit ? 'failed' : 'pending',
          responseCode: outcome.responseCode,
          durationMs: outcome.durationMs,
          error: outcome.error,
          lastAttemptAt: new Date(),
        })
        .where(
          and(
            eq(webhookDeliveries.id, row.delivery.id),
            inArray(webhookDeliveries.status, ['pending', 'failed']),
          ),
        )
        .returning({ id: webhookDeliveries.id });
      if (updated && !outcome.ok) throw new Error(outcome.error ?? 'the delivery failed');
    },
  };
}
