import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { sessions, users } from '../../db/schema';
import { MS_PER_DAY } from '../../domain/shared';
import { createSecret, hashPassword, hashSecret, verifyPassword } from '../auth/secrets';
import { forgetAttempts, refundAttemptOf, type ThrottleKey, takeAttempts } from '../auth/throttle';
import { LIMIT_POLICIES } from '../auth/throttle-policy';
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
 * The one answer to every refused sign-up, whatever the reason: an API that said "this email
 * has an account" would let anyone list who uses this server.
 */
export const SIGN_UP_REFUSED =
  'No account can be created with these details. If you already have one, sign in; the operator of this Headway server can set a password with `headway user create`';

/**
 * Creates a user with a password (argon2id).
 * @param options.setPasswordOfImported lets a trusted operator (the CLI) give a password to a
 *   person who exists without one because the demo or an older import created them, keeping
 *   their memberships. Sign-up never does: without email verification, claiming such an account
 *   would hand a stranger the imported person's memberships, so sign-up retires the
 *   password-less account (see retirePlaceholderUser) and creates a fresh one.
 * @throws AppError `conflict` (SIGN_UP_REFUSED) for an existing account; the operator's CLI is
 *   told which.
 */
export async function createUser(
  db: Database,
  input: { email: string; name: string; password: string },
  options: { setPasswordOfImported?: boolean } = {},
) {
  const email = input.email.toLowerCase();
  // Hashed before looking the email up, so a refusal takes as long as a success.
  const passwordHash = await hashPassword(input.password);
  const [existing] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  if (existing?.passwordHash) {
    throw new AppError(
      'conflict',
      options.setPasswordOfImported ? 'An account with this email exists: it can sign in' : SIGN_UP_REFUSED,
    );
  }
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

/**
 * Signs a person up from the web or the API: counts the attempt against the sign-ups of the
 * client's address first (see LIMIT_POLICIES), then creates the account.
 */
export async function signUp(
  db: Database,
  input: { email: string; name: string; password: string },
  client: { addressKey: string | null },
) {
  if (client.addressKey) {
    await takeAttempts(db, [{ policy: LIMIT_POLICIES.signUpAddress, key: client.addressKey }]);
  }
  return createUser(db, input);
}

/** Opens a session for a user; the raw token goes into an HTTP-only cookie, only its hash is kept. */
export async function openSession(
  db: Database,
  user: { id: string; email: string; name: string },
): Promise<NewSession> {
  const token = createSecret('hws');
  const csrfToken = createSecret('csrf');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * MS_PER_DAY);
  await db.insert(sessions).values({ userId: user.id, tokenHash: hashSecret(token), csrfToken, expiresAt });
  return { token, csrfToken, expiresAt, user };
}

/**
 * Checks email and password, with the same answer for an unknown email and a wrong password,
 * after the same argon2 work. Failures count per account (the email, whether or not it exists)
 * and per client address; while either is locked even the right password is refused with 429.
 * Success forgets the account's failures and does not count against the address.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string },
  client: { addressKey: string | null },
): Promise<NewSession> {
  const email = input.email.toLowerCase();
  const account: ThrottleKey = { policy: LIMIT_POLICIES.signInAccount, key: email };
  const address: ThrottleKey | null = client.addressKey
    ? { policy: LIMIT_POLICIES.signInAddress, key: client.addressKey }
    : null;
  await takeAttempts(db, address ? [account, address] : [account]);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) throw new AppError('unauthenticated', 'The email or the password is wrong');
  await forgetAttempts(db, account);
  if (address) await refundAttemptOf(db, address);
  return openSession(db, { id: user.id, email: user.email, name: user.name });
}

export async function closeSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(token)));
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
