import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  AcceptSessionEstimate,
  CastEstimationVote,
  CreateEstimationSession,
  EstimationSession,
} from '../../contract';
import { STORY_POINT_DECK } from '../../contract/items';
import { estimationSessions, estimationVotes, items } from '../../db/schema';
import type { AcceptedSessionEstimate } from '../../db/schema/estimation-sessions';
import { canDecide } from '../../domain/decision-rights';
import { mapTShirtSize, type TShirtScale } from '../../domain/estimation';
import { AppError, notFound } from '../errors';
import { requireContributor, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { loadTShirtScale } from './estimation-scale';
import { loadSession, presentSession } from './estimation-session-view';
import { updateItem } from './items';

/** Estimation sessions: several estimators vote on the same items, revealed together. */

/** The tech roles vote in a session even where the matrix does not make them R or A. */
const TECH_ROLES = new Set(['cto', 'ctpo', 'developer']);

/** Converts a size to days with the workspace's ranges, or refuses an unknown size. */
function sizeToEstimate(size: string, scale: TShirtScale) {
  const mapped = mapTShirtSize({ size, scale });
  if (!mapped.ok) throw new AppError('validation_failed', `size: ${mapped.message}`);
  return mapped.estimate;
}

/**
 * Starts a session on items of the workspace (the estimates decision).
 * @param ctx the database and the caller
 * @param input the title and the items
 * @returns the new session
 */
export async function createEstimationSession(
  ctx: CommandContext,
  input: CreateEstimationSession,
): Promise<EstimationSession> {
  const { db, actor } = ctx;
  requireContributor(actor);
  await requireDecision(db, actor, 'estimates');
  const found = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.workspaceId, actor.workspaceId), inArray(items.id, input.itemIds)));
  const known = new Set(found.map((row) => row.id));
  const missing = input.itemIds.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new AppError(
      'validation_failed',
      `itemIds: no such item in this workspace: ${missing.join(', ')}`,
      {
        details: { missing },
      },
    );
  }
  const [row] = await inTransaction(
    ctx,
    ({ db: tx }) =>
      tx
        .insert(estimationSessions)
        .values({
          workspaceId: actor.workspaceId,
          title: input.title,
          unit: input.unit ?? 'days',
          itemIds: input.itemIds,
          createdBy: actor.userId,
        })
        .returning(),
    () => ({ kind: 'estimationSessionChanged', itemIds: input.itemIds }),
  );
  if (!row) throw new Error('insert returned no session');
  return presentSession(db, actor, row);
}

/**
 * Casts or replaces the caller's vote on one item. Tech roles and holders of the estimates
 * decision vote; votes are taken until the session is closed.
 * @param ctx the database and the caller
 * @param input the session, the item and the days or size
 * @returns the session as the caller now sees it
 */
export async function castEstimationVote(
  ctx: CommandContext,
  input: CastEstimationVote & { sessionId: string },
): Promise<EstimationSession> {
  const { db, actor } = ctx;
  const session = await loadSession(db, actor.workspaceId, input.sessionId);
  requireContributor(actor);
  if (!TECH_ROLES.has(actor.role) && !canDecide(actor.matrix, actor.role, 'estimates')) {
    await requireDecision(db, actor, 'estimates');
  }
  if (session.state === 'closed') {
    throw new AppError('conflict', `“${session.title}” is closed: start a new session to estimate again`);
  }
  if (!session.itemIds.includes(input.itemId)) {
    throw new AppError('validation_failed', 'itemId: that item is not part of this session');
  }
  if (session.unit === 'points' && input.points === undefined) {
    throw new AppError(
      'validation_failed',
      `points: “${session.title}” is estimated in story points; vote with a card of the deck (${STORY_POINT_DECK.join(', ')})`,
    );
  }
  if (session.unit !== 'points' && input.points !== undefined) {
    throw new AppError(
      'validation_failed',
      `points: “${session.title}” is estimated in days; vote with days or a size`,
    );
  }
  // In a points session the value is the card; in a days session, the days.
  const days =
    input.points !== undefined
      ? input.points
      : input.size === undefined
        ? (input.days ?? 0)
        : sizeToEstimate(input.size, await loadTShirtScale(db, actor.workspaceId)).likely;
  const now = new Date();
  await inTransaction(
    ctx,
    ({ db: tx }) =>
      tx
        .insert(estimationVotes)
        .values({
          sessionId: session.id,
          itemId: input.itemId,
          voterId: actor.userId,
          days,
          size: input.size ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [estimationVotes.sessionId, estimationVotes.itemId, estimationVotes.voterId],
          set: { days, size: input.size ?? null, updatedAt: now },
        }),
    () => ({ kind: 'estimationSessionChanged', itemIds: [input.itemId] }),
  );
  return presentSession(db, actor, session);
}

/**
 * Reveals every vote at once (the estimates decision). Revealing twice changes nothing.
 * @param ctx the database and the caller
 * @param input the session
 * @returns the revealed session with the spread per item
 */
export async function revealEstimationSession(
  ctx: CommandContext,
  input: { sessionId: string },
): Promise<EstimationSession> {
  const { db, actor } = ctx;
  const session = await loadSession(db, actor.workspaceId, input.sessionId);
  requireContributor(actor);
  await requireDecision(db, actor, 'estimates');
  if (session.state !== 'open') return presentSession(db, actor, session);
  const now = new Date();
  const [row] = await inTransaction(
    ctx,
    ({ db: tx }) =>
      tx
        .update(estimationSessions)
        .set({ state: 'revealed', revealedAt: now, updatedAt: now })
        .where(and(eq(estimationSessions.id, session.id), eq(estimationSessions.state, 'open')))
        .returning(),
    () => ({ kind: 'estimationSessionChanged' }),
  );
  return presentSession(db, actor, row ?? (await loadSession(db, actor.workspaceId, session.id)));
}

/**
 * Accepts a three-point estimate for one item of a revealed session (the estimates decision).
 * The estimate is written through the item update, so a stale version answers 409 and the
 * decision goes to the log; the session closes once every item has an accepted estimate.
 * @param ctx the database and the caller
 * @param input the session, the item, its version, and the estimate or a size
 * @returns the session after the acceptance
 */
export async function acceptSessionEstimate(
  ctx: CommandContext,
  input: AcceptSessionEstimate & { sessionId: string },
): Promise<EstimationSession> {
  const { db, actor } = ctx;
  const session = await loadSession(db, actor.workspaceId, input.sessionId);
  requireContributor(actor);
  await requireDecision(db, actor, 'estimates');
  if (!session.itemIds.includes(input.itemId)) {
    throw new AppError('validation_failed', 'itemId: that item is not part of this session');
  }
  if (session.state === 'open') {
    throw new AppError('conflict', `Reveal the votes of “${session.title}” before accepting an estimate`);
  }
  if (session.state === 'closed') {
    throw new AppError('conflict', `“${session.title}” is closed: every item already has its estimate`);
  }
  const votes = await db
    .select({ days: estimationVotes.days })
    .from(estimationVotes)
    .where(and(eq(estimationVotes.sessionId, session.id), eq(estimationVotes.itemId, input.itemId)));
  const unitName = session.unit === 'points' ? 'points' : 'days';
  const rationale =
    input.rationale ??
    `Accepted in the estimation session “${session.title}” from ${votes.length} vote${votes.length === 1 ? '' : 's'} (${votes
      .map((v) => v.days)
      .sort((x, y) => x - y)
      .join(', ')} ${unitName})`;
  let value: AcceptedSessionEstimate;
  if (session.unit === 'points') {
    if (input.points === undefined) {
      throw new AppError(
        'validation_failed',
        `points: “${session.title}” is estimated in story points; accept a card of the deck (${STORY_POINT_DECK.join(', ')})`,
      );
    }
    value = { points: input.points };
  } else {
    if (input.points !== undefined) {
      throw new AppError(
        'validation_failed',
        `points: “${session.title}” is estimated in days; accept an estimate or a size`,
      );
    }
    const estimate =
      input.size === undefined
        ? input.estimate
        : sizeToEstimate(input.size, await loadTShirtScale(db, actor.workspaceId));
    if (!estimate) throw new AppError('validation_failed', 'estimate: send an estimate or a size');
    value = {
      optimistic: estimate.optimistic,
      likely: estimate.likely,
      pessimistic: estimate.pessimistic,
    };
  }
  const accepted = value;
  // The item, its decision-log entry and the session change together or not at all.
  return inTransaction(
    ctx,
    async (tx) => {
      await updateItem(tx, {
        itemId: input.itemId,
        version: input.version,
        ...('points' in accepted ? { storyPoints: accepted.points } : { estimate: accepted }),
        rationale,
      });
      // Merged in the database, so two acceptances at once both stay.
      const [row] = await tx.db
        .update(estimationSessions)
        .set({
          accepted: sql`${estimationSessions.accepted} || ${JSON.stringify({ [input.itemId]: accepted })}::jsonb`,
          updatedAt: new Date(),
        })
        .where(eq(estimationSessions.id, session.id))
        .returning();
      if (!row) throw notFound('Estimation session');
      if (row.itemIds.every((id) => row.accepted[id] !== undefined)) {
        const [closed] = await tx.db
          .update(estimationSessions)
          .set({ state: 'closed' })
          .where(eq(estimationSessions.id, session.id))
          .returning();
        return presentSession(tx.db, actor, closed ?? row);
      }
      return presentSession(tx.db, actor, row);
    },
    () => ({ kind: 'estimateAccepted', itemIds: [input.itemId] }),
  );
}
