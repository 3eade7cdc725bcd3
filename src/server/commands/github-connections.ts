/**
 * A workspace's GitHub connection: connect a repository with a token (checked against GitHub
 * first), read its status, sync it now, disconnect. The token and the webhook secret are sealed
 * before they are stored and never answered again; the webhook secret is answered once, with the
 * connect. Items a connection wrote stay when it is disconnected.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ConnectedGithub, ConnectGithub, GithubConnection, GithubStatus } from '../../contract';
import { githubConnections, users } from '../../db/schema';
import { AppError } from '../errors';
import { createGithubClient } from '../github/client';
import { loadSealKey, seal } from '../github/seal';
import { describeFailure, type GithubOptions, syncGithubConnection } from '../github/sync';
import { requireToolAdmin } from '../policies/access';
import { type CommandContext, inTransaction } from './context';

/** Where the server answers and how it reaches GitHub. */
export interface GithubEnvironment extends GithubOptions {
  /** The origin people and GitHub reach this server at, for the webhook URL. */
  origin: string;
}

/** The path GitHub posts a connection's events to; its signature, not a session, authenticates it. */
export const webhookPath = (connectionId: string) => `/api/github/webhooks/${connectionId}`;

type Row = typeof githubConnections.$inferSelect;

function present(row: Row, connectedBy: string | null, origin: string): GithubConnection {
  return {
    id: row.id,
    repository: `${row.owner}/${row.repo}`,
    connectedAt: row.connectedAt.toISOString(),
    connectedBy,
    webhookUrl: `${origin}${webhookPath(row.id)}`,
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    lastSyncError: row.lastSyncError,
    lastWebhookAt: row.lastWebhookAt?.toISOString() ?? null,
    counts: row.counts,
  };
}

async function load(ctx: CommandContext): Promise<{ row: Row; connectedBy: string | null } | null> {
  const [found] = await ctx.db
    .select({ row: githubConnections, connectedBy: users.name })
    .from(githubConnections)
    .leftJoin(users, eq(users.id, githubConnections.connectedBy))
    .where(eq(githubConnections.workspaceId, ctx.actor.workspaceId));
  return found ?? null;
}

/** The workspace's connection as any member may see it (never its secrets), or none. */
export async function findGithubConnection(
  ctx: CommandContext,
  env: GithubEnvironment,
): Promise<GithubStatus> {
  const found = await load(ctx);
  return { connection: found ? present(found.row, found.connectedBy, env.origin) : null };
}

/**
 * Connects the workspace to a repository once GitHub has accepted the token for it.
 * @returns the connection and its webhook secret, shown this once
 * @throws AppError `forbidden` unless founder, CTO or CTPO; `conflict` when a repository is
 *   already connected; `validation_failed` when GitHub refuses the token or the repository
 */
export async function connectGithub(
  ctx: CommandContext,
  input: ConnectGithub,
  env: GithubEnvironment,
): Promise<ConnectedGithub> {
  requireToolAdmin(ctx.actor, 'connect GitHub');
  const existing = await load(ctx);
  if (existing) throw alreadyConnected(existing.row);
  const [owner, repo] = input.repository.split('/') as [string, string];
  try {
    const octokit = createGithubClient({
      token: input.token,
      baseUrl: env.baseUrl,
      etags: {},
      fresh: {},
      clock: env.clock,
    });
    await octokit.rest.repos.get({ owner, repo });
  } catch (error) {
    throw new AppError('validation_failed', `token: ${describeFailure(error)}`, {
      details: { field: 'token' },
    });
  }
  const webhookSecret = randomBytes(32).toString('hex');
  const key = await loadSealKey(ctx.db);
  const row = await inTransaction(ctx, async ({ db, actor }) => {
    const [created] = await db
      .insert(githubConnections)
      .values({
        workspaceId: actor.workspaceId,
        owner,
        repo,
        tokenSealed: seal(key, input.token),
        webhookSecretSealed: seal(key, webhookSecret),
        connectedBy: actor.userId,
      })
      .onConflictDoNothing({ target: githubConnections.workspaceId })
      .returning();
    if (!created) {
      const again = await load({ db, actor });
      throw again ? alreadyConnected(again.row) : new Error('a conflicting connection vanished');
    }
    return created;
  });
  const [me] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.userId));
  return { ...present(row, me?.name ?? null, env.origin), webhookSecret };
}

function alreadyConnected(row: Row): AppError {
  return new AppError(
    'conflict',
    `This workspace is connected to ${row.owner}/${row.repo}: disconnect it first to connect another repository or a new token`,
  );
}

function notConnected(): AppError {
  return new AppError('not_found', 'This workspace has no GitHub connection: connect a repository first');
}

/**
 * Syncs now what changed since the last sync.
 * @returns the status after it (a failed sync's error is in `lastSyncError`)
 */
export async function syncGithubNow(ctx: CommandContext, env: GithubEnvironment): Promise<GithubConnection> {
  requireToolAdmin(ctx.actor, 'sync GitHub');
  const found = await load(ctx);
  if (!found) throw notConnected();
  await syncGithubConnection(ctx.db, found.row.id, env).catch(() => null);
  const after = await load(ctx);
  if (!after) throw notConnected();
  return present(after.row, after.connectedBy, env.origin);
}

/** Disconnects: the sealed token and secret are deleted; the items it wrote stay. */
export async function disconnectGithub(ctx: CommandContext): Promise<void> {
  requireToolAdmin(ctx.actor, 'disconnect GitHub');
  await inTransaction(ctx, async ({ db, actor }) => {
    const gone = await db
      .delete(githubConnections)
      .where(eq(githubConnections.workspaceId, actor.workspaceId))
      .returning({ id: githubConnections.id });
    if (gone.length === 0) throw notConnected();
  });
}
