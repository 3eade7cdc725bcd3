/**
 * GitHub webhook deliveries to a connection: verified with the connection's webhook secret
 * (X-Hub-Signature-256, through @octokit/webhooks), applied once per X-GitHub-Delivery id, so a
 * redelivery changes nothing. Issues and pull requests go through the same writes as a sync;
 * finished deployments and published releases are recorded as delivery events.
 */
import { Webhooks } from '@octokit/webhooks';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { githubConnections, githubDeliveries } from '../../db/schema';
import { recordDeployment } from '../commands/delivery-events';
import { lockWorkspaceOrder } from '../commands/item-order';
import { AppError, notFound } from '../errors';
import { recordChanges } from '../live/record';
import { isUuid } from '../policies/access';
import { applyIssues, applyPulls } from './apply';
import { loadSealKey, unseal } from './seal';
import { DeploymentShape, DeploymentStatusShape, IssueShape, PullShape, ReleaseShape } from './shapes';
import { clientFor, deploymentRecord, type GithubOptions, lockConnection, releaseRecord } from './sync';

export interface WebhookDelivery {
  connectionId: string;
  deliveryId: string | undefined;
  event: string | undefined;
  signature: string | undefined;
  /** The body exactly as sent: the signature is over these bytes. */
  payload: string;
}

export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored';

const Repository = z.object({ full_name: z.string() }).loose();
const Payloads = {
  issues: z.object({ issue: IssueShape, repository: Repository }).loose(),
  pull_request: z.object({ pull_request: PullShape, repository: Repository }).loose(),
  deployment_status: z
    .object({ deployment: DeploymentShape, deployment_status: DeploymentStatusShape, repository: Repository })
    .loose(),
  release: z.object({ action: z.string(), release: ReleaseShape, repository: Repository }).loose(),
};
type Counted = 'issues' | 'pullRequests' | 'deployments' | 'releases';

function parsePayload<T extends z.ZodType>(shape: T, payload: string, event: string): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    throw new AppError(
      'validation_failed',
      'The payload is not JSON: set the webhook’s content type to application/json',
    );
  }
  const parsed = shape.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'validation_failed',
      `This ${event} payload lacks what Headway reads (${issue?.path.join('.')}: ${issue?.message})`,
    );
  }
  return parsed.data;
}

/**
 * Verifies and applies one delivery.
 * @returns applied, duplicate (this delivery id was applied before) or ignored (another event,
 *   or another repository)
 * @throws AppError `not_found` for an unknown connection, `unauthenticated` for a missing or
 *   wrong signature (nothing is read or written), `validation_failed` for a payload it cannot read
 */
export async function receiveWebhook(
  db: Database,
  delivery: WebhookDelivery,
  options: GithubOptions = {},
): Promise<WebhookOutcome> {
  if (!isUuid(delivery.connectionId)) throw notFound('GitHub connection');
  const [connection] = await db
    .select()
    .from(githubConnections)
    .where(eq(githubConnections.id, delivery.connectionId));
  if (!connection) throw notFound('GitHub connection');
  const secret = unseal(await loadSealKey(db), connection.webhookSecretSealed);
  const signature = delivery.signature ?? '';
  const verified =
    signature.startsWith('sha256=') && (await new Webhooks({ secret }).verify(delivery.payload, signature));
  if (!verified) {
    throw new AppError(
      'unauthenticated',
      'The X-Hub-Signature-256 of this delivery does not match the webhook secret Headway gave for this repository',
    );
  }
  const { deliveryId, event } = delivery;
  if (!deliveryId || !event) {
    throw new AppError(
      'validation_failed',
      'A GitHub delivery carries X-GitHub-Delivery and X-GitHub-Event headers: send both',
    );
  }
  const repository = `${connection.owner}/${connection.repo}`.toLowerCase();
  const ours = (r: { full_name: string }) => r.full_name.toLowerCase() === repository;
  // What a deployment or release delivers is prepared before the transaction: it may ask GitHub.
  let counted: Counted | null = null;
  let write: ((tx: Database) => Promise<number>) | null = null;
  const ws = connection.workspaceId;
  if (event === 'issues') {
    const body = parsePayload(Payloads.issues, delivery.payload, event);
    if (ours(body.repository)) {
      counted = 'issues';
      write = async (tx) => (await applyIssues(tx, ws, [body.issue])).length;
    }
  } else if (event === 'pull_request') {
    const body = parsePayload(Payloads.pull_request, delivery.payload, event);
    if (ours(body.repository)) {
      counted = 'pullRequests';
      write = async (tx) => (await applyPulls(tx, ws, [body.pull_request])).length;
    }
  } else if (event === 'deployment_status') {
    const body = parsePayload(Payloads.deployment_status, delivery.payload, event);
    const octokit = ours(body.repository) ? await clientFor(db, connection, options) : null;
    const record =
      octokit && (await deploymentRecord(octokit, connection, body.deployment, body.deployment_status));
    if (record) {
      counted = 'deployments';
      write = async (tx) => ((await recordDeployment(tx, ws, record)).outcome === 'created' ? 1 : 0);
    }
  } else if (event === 'release') {
    const body = parsePayload(Payloads.release, delivery.payload, event);
    const record =
      ours(body.repository) && ['published', 'released'].includes(body.action)
        ? releaseRecord(body.release)
        : null;
    if (record) {
      counted = 'releases';
      write = async (tx) => ((await recordDeployment(tx, ws, record)).outcome === 'created' ? 1 : 0);
    }
  }
  return db.transaction(async (t) => {
    const tx = t as unknown as Database;
    await lockConnection(tx, connection.id);
    const [fresh] = await tx
      .insert(githubDeliveries)
      .values({
        connectionId: connection.id,
        deliveryId: deliveryId.slice(0, 100),
        event: event.slice(0, 100),
      })
      .onConflictDoNothing()
      .returning({ id: githubDeliveries.deliveryId });
    if (!fresh) return 'duplicate';
    const [now] = await tx
      .select({ counts: githubConnections.counts })
      .from(githubConnections)
      .where(eq(githubConnections.id, connection.id));
    const counts = { ...(now?.counts ?? connection.counts) };
    if (counted) counts[counted] += 1;
    await tx
      .update(githubConnections)
      .set({ lastWebhookAt: new Date(), counts, version: sql`${githubConnections.version} + 1` })
      .where(eq(githubConnections.id, connection.id));
    if (!write) return 'ignored';
    await lockWorkspaceOrder(tx, ws);
    if ((await write(tx)) > 0) await recordChanges(tx, ws, [{ kind: 'workspaceImported' }]);
    return 'applied';
  });
}
