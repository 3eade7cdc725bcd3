/**
 * Test factories that write rows directly, for tests whose subject is not sign-up or invitations:
 * a person is a users row with a password hash computed once per test process, and a session
 * opened by the same command sign-in uses. Where HTTP is the thing tested (sign-up, invitations,
 * sign-in limits), tests keep going through the API.
 */

import type { Database } from '../../src/db/client';
import { githubConnections, memberships, users } from '../../src/db/schema';
import type { Role } from '../../src/domain/decision-rights';
import { hashPassword } from '../../src/server/auth/secrets';
import { openSession } from '../../src/server/commands/auth';
import { createWorkspace } from '../../src/server/commands/workspaces';
import { loadSealKey, seal } from '../../src/server/github/seal';
import { TEST_PASSWORD, type TestClient } from './client';

let passwordHash: Promise<string> | undefined;

/** A person who can sign in with TEST_PASSWORD; the email is unique unless given. */
export async function buildUser(
  db: Database,
  overrides: { name?: string; email?: string } = {},
): Promise<{ id: string; email: string; name: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const name = overrides.name ?? 'Test Person';
  const email =
    overrides.email ??
    `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 10)}@example.com`;
  const [row] = await db
    .insert(users)
    .values({ email, name, passwordHash: await passwordHash })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Signs a client in as a user by opening a session directly (no HTTP, no password check). */
export async function signInDirectly(
  db: Database,
  client: TestClient,
  user: { id: string; email: string; name: string },
): Promise<void> {
  const session = await openSession(db, user);
  client.cookie = `headway_session=${session.token}`;
  client.csrf = session.csrfToken;
  client.userId = user.id;
}

/** A workspace founded by a user, with the default decision rights. */
export async function buildWorkspace(
  db: Database,
  founderId: string,
  name = 'Acme',
): Promise<{ id: string }> {
  return createWorkspace(db, founderId, { name });
}

/** Adds a user to a workspace in a role, as an accepted invitation would. */
export async function buildMembership(
  db: Database,
  options: { workspaceId: string; userId: string; role: Role; fte?: number; skills?: string[] },
): Promise<void> {
  await db.insert(memberships).values({
    workspaceId: options.workspaceId,
    userId: options.userId,
    role: options.role,
    fte: options.fte ?? 1,
    skills: options.skills ?? [],
  });
}

/** A GitHub connection of a workspace, sealed as a connect seals it, without asking GitHub. */
export async function buildGithubConnection(
  db: Database,
  workspaceId: string,
  secrets: { token?: string; webhookSecret?: string } = {},
): Promise<{ id: string }> {
  const key = await loadSealKey(db);
  const [row] = await db
    .insert(githubConnections)
    .values({
      workspaceId,
      owner: 'acme',
      repo: 'shop',
      tokenSealed: seal(key, secrets.token ?? `github_pat_${'x'.repeat(40)}`),
      webhookSecretSealed: seal(key, secrets.webhookSecret ?? 'a-webhook-secret'),
    })
    .returning({ id: githubConnections.id });
  if (!row) throw new Error('insert returned no row');
  return row;
}
