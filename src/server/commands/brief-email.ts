/**
 * The weekly brief by e-mail, per member: whether they asked for it, and the members who did (for
 * the scheduled send). Sending itself is `sendBriefDigest` (mail/brief-digest.ts), the one path
 * for the web app, the CLI and the schedule.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { memberships } from '../../db/schema';
import { notFound } from '../errors';
import type { Actor } from '../policies/access';
import { type CommandContext, inTransaction } from './context';

/**
 * Whether the member asked for their weekly brief by e-mail.
 * @param db the database
 * @param actor the member
 */
export async function getBriefByEmail(db: Database, actor: Actor): Promise<boolean> {
  const [row] = await db
    .select({ enabled: memberships.briefByEmail })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, actor.userId)));
  if (!row) throw notFound('Workspace');
  return row.enabled;
}

/**
 * Turns the member's own weekly e-mail on or off. Setting it twice to the same value changes
 * nothing, so no version is needed: it is the member's own choice, nobody else writes it.
 * @param ctx the database and the member
 * @param enabled true to get the brief by e-mail
 * @returns the setting as stored
 */
export async function setBriefByEmail(ctx: CommandContext, enabled: boolean): Promise<boolean> {
  const { actor } = ctx;
  return inTransaction(ctx, async ({ db }) => {
    const [row] = await db
      .update(memberships)
      .set({ briefByEmail: enabled })
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, actor.userId)))
      .returning({ enabled: memberships.briefByEmail });
    if (!row) throw notFound('Workspace');
    return row.enabled;
  });
}

/**
 * Every member, in every workspace, who asked for the weekly brief by e-mail.
 * @param db the database
 * @returns workspace and user ids, one pair per membership
 */
export async function findBriefSubscribers(db: Database): Promise<{ workspaceId: string; userId: string }[]> {
  return db
    .select({ workspaceId: memberships.workspaceId, userId: memberships.userId })
    .from(memberships)
    .where(eq(memberships.briefByEmail, true));
}
