import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { memberships, users } from '../../db/schema';
import type { WorkspaceMember } from '../../domain/import';

/**
 * The members of a workspace by email and name, to match the people an import names. Reads only.
 * @param db the database
 * @param workspaceId the workspace
 */
export async function findWorkspaceMembers(db: Database, workspaceId: string): Promise<WorkspaceMember[]> {
  return db
    .select({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId));
}
