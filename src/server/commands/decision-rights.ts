import { and, eq } from 'drizzle-orm';
import type { DecisionRights } from '../../contract';
import { workspaces } from '../../db/schema';
import {
  DECISION_INFO,
  DECISIONS,
  describeInterimHold,
  findDecisionsHeld,
  findEffectiveHolders,
  findMatrixProblems,
  isDecisionMatrix,
  ROLES,
} from '../../domain/decision-rights';
import { AppError } from '../errors';
import { findTeam } from '../policies/access';
import { requireFounderTo } from '../policies/membership';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';

/** Who decides what in a workspace: the matrix, its holders today, and changing it. */

/**
 * The decision-rights matrix with who holds each decision in this team today (a founder holds,
 * in the interim, what nobody else on the team holds yet) and what the caller may decide.
 */
export async function getDecisionRights(ctx: CommandContext): Promise<DecisionRights> {
  const { db, actor } = ctx;
  const team = await findTeam(db, actor.workspaceId);
  return {
    version: actor.matrixVersion,
    matrix: actor.matrix,
    decisions: DECISIONS.map((id) => ({
      id,
      ...DECISION_INFO[id],
      interimUntil: describeInterimHold(actor.matrix, id) || null,
    })),
    holders: Object.fromEntries(
      DECISIONS.map((d) => [d, findEffectiveHolders(actor.matrix, d, team)]),
    ) as DecisionRights['holders'],
    mine: findDecisionsHeld(actor.matrix, actor, team),
  };
}

/**
 * Replaces the matrix (founder only), after checking exactly one accountable role per decision;
 * the change goes to the decision log in the same transaction.
 * @param ctx the database and the caller
 * @param input the version the caller saw, the new matrix and an optional why
 * @returns the decision rights as they now stand
 */
export async function updateDecisionRights(
  ctx: CommandContext,
  input: { version: number; matrix: Record<string, Record<string, string>>; rationale?: string | undefined },
): Promise<DecisionRights> {
  const { actor } = ctx;
  await requireFounderTo(ctx.db, actor, 'change who decides what');
  const { matrix } = input;
  if (!isDecisionMatrix(matrix)) {
    const problems = findMatrixProblems(matrix);
    throw new AppError('validation_failed', problems.map((p) => `${p.decision}: ${p.message}`).join('; '), {
      details: { problems },
    });
  }
  return inTransaction(
    ctx,
    async (txCtx) => {
      const tx = txCtx.db;
      const [row] = await tx
        .update(workspaces)
        .set({ decisionRights: matrix, decisionRightsVersion: input.version + 1 })
        .where(and(eq(workspaces.id, actor.workspaceId), eq(workspaces.decisionRightsVersion, input.version)))
        .returning({ id: workspaces.id });
      if (!row) {
        throw new AppError(
          'version_conflict',
          `Someone changed the decision rights since you loaded them (now version ${actor.matrixVersion}): reload and reapply`,
          { details: { currentVersion: actor.matrixVersion } },
        );
      }
      const changes = DECISIONS.flatMap((d) =>
        ROLES.flatMap((role) => {
          const before = actor.matrix[d][role];
          const after = matrix[d][role];
          return before === after ? [] : [{ decision: d, role, before, after }];
        }),
      );
      await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: 'team',
        actorId: actor.userId,
        summary: `Changed decision rights (${changes.length} cell${changes.length === 1 ? '' : 's'})`,
        rationale: input.rationale,
        details: { changes },
      });
      return getDecisionRights({ ...txCtx, actor: { ...actor, matrix, matrixVersion: input.version + 1 } });
    },
    () => ({ kind: 'memberChanged' }),
  );
}
