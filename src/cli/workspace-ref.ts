import { and, asc, eq, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { memberships, workspaces } from '../db/schema';
import { findUserByEmail } from '../server/commands/auth';
import { type Actor, findActor, isUuid } from '../server/policies/access';

/** Finds a workspace by id, slug or exact name, or explains what exists. */
export async function resolveWorkspace(db: Database, ref: string): Promise<{ id: string; name: string }> {
  const conditions = [eq(workspaces.slug, ref), eq(workspaces.name, ref)];
  if (isUuid(ref)) conditions.push(eq(workspaces.id, ref));
  const rows = await db
    .select({ id: workspaces.id, name: workspaces.name })
    .from(workspaces)
    .where(or(...conditions));
  if (rows.length === 1 && rows[0]) return rows[0];
  const all = await db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug })
    .from(workspaces);
  const known = all.map((w) => `${w.slug} (${w.name})`).join(', ') || 'none yet';
  if (rows.length > 1)
    throw new Error(`"${ref}" names ${rows.length} workspaces: use the slug or id. Workspaces: ${known}`);
  throw new Error(`No workspace "${ref}". Workspaces: ${known}`);
}

/**
 * The member a command acts as: the one with that e-mail (`--as`), else the workspace's first founder.
 * @throws Error when the e-mail is not a member's, saying to give --as
 */
export async function findActingMember(
  db: Database,
  workspaceId: string,
  email: string | undefined,
): Promise<Actor> {
  let userId: string | undefined;
  if (email) {
    userId = (await findUserByEmail(db, email))?.id;
  } else {
    const [founder] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'founder')))
      .orderBy(asc(memberships.joinedAt))
      .limit(1);
    userId = founder?.userId;
  }
  const actor = userId ? await findActor(db, userId, workspaceId) : null;
  if (!actor)
    throw new Error(
      `${email ?? 'Nobody'} is not a member of this workspace: give --as with a member's e-mail`,
    );
  return actor;
}
