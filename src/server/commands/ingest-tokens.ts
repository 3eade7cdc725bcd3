/**
 * Ingest tokens: what a deployment pipeline or an incident tool sends delivery events with. A
 * token belongs to one workspace and can post events there and nothing else: it is not an API
 * token, so the authentication of every other route does not know it. Only its SHA-256 is kept.
 */
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { CreatedIngestToken, CreateIngestToken, IngestToken } from '../../contract';
import type { Database } from '../../db/client';
import { ingestTokens } from '../../db/schema';
import { createSecret, hashSecret } from '../auth/secrets';
import { AppError, notFound } from '../errors';
import { isUuid, requireContributor } from '../policies/access';
import { type CommandContext, inTransaction } from './context';

/** The prefix of an ingest secret, so a leaked one is recognisable and never read as an API token. */
export const INGEST_PREFIX = 'hwi';
const INGEST_SECRET = /^hwi_[A-Za-z0-9_-]{43}$/;
const LAST_USED_PRECISION_MS = 60_000;
const CREATE_ONE = 'create a new one on the Delivery page (Event ingest tokens)';

/** True when a bearer secret is an ingest token's (by its prefix), whether or not it is known. */
export function isIngestSecret(secret: string): boolean {
  return secret.startsWith(`${INGEST_PREFIX}_`);
}

const present = (row: typeof ingestTokens.$inferSelect): IngestToken => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

/**
 * Creates an ingest token for the actor's workspace; the secret is returned once.
 * @throws AppError `forbidden` for a viewer
 */
export async function createIngestToken(
  ctx: CommandContext,
  input: CreateIngestToken,
): Promise<CreatedIngestToken> {
  requireContributor(ctx.actor);
  return inTransaction(ctx, async ({ db, actor }) => {
    const token = createSecret(INGEST_PREFIX);
    const [row] = await db
      .insert(ingestTokens)
      .values({
        workspaceId: actor.workspaceId,
        name: input.name,
        tokenHash: hashSecret(token),
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { ...present(row), token };
  });
}

/** The workspace's ingest tokens that are not revoked, newest first (never their secrets). */
export async function findIngestTokens(ctx: CommandContext): Promise<IngestToken[]> {
  const rows = await ctx.db
    .select()
    .from(ingestTokens)
    .where(and(eq(ingestTokens.workspaceId, ctx.actor.workspaceId), isNull(ingestTokens.revokedAt)))
    .orderBy(desc(ingestTokens.createdAt), desc(ingestTokens.id));
  return rows.map(present);
}

/**
 * Revokes one of the workspace's ingest tokens; it is refused from the next event on.
 * @throws AppError `not_found` for another workspace's token, an unknown one or one already revoked
 */
export async function revokeIngestToken(ctx: CommandContext, input: { tokenId: string }): Promise<void> {
  requireContributor(ctx.actor);
  if (!isUuid(input.tokenId)) throw notFound('Ingest token');
  await inTransaction(ctx, async ({ db, actor }) => {
    const revoked = await db
      .update(ingestTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(ingestTokens.id, input.tokenId),
          eq(ingestTokens.workspaceId, actor.workspaceId),
          isNull(ingestTokens.revokedAt),
        ),
      )
      .returning({ id: ingestTokens.id });
    if (revoked.length === 0) throw notFound('Ingest token');
  });
}

/**
 * Checks an ingest secret for a workspace and notes its use (at most once a minute).
 * @throws AppError `unauthenticated` for an unknown or revoked token; `not_found` when the token
 *   belongs to another workspace, as for any workspace that is not the caller's
 */
export async function resolveIngestToken(
  db: Database,
  secret: string,
  workspaceId: string,
  now = new Date(),
): Promise<{ tokenId: string }> {
  const [row] = INGEST_SECRET.test(secret)
    ? await db
        .select()
        .from(ingestTokens)
        .where(eq(ingestTokens.tokenHash, hashSecret(secret)))
        .limit(1)
    : [];
  if (!row) throw new AppError('unauthenticated', `This ingest token is unknown: ${CREATE_ONE}`);
  if (row.revokedAt) {
    throw new AppError(
      'unauthenticated',
      `This ingest token was revoked on ${row.revokedAt.toISOString().slice(0, 10)}: ${CREATE_ONE}`,
    );
  }
  if (row.workspaceId !== workspaceId) throw notFound('Workspace');
  const stale = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    await db
      .update(ingestTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(ingestTokens.id, row.id),
          or(isNull(ingestTokens.lastUsedAt), lt(ingestTokens.lastUsedAt, stale)),
        ),
      );
  }
  return { tokenId: row.id };
}
