/**
 * Delivery events as pipelines and incident tools send them. Every event carries the sender's
 * key, so a retried send is the same event: a deployment's key is recorded once (the first
 * report wins), an incident's key opens it once and resolves it once.
 */
import { and, eq } from 'drizzle-orm';
import type { DeploymentEvent, EventBatch, EventReceipt, IncidentEvent } from '../../contract';
import type { Database } from '../../db/client';
import { deployments, incidents } from '../../db/schema';
import { AppError } from '../errors';

/**
 * Records a deployment of a workspace, once per key.
 * @returns `created`, or `unchanged` when the key was already recorded
 */
export async function recordDeployment(
  db: Database,
  workspaceId: string,
  event: DeploymentEvent,
): Promise<EventReceipt> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(deployments)
      .values({
        workspaceId,
        key: event.key,
        environment: event.environment,
        deployedAt: new Date(event.deployedAt),
        commitTimes: event.commitTimes.map((c) => new Date(c)),
        succeeded: event.succeeded,
      })
      .onConflictDoNothing({ target: [deployments.workspaceId, deployments.key] })
      .returning({ id: deployments.id });
    if (created) return { id: created.id, key: event.key, outcome: 'created' as const };
    const [known] = await tx
      .select({ id: deployments.id })
      .from(deployments)
      .where(and(eq(deployments.workspaceId, workspaceId), eq(deployments.key, event.key)));
    if (!known) throw new Error('a conflicting deployment vanished');
    return { id: known.id, key: event.key, outcome: 'unchanged' as const };
  });
}

/**
 * Opens, resolves or names the cause of an incident of a workspace. A new key needs `openedAt`;
 * a known key takes a `resolvedAt` or a `causedBy` it does not have yet and keeps what it has.
 * @returns `created`, `updated` (resolved or cause named) or `unchanged`
 * @throws AppError `validation_failed` naming openedAt (a new incident without it) or resolvedAt
 *   (before the recorded opening)
 */
export async function recordIncident(
  db: Database,
  workspaceId: string,
  event: IncidentEvent,
): Promise<EventReceipt> {
  return db.transaction(async (tx) => {
    const mine = and(eq(incidents.workspaceId, workspaceId), eq(incidents.key, event.key));
    const [known] = await tx.select().from(incidents).where(mine).for('update');
    if (!known) {
      if (!event.openedAt) {
        throw new AppError(
          'validation_failed',
          `openedAt: incident ${event.key} is new; send when it opened (ISO 8601 with an offset) before resolving it`,
          { details: { field: 'openedAt' } },
        );
      }
      const [created] = await tx
        .insert(incidents)
        .values({
          workspaceId,
          key: event.key,
          openedAt: new Date(event.openedAt),
          resolvedAt: event.resolvedAt ? new Date(event.resolvedAt) : null,
          causedBy: event.causedBy ?? null,
        })
        .returning({ id: incidents.id });
      if (!created) throw new Error('insert returned no row');
      return { id: created.id, key: event.key, outcome: 'created' as const };
    }
    const changes: Partial<typeof incidents.$inferInsert> = {};
    if (event.resolvedAt && !known.resolvedAt) {
      const resolvedAt = new Date(event.resolvedAt);
      if (resolvedAt < known.openedAt) {
        throw new AppError(
          'validation_failed',
          `resolvedAt: ${event.resolvedAt} is before incident ${event.key} opened (${known.openedAt.toISOString()}); give a later time`,
          { details: { field: 'resolvedAt' } },
        );
      }
      changes.resolvedAt = resolvedAt;
    }
    if (event.causedBy && !known.causedBy) changes.causedBy = event.causedBy;
    if (Object.keys(changes).length === 0)
      return { id: known.id, key: event.key, outcome: 'unchanged' as const };
    await tx.update(incidents).set(changes).where(eq(incidents.id, known.id));
    return { id: known.id, key: event.key, outcome: 'updated' as const };
  });
}

/** How many events of a batch were created, updated or already known. */
export type BatchOutcome = Record<'deployments' | 'incidents', Record<EventReceipt['outcome'], number>>;

/**
 * Records a batch of events all or nothing: deployments first, then incidents.
 * @returns how many of each were created, updated and unchanged
 * @throws AppError `validation_failed` for an incident the batch cannot record (nothing is kept)
 */
export async function recordEventBatch(
  db: Database,
  workspaceId: string,
  batch: EventBatch,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = {
    deployments: { created: 0, updated: 0, unchanged: 0 },
    incidents: { created: 0, updated: 0, unchanged: 0 },
  };
  await db.transaction(async (tx) => {
    const joined = tx as unknown as Database;
    for (const event of batch.deployments) {
      outcome.deployments[(await recordDeployment(joined, workspaceId, event)).outcome] += 1;
    }
    for (const event of batch.incidents) {
      outcome.incidents[(await recordIncident(joined, workspaceId, event)).outcome] += 1;
    }
  });
  return outcome;
}
