/**
 * Publishing a workspace's ideas portal: on or off, at an address of its own. Publishing speaks
 * for the product function to the outside, so it is held like the roadmap decision (as published
 * assessment links are); every member may read the setting.
 */
import { and, count, eq } from 'drizzle-orm';
import type { PortalSettings, UpdatePortal } from '../../contract';
import type { Database } from '../../db/client';
import { portalSubmissions, workspacePortals } from '../../db/schema';
import { AppError, sqlStateOf } from '../errors';
import { type Actor, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';

/** The decision that publishing the portal belongs to. */
const PUBLISHING = 'roadmap';

async function countPending(db: Database, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(portalSubmissions)
    .where(and(eq(portalSubmissions.workspaceId, workspaceId), eq(portalSubmissions.status, 'pending')));
  return row?.n ?? 0;
}

/**
 * The workspace's portal: published or not, its address, its version, and the submissions
 * waiting for a member.
 * @param db the database
 * @param actor a member of the workspace
 */
export async function getPortalSettings(db: Database, actor: Actor): Promise<PortalSettings> {
  const [row] = await db
    .select()
    .from(workspacePortals)
    .where(eq(workspacePortals.workspaceId, actor.workspaceId));
  return {
    published: row?.published ?? false,
    slug: row?.slug ?? null,
    version: row?.version ?? 0,
    pending: await countPending(db, actor.workspaceId),
  };
}

/**
 * Publishes or unpublishes the portal at an address.
 * @param ctx the database and a member who holds the roadmap decision
 * @param input published, the address, and the version read (0 when never set)
 * @throws AppError `decision_not_yours`; `version_conflict` on a stale version; `conflict` when
 *   another workspace's portal has the address
 */
export async function updatePortal(ctx: CommandContext, input: UpdatePortal): Promise<PortalSettings> {
  await requireDecision(ctx.db, ctx.actor, PUBLISHING);
  try {
    return await inTransaction(ctx, async ({ db, actor }) => {
      const [current] = await db
        .select({ version: workspacePortals.version })
        .from(workspacePortals)
        .where(eq(workspacePortals.workspaceId, actor.workspaceId))
        .for('update');
      const version = current?.version ?? 0;
      if (version !== input.version) {
        throw new AppError(
          'version_conflict',
          `The portal was changed since you read it (version ${version}, you sent ${input.version}): reload and try again`,
          { details: { currentVersion: version } },
        );
      }
      const fields = {
        slug: input.slug,
        published: input.published,
        updatedBy: actor.userId,
        updatedAt: new Date(),
        version: version + 1,
      };
      if (current) {
        await db
          .update(workspacePortals)
          .set(fields)
          .where(eq(workspacePortals.workspaceId, actor.workspaceId));
      } else {
        await db.insert(workspacePortals).values({ workspaceId: actor.workspaceId, ...fields });
      }
      return {
        published: fields.published,
        slug: fields.slug,
        version: fields.version,
        pending: await countPending(db, actor.workspaceId),
      };
    });
  } catch (error) {
    if (sqlStateOf(error) === '23505') {
      throw new AppError(
        'conflict',
        `Another workspace's portal is at "${input.slug}": choose another address`,
      );
    }
    throw error;
  }
}
