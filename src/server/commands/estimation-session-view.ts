/** Reading estimation sessions: the list, one session, and what each caller may see of the votes. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { EstimationSession, EstimationSessionItem, EstimationSessionSummary } from '../../contract';
import { STORY_POINT_DECK } from '../../contract/items';
import type { Database } from '../../db/client';
import { estimationSessions, estimationVotes, items, users } from '../../db/schema';
import type { AcceptedSessionEstimate } from '../../db/schema/estimation-sessions';
import { summarizeEstimationSession } from '../../domain/estimation';
import { notFound } from '../errors';
import { type Actor, isUuid } from '../policies/access';
import { presentItem } from '../presenters/item';

export type SessionRow = typeof estimationSessions.$inferSelect;

export async function loadSession(db: Database, workspaceId: string, sessionId: string): Promise<SessionRow> {
  if (!isUuid(sessionId)) throw notFound('Estimation session');
  const [row] = await db
    .select()
    .from(estimationSessions)
    .where(and(eq(estimationSessions.id, sessionId), eq(estimationSessions.workspaceId, workspaceId)))
    .limit(1);
  if (!row) throw notFound('Estimation session');
  return row;
}

/**
 * The sessions of a workspace, newest first.
 * @param db the database
 * @param workspaceId the workspace
 * @returns one summary per session
 */
export async function findEstimationSessions(
  db: Database,
  workspaceId: string,
): Promise<EstimationSessionSummary[]> {
  const rows = await db
    .select()
    .from(estimationSessions)
    .where(eq(estimationSessions.workspaceId, workspaceId))
    .orderBy(desc(estimationSessions.createdAt))
    .limit(100);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    state: row.state,
    unit: row.unit,
    itemCount: row.itemIds.length,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  }));
}

/**
 * One session as the caller may see it: before the reveal, only who has voted and the caller's
 * own votes; after it, every vote and the spread per item.
 * @param options.db the database
 * @param options.actor the caller
 * @param options.sessionId the session
 * @returns the session, or 404 (also for another workspace's session)
 */
export async function getEstimationSession(options: {
  db: Database;
  actor: Actor;
  sessionId: string;
}): Promise<EstimationSession> {
  const { db, actor } = options;
  const session = await loadSession(db, actor.workspaceId, options.sessionId);
  return presentSession(db, actor, session);
}

export async function presentSession(
  db: Database,
  actor: Actor,
  session: SessionRow,
): Promise<EstimationSession> {
  const itemRows =
    session.itemIds.length === 0
      ? []
      : await db
          .select()
          .from(items)
          .where(and(eq(items.workspaceId, session.workspaceId), inArray(items.id, session.itemIds)));
  const votes = await db
    .select({
      itemId: estimationVotes.itemId,
      voterId: estimationVotes.voterId,
      name: users.name,
      days: estimationVotes.days,
      size: estimationVotes.size,
    })
    .from(estimationVotes)
    .innerJoin(users, eq(users.id, estimationVotes.voterId))
    .where(eq(estimationVotes.sessionId, session.id))
    .orderBy(estimationVotes.createdAt);
  const revealed = session.state !== 'open';
  const inPoints = session.unit === 'points';
  const byId = new Map(itemRows.map((row) => [row.id, row]));
  const sessionItems: EstimationSessionItem[] = [];
  for (const itemId of session.itemIds) {
    const row = byId.get(itemId);
    if (!row) continue; // The item was deleted since the session started.
    const itemVotes = votes.filter((vote) => vote.itemId === itemId);
    const shown = revealed ? itemVotes : itemVotes.filter((vote) => vote.voterId === actor.userId);
    sessionItems.push({
      itemId,
      number: row.number,
      title: row.title,
      version: row.version,
      estimate: presentItem(row, []).estimate,
      voters: itemVotes.map((vote) => ({ voterId: vote.voterId, name: vote.name })),
      votes: shown.map((vote) => ({
        voterId: vote.voterId,
        name: vote.name,
        days: vote.days,
        size: vote.size,
      })),
      spread: revealed ? summarizeVotes({ votes: itemVotes, inPoints }) : null,
      accepted: acceptedEstimate(session.accepted[itemId]),
      acceptedPoints: acceptedPoints(session.accepted[itemId]),
      storyPoints: row.storyPoints,
    });
  }
  return {
    id: session.id,
    title: session.title,
    state: session.state,
    unit: session.unit,
    createdBy: session.createdBy,
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
    revealedAt: session.revealedAt ? session.revealedAt.toISOString() : null,
    items: sessionItems,
  };
}

function acceptedEstimate(entry: AcceptedSessionEstimate | undefined): EstimationSessionItem['accepted'] {
  return entry && 'likely' in entry ? entry : null;
}

function acceptedPoints(entry: AcceptedSessionEstimate | undefined): number | null {
  return entry && 'points' in entry ? entry.points : null;
}

function summarizeVotes(options: {
  votes: readonly { voterId: string; name: string; days: number }[];
  inPoints: boolean;
}): EstimationSessionItem['spread'] {
  const { votes } = options;
  if (votes.length === 0) return null;
  // Points are judged by card distance on the deck; days by ratio.
  const result = summarizeEstimationSession({
    votes: votes.map((vote) => ({ estimator: vote.voterId, value: vote.days })),
    ...(options.inPoints ? { deck: STORY_POINT_DECK } : {}),
  });
  if (!result.ok) return null;
  const names = new Map(votes.map((vote) => [vote.voterId, vote.name]));
  // The domain names estimators by id; people read names.
  const named = (text: string) => {
    let out = text;
    for (const [id, name] of names) out = out.split(id).join(name);
    return out;
  };
  const { summary } = result;
  return {
    count: summary.count,
    min: summary.min,
    max: summary.max,
    median: summary.median,
    spreadRatio: summary.spreadRatio,
    spreadSteps: summary.spreadSteps,
    outliers: summary.outliers.map((outlier) => ({
      voterId: outlier.estimator,
      name: names.get(outlier.estimator) ?? outlier.estimator,
      days: outlier.value,
      reason: outlier.reason,
    })),
    needsDiscussion: summary.needsDiscussion,
    reasons: summary.reasons.map(named),
  };
}
