import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { apiTokens, sessions, users } from '../../db/schema';
import { createSecret, hashPassword, hashSecret, verifyPassword } from '../auth/secrets';
import { AppError, notFound } from '../errors';
import { retirePlaceholderUser } from './placeholder-users';

const SESSION_DAYS = 30;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string };
}

/**
 * Creates a user with a password (argon2id).
 * @param options.setPasswordOfImported lets a trusted operator (the CLI) give a password to a
 *   person who exists without one because the demo or an older import created them, keeping
 *   their memberships. Sign-up never does: without email verification, claiming such an account
 *   would hand a stranger the imported person's memberships, so sign-up retires the
 *   password-less account (see retirePlaceholderUser) and creates a fresh one.
 */
export async function createUser(
  db: Database,
  input: { email: string; name: string; password: string },
  options: { setPasswordOfImported?: boolean } = {},
) {
  const email = input.email.toLowerCase();
  const [existing] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  if (existing?.passwordHash)
    throw new AppError('conflict', 'An account with this email exists: sign in instead');
  const passwordHash = await hashPassword(input.password);
  if (existing && !options.setPasswordOfImported) {
    // A password-less account left by an older import proves nothing about who owns the address:
    // the person signing up gets a fresh account, and joins workspaces through invitations.
    return db.transaction(async (tx) => {
      await retirePlaceholderUser(tx, existing.id);
      const [row] = await tx
        .insert(users)
        .values({ email, name: input.name, passwordHash })
        .returning({ id: users.id, email: users.email, name: users.name });
      if (!row) throw new Error('insert returned no row');
      return row;
    });
  }
  if (existing) {
    const [updated] = await db
      .update(users)
      .set({ name: input.name, passwordHash })
      .where(eq(users.id, existing.id))
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!updated) throw notFound('User');
    return updated;
  }
  const [row] = await db
    .insert(users)
    .values({ email, name: input.name, passwordHash })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Opens a session for a user; the raw token goes into an HTTP-only cookie, only its hash is kept. */
export async function openSession(
  db: Database,
  user: { id: string; email: string; name: string },
): Promise<NewSession> {
  const token = createSecret('hws');
  const csrfToken = createSecret('csrf');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ userId: user.id, tokenHash: hashSecret(token), csrfToken, expiresAt });
  return { token, csrfToken, expiresAt, user };
}

/** Checks email and password; the same answer for an unknown email and a wrong password. */
export async function signIn(db: Database, email: string, password: string): Promise<NewSession> {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) throw new AppError('unauthenticated', 'The email or the password is wrong');
  return openSession(db, { id: user.id, email: user.email, name: user.name });
}

export async function closeSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(token)));
}

/** Creates an API token for a user; the token is returned once and stored hashed. */
export async function createApiToken(db: Database, userId: string, name: string) {
  const token = createSecret('hwt');
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashSecret(token) })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return { id: row.id, name: row.name, token, createdAt: row.createdAt.toISOString() };
}

export async function getUser(db: Database, userId: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId)));
  if (!user) throw notFound('User');
  return user;
}

export async function findUserByEmail(db: Database, email: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return user ?? null;
}
