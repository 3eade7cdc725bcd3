import { eq, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { workspaces } from '../db/schema';
import { isUuid } from '../server/policies/access';

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
