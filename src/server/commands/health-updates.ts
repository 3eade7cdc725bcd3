/**
 * Health updates: a person's call on a milestone (on track, at risk, off track) with a note, kept
 * as a history. Making the call is part of the roadmap decision, so only its holders post one.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { HealthUpdate, PostHealthUpdate } from '../../contract';
import type { Database } from '../../db/client';
import { healthUpdates, items, users } from '../../db/schema';
import { describeHealthStatus } from '../../domain/forecasting';
import { AppError, notFound, sqlStateOf } from '../errors';
import { isUuid, requireDecision } from '../policies/access';
import { importedName } from '../presenters/item';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';

/** The items a health update is about: the milestones of the roadmap and the epics under them. */
const MILESTONE_TYPES: ReadonlySet<string> = new Set(['initiative', 'epic']);

const columns = {
  id: healthUpdates.id,
  itemId: healthUpdates.itemId,
  version: healthUpdates.version,
  status: healthUpdates.status,
  note: healthUpdates.note,
  authorId: healthUpdates.authorId,
  authorName: users.name,
  importedAuthor: healthUpdates.importedAuthor,
  createdAt: healthUpdates.createdAt,
};

type HealthRow = { createdAt: Date; importedAuthor: string | null } & Omit<HealthUpdate, 'createdAt'>;

function presentHealthUpdate({ importedAuthor, ...row }: HealthRow): HealthUpdate {
  // A call that came in a Headway JSON file names its author as the file did.
  const authorName = row.authorName ?? (importedAuthor ? importedName(importedAuthor) : null);
  return { ...row, authorName, createdAt: row.createdAt.toISOString() };
}

async function loadMilestone(db: Database, workspaceId: string, itemId: string) {
  if (!isUuid(itemId)) throw notFound('Item');
  const [row] = await db
    .select({ id: items.id, number: items.number, title: items.title, type: items.type })
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.workspaceId, workspaceId)))
    .limit(1);
  if (!row) throw notFound('Item');
  return row;
}

async function findLatest(db: Database, itemId: string): Promise<HealthUpdate | null> {
  const [row] = await db
    .select(columns)
    .from(healthUpdates)
    .leftJoin(users, eq(users.id, healthUpdates.authorId))
    .where(eq(healthUpdates.itemId, itemId))
    .orderBy(desc(healthUpdates.version))
    .limit(1);
  return row ? presentHealthUpdate(row) : null;
}

function staleCall(latest: HealthUpdate | null, baseVersion: number): AppError {
  return new AppError(
    'version_conflict',
    latest
      ? `${latest.authorName ?? 'Someone'} called it ${describeHealthStatus(latest.status)} since you loaded it (now version ${latest.version}, you sent ${baseVersion}): read their note, then post again with baseVersion ${latest.version}`
      : `There is no health update yet: post with baseVersion 0 (you sent ${baseVersion})`,
    { details: { current: latest } },
  );
}

/**
 * Posts a health update on a milestone (the `roadmap` decision, logged). The caller sends the
 * version of the latest update they saw; a newer one refuses the call with 409 and the current one.
 * @param ctx the database and the acting member
 * @param input the milestone (an initiative or an epic), the call, its note and the base version
 * @returns the stored update, its version one above the base
 * @throws AppError not_found for an item outside the workspace, decision_not_yours (403 naming
 *   who decides), bad_request for an item that is not a milestone, version_conflict when stale
 */
export async function postHealthUpdate(
  ctx: CommandContext,
  input: PostHealthUpdate & { itemId: string },
): Promise<HealthUpdate> {
  const { db, actor } = ctx;
  const milestone = await loadMilestone(db, actor.workspaceId, input.itemId);
  await requireDecision(db, actor, 'roadmap');
  if (!MILESTONE_TYPES.has(milestone.type)) {
    throw new AppError(
      'bad_request',
      `#${milestone.number} is a ${milestone.type}: health updates are for initiatives and epics, post on the milestone it belongs to`,
    );
  }
  return inTransaction(ctx, async ({ db: tx }) => {
    const latest = await findLatest(tx, milestone.id);
    if ((latest?.version ?? 0) !== input.baseVersion) throw staleCall(latest, input.baseVersion);
    let id: string;
    try {
      const [row] = await tx
        .insert(healthUpdates)
        .values({
          workspaceId: actor.workspaceId,
          itemId: milestone.id,
          version: input.baseVersion + 1,
          status: input.status,
          note: input.note,
          authorId: actor.userId,
        })
        .returning({ id: healthUpdates.id });
      if (!row) throw new Error('insert returned no row');
      id = row.id;
    } catch (error) {
      // Two calls from the same version at once: the second loses, as if it had come later.
      if (sqlStateOf(error) === '23505') throw staleCall(null, input.baseVersion);
      throw error;
    }
    await recordDecision(tx, {
      workspaceId: actor.workspaceId,
      decision: 'roadmap',
      itemId: milestone.id,
      actorId: actor.userId,
      summary: `Called #${milestone.number} ${milestone.title} ${describeHealthStatus(input.status)}`,
      rationale: input.note,
      details: { healthUpdateId: id, status: input.status, version: input.baseVersion + 1 },
    });
    const [stored] = await tx
      .select(columns)
      .from(healthUpdates)
      .leftJoin(users, eq(users.id, healthUpdates.authorId))
      .where(eq(healthUpdates.id, id));
    return presentHealthUpdate(stored!);
  });
}

/**
 * A milestone's health updates, newest first.
 * @param db the database
 * @param workspaceId the workspace (another workspace's item answers 404)
 * @param itemId the milestone
 */
export async function findHealthUpdates(
  db: Database,
  workspaceId: string,
  itemId: string,
): Promise<HealthUpdate[]> {
  const milestone = await loadMilestone(db, workspaceId, itemId);
  const rows = await db
    .select(columns)
    .from(healthUpdates)
    .leftJoin(users, eq(users.id, healthUpdates.authorId))
    .where(eq(healthUpdates.itemId, milestone.id))
    .orderBy(desc(healthUpdates.version));
  return rows.map(presentHealthUpdate);
}

/**
 * The current call on every milestone of the workspace that has one: its latest health update.
 * @param db the database
 * @param workspaceId the workspace
 */
export async function findLatestHealthUpdates(db: Database, workspaceId: string): Promise<HealthUpdate[]> {
  const rows = await db
    .selectDistinctOn([healthUpdates.itemId], columns)
    .from(healthUpdates)
    .leftJoin(users, eq(users.id, healthUpdates.authorId))
    .where(eq(healthUpdates.workspaceId, workspaceId))
    .orderBy(healthUpdates.itemId, sql`${healthUpdates.version} desc`);
  return rows.map(presentHealthUpdate);
}
