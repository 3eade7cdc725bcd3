import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { ApiToken, CreatedToken, CreateToken } from '../../contract';
import { LIMITS } from '../../contract';
import type { Database } from '../../db/client';
import { apiTokens } from '../../db/schema';
import { MS_PER_DAY } from '../../domain/shared';
import { createSecret, hashSecret } from '../auth/secrets';
import type { MemberRow } from '../context';
import { AppError, notFound } from '../errors';
import { memberOf } from '../policies/access';

/** Last use is kept to the minute: reading it more precisely is not worth a write per request. */
const LAST_USED_PRECISION_MS = 60_000;
const CREATE_ONE = 'create a new one in Settings → API tokens, or with `headway token create`';

/**
 * Creates an API token for a user; the secret is returned once and only its SHA-256 is kept.
 * @param input.expiresInDays days until it stops working (default LIMITS.tokenDefaultDays).
 */
export async function createApiToken(
  db: Database,
  userId: string,
  input: CreateToken,
  now = new Date(),
): Promise<CreatedToken> {
  const token = createSecret('hwt');
  const expiresAt = new Date(now.getTime() + (input.expiresInDays ?? LIMITS.tokenDefaultDays) * MS_PER_DAY);
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name: input.name, tokenHash: hashSecret(token), createdAt: now, expiresAt })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return {
    id: row.id,
    name: row.name,
    token,
    createdAt: row.createdAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
}

/** A user's tokens that were not revoked, newest first, expired ones included and marked. */
export async function findApiTokens(db: Database, userId: string, now = new Date()): Promise<ApiToken[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: row.expiresAt !== null && row.expiresAt <= now,
  }));
}

/**
 * Revokes one of the user's own tokens; it stops working on the next request.
 * @throws AppError `not_found` for another person's token, an unknown one or one already revoked.
 */
export async function revokeApiToken(db: Database, userId: string, tokenId: string): Promise<void> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw notFound('API token');
}

function prepareTokenLookup(db: Database, withMember: boolean) {
  return db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      member: withMember ? memberOf('api_tokens', sql.placeholder('workspaceId')) : sql<null>`null`,
    })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare(undefined as unknown as string);
}

const lookups = new WeakMap<
  Database,
  Record<'withMember' | 'alone', ReturnType<typeof prepareTokenLookup>>
>();

/**
 * A token is read on every request it signs: the query is built once per database instead of
 * once per request. It is not named, so a server still plans it as an unnamed statement.
 */
function tokenLookups(db: Database) {
  let found = lookups.get(db);
  if (!found) {
    found = { withMember: prepareTokenLookup(db, true), alone: prepareTokenLookup(db, false) };
    lookups.set(db, found);
  }
  return found;
}

/**
 * The user an API token acts as, after checking it is known, not revoked and not expired; notes
 * when it was used (at most once a minute, by whichever server sees it first).
 * @param options.workspaceId also read the user's membership of this workspace, in the same query
 * @throws AppError `unauthenticated` saying whether the token is unknown, revoked or expired.
 */
export async function resolveApiToken(
  db: Database,
  secret: string,
  options: { now?: Date; workspaceId?: string | undefined } = {},
): Promise<{ tokenId: string; userId: string; member: MemberRow | null }> {
  const { now = new Date(), workspaceId } = options;
  const { withMember, alone } = tokenLookups(db);
  const values = { tokenHash: hashSecret(secret), workspaceId };
  const [row] = await (workspaceId ? withMember : alone).execute(values);
  if (!row) throw new AppError('unauthenticated', `This API token is unknown: ${CREATE_ONE}`);
  if (row.revokedAt) {
    throw new AppError(
      'unauthenticated',
      `This API token was revoked on ${row.revokedAt.toISOString().slice(0, 10)}: ${CREATE_ONE}`,
    );
  }
  if (row.expiresAt && row.expiresAt <= now) {
    throw new AppError(
      'unauthenticated',
      `This API token expired on ${row.expiresAt.toISOString().slice(0, 10)}: ${CREATE_ONE}`,
    );
  }
  const stale = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale))),
      );
  }
  return { tokenId: row.id, userId: row.userId, member: row.member };
}
