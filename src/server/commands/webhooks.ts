/**
 * Outgoing webhooks: a workspace's endpoints, the log of what was sent to them, and replays.
 * Who manages them: the founder (the workspace's owner) and the technical leads (CTO, CTPO), since
 * an endpoint sends the workspace's changes out of Headway.
 */
import { and, desc, eq, isNull, max } from 'drizzle-orm';
import type {
  CreatedWebhookEndpoint,
  CreateWebhookEndpoint,
  WebhookDelivery,
  WebhookEndpoint,
} from '../../contract';
import { webhookDeliveries, webhookEndpoints, workspaceEvents } from '../../db/schema';
import { ROLE_LABELS, type Role } from '../../domain/decision-rights';
import { createSecret } from '../auth/secrets';
import { AppError, notFound } from '../errors';
import { type Actor, isUuid } from '../policies/access';
import { checkWebhookUrl, type TargetPolicy } from '../webhooks/target';
import { type CommandContext, inTransaction } from './context';

/** The roles that may add, remove and replay webhooks. */
export const WEBHOOK_MANAGERS: readonly Role[] = ['founder', 'cto', 'ctpo'];
const DELIVERIES_SHOWN = 100;

/** Refuses unless the actor is the founder or a technical lead. */
export function requireWebhookManager(actor: Actor): void {
  if (WEBHOOK_MANAGERS.includes(actor.role)) return;
  throw new AppError(
    'forbidden',
    `Webhooks send the workspace's changes out of Headway: only the ${WEBHOOK_MANAGERS.map((r) => ROLE_LABELS[r]).join(', ')} manage them`,
    { details: { role: actor.role } },
  );
}

const presentEndpoint = (row: typeof webhookEndpoints.$inferSelect): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  kinds: row.kinds,
  createdAt: row.createdAt.toISOString(),
});

/** A delivery row as the delivery log shows it. */
export function presentDelivery(row: typeof webhookDeliveries.$inferSelect): WebhookDelivery {
  const payload = row.payload as { event?: unknown };
  return {
    id: row.id,
    endpointId: row.endpointId,
    kind: row.kind,
    event: typeof payload.event === 'string' ? payload.event : row.kind,
    status: row.status,
    attempts: row.attempts,
    responseCode: row.responseCode,
    durationMs: row.durationMs,
    error: row.error,
    replayOf: row.replayOf,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
  };
}

/**
 * Registers an endpoint; it receives the workspace's changes from now on. The signing secret is
 * returned once.
 * @throws AppError `forbidden` for a member who does not manage webhooks; `validation_failed`
 *   for a URL that is not http(s) or names an address the operator does not allow
 */
export async function createWebhookEndpoint(
  ctx: CommandContext,
  input: CreateWebhookEndpoint,
  policy: TargetPolicy,
): Promise<CreatedWebhookEndpoint> {
  requireWebhookManager(ctx.actor);
  const url = checkWebhookUrl(input.url, policy);
  return inTransaction(ctx, async ({ db, actor }) => {
    const [latest] = await db
      .select({ id: max(workspaceEvents.id) })
      .from(workspaceEvents)
      .where(eq(workspaceEvents.workspaceId, actor.workspaceId));
    const secret = createSecret('whsec');
    const [row] = await db
      .insert(webhookEndpoints)
      .values({
        workspaceId: actor.workspaceId,
        url: url.toString(),
        kinds: [...new Set(input.kinds)],
        secret,
        lastEventId: latest?.id ?? 0,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { ...presentEndpoint(row), secret };
  });
}

/** The workspace's endpoints, newest first (never their secrets). */
export async function findWebhookEndpoints(ctx: CommandContext): Promise<WebhookEndpoint[]> {
  requireWebhookManager(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, ctx.actor.workspaceId), isNull(webhookEndpoints.deletedAt)))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map(presentEndpoint);
}

async function getEndpoint(ctx: CommandContext, endpointId: string) {
  if (!isUuid(endpointId)) throw notFound('Webhook endpoint');
  const [row] = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.id, endpointId),
        eq(webhookEndpoints.workspaceId, ctx.actor.workspaceId),
        isNull(webhookEndpoints.deletedAt),
      ),
    );
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

/**
 * Removes an endpoint: nothing more is sent to it (deliveries already queued are dropped when
 * their turn comes). Its delivery log is kept.
 * @throws AppError `not_found` for another workspace's endpoint or one already removed
 */
export async function deleteWebhookEndpoint(
  ctx: CommandContext,
  input: { endpointId: string },
): Promise<void> {
  requireWebhookManager(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const row = await getEndpoint(tx, input.endpointId);
    await tx.db
      .update(webhookEndpoints)
      .set({ deletedAt: new Date() })
      .where(eq(webhookEndpoints.id, row.id));
  });
}

/** An endpoint's latest deliveries, newest first. */
export async function findWebhookDeliveries(
  ctx: CommandContext,
  input: { endpointId: string },
): Promise<WebhookDelivery[]> {
  requireWebhookManager(ctx.actor);
  const endpoint = await getEndpoint(ctx, input.endpointId);
  const rows = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpoint.id))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERIES_SHOWN);
  return rows.map(presentDelivery);
}

/**
 * Sends a delivery's payload again as a new delivery (its own tries and log line, `replayOf` the
 * original). The caller enqueues the returned delivery once this has committed.
 * @throws AppError `not_found` for another workspace's delivery or a removed endpoint's
 */
export async function replayWebhookDelivery(
  ctx: CommandContext,
  input: { endpointId: string; deliveryId: string },
): Promise<WebhookDelivery> {
  requireWebhookManager(ctx.actor);
  if (!isUuid(input.deliveryId)) throw notFound('Webhook delivery');
  return inTransaction(ctx, async (tx) => {
    const endpoint = await getEndpoint(tx, input.endpointId);
    const [original] = await tx.db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, input.deliveryId), eq(webhookDeliveries.endpointId, endpoint.id)));
    if (!original) throw notFound('Webhook delivery');
    const [row] = await tx.db
      .insert(webhookDeliveries)
      .values({
        endpointId: endpoint.id,
        workspaceId: endpoint.workspaceId,
        eventId: original.eventId,
        kind: original.kind,
        payload: original.payload,
        replayOf: original.replayOf ?? original.id,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return presentDelivery(row);
  });
}
