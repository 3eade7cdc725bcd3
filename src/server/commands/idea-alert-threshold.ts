/**
 * The workspace's threshold for promised ideas: below it, the chance of meeting an accepted idea's
 * date raises an alert. Setting it is a roadmap decision, so the log holds the setting and who
 * chose it and why; the latest entry is the one in force.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { IDEA_ALERT_BELOW, type IdeaAlertThreshold, type SetIdeaAlertThreshold } from '../../contract';
import type { Database } from '../../db/client';
import { decisionLog } from '../../db/schema';
import { AppError } from '../errors';
import { requireContributor, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';

/**
 * The threshold in force: the latest roadmap decision that set it, else the default (70 %).
 * @param db the database
 * @param workspaceId the workspace
 */
export async function getIdeaAlertThreshold(db: Database, workspaceId: string): Promise<IdeaAlertThreshold> {
  const [row] = await db
    .select({ id: decisionLog.id, details: decisionLog.details })
    .from(decisionLog)
    .where(
      and(
        eq(decisionLog.workspaceId, workspaceId),
        eq(decisionLog.decision, 'roadmap'),
        sql`${decisionLog.details} -> 'ideaAlertBelow' is not null`,
      ),
    )
    .orderBy(desc(decisionLog.id))
    .limit(1);
  const value = row?.details.ideaAlertBelow;
  return typeof value === 'number' && row
    ? { alertBelow: value, decisionId: row.id }
    : { alertBelow: IDEA_ALERT_BELOW, decisionId: null };
}

/**
 * Sets the threshold, as a roadmap decision (a refusal names who holds it). The caller names the
 * setting they saw (`basedOn`), so a change made on a stale page answers 409.
 * @param ctx the database and the member deciding
 * @param input the threshold in whole percent, an optional reason, and the setting it replaces
 * @returns the threshold now in force
 */
export async function setIdeaAlertThreshold(
  ctx: CommandContext,
  input: SetIdeaAlertThreshold,
): Promise<IdeaAlertThreshold> {
  const { actor } = ctx;
  requireContributor(actor);
  await requireDecision(ctx.db, actor, 'roadmap');
  return inTransaction(ctx, async ({ db: tx }) => {
    // One setter at a time per workspace, so two changes on the same page cannot both pass.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`idea-alert:${actor.workspaceId}`}))`);
    const current = await getIdeaAlertThreshold(tx, actor.workspaceId);
    if (current.decisionId !== input.basedOn) {
      throw new AppError(
        'version_conflict',
        `Someone set the threshold to ${Math.round(current.alertBelow * 100)} % since you loaded it: reload and decide again`,
        { details: { current } },
      );
    }
    const alertBelow = input.percent / 100;
    const entry = await recordDecision(tx, {
      workspaceId: actor.workspaceId,
      decision: 'roadmap',
      actorId: actor.userId,
      summary: `Set the alert threshold of promised ideas to ${input.percent} % (was ${Math.round(current.alertBelow * 100)} %)`,
      rationale: input.reason,
      details: { ideaAlertBelow: alertBelow, before: current.alertBelow },
    });
    return { alertBelow, decisionId: entry.id };
  });
}
