/**
 * "Start this plan": the actions of one horizon of an assessment's growth plan become tasks under
 * a growth initiative, each assigned to a member who holds the action's owner role, so progress
 * on the plan is tracked like any other work. The plan is the product function's to run, so it
 * needs the roadmap decision, and assigning the owners needs the assignment decision, as any
 * assignment does.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { StartedPlan, StartPlan } from '../../contract';
import { items } from '../../db/schema';
import { actionLabel, HORIZON_LABELS, planLabel } from '../../domain/assessment';
import { ROLE_LABELS } from '../../domain/decision-rights';
import { AppError } from '../errors';
import { findTeam, requireDecision } from '../policies/access';
import { getAssessment } from './assessments';
import { type CommandContext, inTransaction } from './context';
import { createItem } from './items';

/** A task's description: the action's details, deliverables and exit criteria, as Markdown. */
function describeAction(action: { details: string; deliverables: string[]; exitCriteria: string[] }): string {
  const list = (title: string, lines: string[]) =>
    lines.length === 0 ? [] : ['', `**${title}**`, ...lines.map((l) => `- ${l}`)];
  return [
    action.details,
    ...list('Deliverables', action.deliverables),
    ...list('Done when', action.exitCriteria),
  ].join('\n');
}

/**
 * Starts one horizon of an assessment's growth plan as work, in one transaction.
 * @param ctx the database and the caller (the roadmap decision, and assignment for owned actions)
 * @param input.number the assessment; input.horizon the horizon to start
 * @returns the initiative, its tasks and the actions whose owner role nobody holds yet
 * @throws AppError `validation_failed` for a horizon without actions; `conflict` when it was started already
 */
export async function startGrowthPlan(
  ctx: CommandContext,
  input: StartPlan & { number: number },
): Promise<StartedPlan> {
  const { db, actor } = ctx;
  await requireDecision(db, actor, 'roadmap');
  const { report } = await getAssessment(db, actor, input.number);
  const actions = report.plan.horizons.find((h) => h.horizon === input.horizon)?.actions ?? [];
  const horizonLabel = HORIZON_LABELS[input.horizon] ?? input.horizon;
  if (actions.length === 0) {
    throw new AppError(
      'validation_failed',
      `horizon: the growth plan of assessment #${input.number} has no actions for "${horizonLabel}"; pick another horizon`,
    );
  }
  const label = planLabel(input.number, input.horizon);
  const team = await findTeam(db, actor.workspaceId);
  return inTransaction(ctx, async (tx) => {
    const [started] = await tx.db
      .select({ number: items.number })
      .from(items)
      .where(
        and(
          eq(items.workspaceId, actor.workspaceId),
          eq(items.type, 'initiative'),
          sql`${items.labels} @> ${JSON.stringify([label])}::jsonb`,
        ),
      )
      .limit(1);
    if (started) {
      throw new AppError(
        'conflict',
        `"${horizonLabel}" of assessment #${input.number} was already started as initiative #${started.number}`,
        { details: { initiativeNumber: started.number } },
      );
    }
    const initiative = await createItem(tx, {
      type: 'initiative',
      title: `Growth plan: ${horizonLabel} (assessment #${input.number})`,
      description: `The actions of the growth plan of assessment #${input.number} for "${horizonLabel}".`,
      labels: ['growth-plan', label],
    });
    const created = [];
    const unowned: StartedPlan['unowned'] = [];
    for (const action of actions) {
      const owner = team.find((m) => m.role === action.owner);
      if (!owner) unowned.push({ actionId: action.id, title: action.title, owner: action.owner });
      const ownerNote = owner ? '' : `\n\nOwner: the ${ROLE_LABELS[action.owner]}, once on the team.`;
      created.push(
        await createItem(tx, {
          type: 'task',
          title: action.title,
          description: `${describeAction(action)}${ownerNote}`,
          parentId: initiative.id,
          labels: ['growth-plan', label, actionLabel(action.id)],
          ...(owner ? { assigneeId: owner.userId } : {}),
        }),
      );
    }
    return { initiative, items: created, unowned };
  });
}
