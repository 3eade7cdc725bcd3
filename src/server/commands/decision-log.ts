/**
 * The decision log: who decided what, when and why. Entries are appended by the commands that
 * make decisions; the author may give or change the why of a recent entry of theirs, which is
 * itself logged as an amendment. Reading filters by decision, person, item, dates and text, newest
 * first, one keyset page at a time.
 */

import { and, desc, eq, gte, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { type DecisionLogEntry, splitDecisionList } from '../../contract';
import type { Database } from '../../db/client';
import { decisionLog, items, users } from '../../db/schema';
import type { Decision } from '../../domain/decision-rights';
import { MS_PER_DAY } from '../../domain/shared';
import { AppError, notFound } from '../errors';
import { isUuid, requireContributor } from '../policies/access';
import { importedName } from '../presenters/item';
import { type CommandContext, inTransaction } from './context';

export interface DecisionRecord {
  workspaceId: string;
  decision: Decision;
  itemId?: string | null;
  actorId: string | null;
  summary: string;
  rationale?: string | null | undefined;
  details?: Record<string, unknown>;
  createdAt?: Date;
  amendsId?: number | null;
}

/**
 * Appends to the decision log inside the caller's transaction: who decided what, when and why.
 * @returns the new entry's id and version, so a why can be given to it right after
 */
export async function recordDecision(
  db: Database,
  record: DecisionRecord,
): Promise<{ id: number; version: number }> {
  const [row] = await db
    .insert(decisionLog)
    .values({
      workspaceId: record.workspaceId,
      decision: record.decision,
      itemId: record.itemId ?? null,
      actorId: record.actorId,
      summary: record.summary,
      rationale: record.rationale || null,
      details: record.details ?? {},
      amendsId: record.amendsId ?? null,
      ...(record.createdAt ? { createdAt: record.createdAt } : {}),
    })
    .returning({ id: decisionLog.id, version: decisionLog.version });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * The filters of the decision log page and API, already checked by DecisionLogQuerySchema
 * (known decisions, from not after to).
 */
export interface DecisionFilter {
  decision?: string | undefined;
  actorId?: string | undefined;
  itemId?: string | undefined;
  itemNumber?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  workspaceWide?: 'true' | 'false' | boolean | undefined;
}

const CURSOR = /^[1-9]\d{0,17}$/;

/** The SQL conditions of a filter; bad values answer 400 (or 404 for an item not in the workspace). */
function buildConditions(workspaceId: string, filter: DecisionFilter): SQL[] {
  const where: SQL[] = [eq(decisionLog.workspaceId, workspaceId)];
  const decisions = filter.decision ? (splitDecisionList(filter.decision) as Decision[]) : undefined;
  if (decisions && decisions.length > 0) where.push(inArray(decisionLog.decision, decisions));
  // Decisions about the workspace as a whole (an applied ranking, a matrix change), not one item.
  if (filter.workspaceWide === true || filter.workspaceWide === 'true')
    where.push(isNull(decisionLog.itemId));
  if (filter.itemId) {
    if (!isUuid(filter.itemId)) throw notFound('Item');
    where.push(eq(decisionLog.itemId, filter.itemId));
  }
  if (filter.itemNumber !== undefined) where.push(eq(items.number, filter.itemNumber));
  if (filter.actorId) {
    // The person's own decisions, and those an imported file attributes to their address.
    const email = sql`(select ${users.email} from ${users} where ${users.id} = ${filter.actorId})`;
    where.push(or(eq(decisionLog.actorId, filter.actorId), eq(decisionLog.importedActor, email)) as SQL);
  }
  if (filter.from) where.push(gte(decisionLog.createdAt, new Date(`${filter.from}T00:00:00.000Z`)));
  if (filter.to) {
    where.push(lt(decisionLog.createdAt, new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + MS_PER_DAY)));
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(or(ilike(decisionLog.summary, pattern), ilike(decisionLog.rationale, pattern)) as SQL);
  }
  return where;
}

const entryColumns = {
  id: decisionLog.id,
  decision: decisionLog.decision,
  itemId: decisionLog.itemId,
  itemNumber: items.number,
  itemTitle: items.title,
  actorId: decisionLog.actorId,
  actorName: users.name,
  importedActor: decisionLog.importedActor,
  summary: decisionLog.summary,
  rationale: decisionLog.rationale,
  details: decisionLog.details,
  createdAt: decisionLog.createdAt,
  version: decisionLog.version,
  amendsId: decisionLog.amendsId,
};

type EntryRow = Awaited<ReturnType<typeof selectEntries>>[number];

function presentEntry(r: EntryRow): DecisionLogEntry {
  return {
    ...r,
    id: String(r.id),
    decision: r.decision,
    actorName: r.actorName ?? (r.importedActor ? importedName(r.importedActor) : 'someone who left'),
    createdAt: r.createdAt.toISOString(),
    amendsId: r.amendsId === null ? null : String(r.amendsId),
  };
}

/** Selects log entries matching the conditions, newest first (by time, then id). */
function selectEntries(db: Database, where: SQL[]) {
  return db
    .select(entryColumns)
    .from(decisionLog)
    .leftJoin(users, eq(users.id, decisionLog.actorId))
    .leftJoin(items, eq(items.id, decisionLog.itemId))
    .where(and(...where))
    .orderBy(desc(decisionLog.createdAt), desc(decisionLog.id));
}

/**
 * The decision log, newest first, filtered, one page at a time. The cursor is the id of the last
 * entry of the previous page; paging is by (time, id), so entries imported with past times and
 * entries written in the same microsecond page in a stable order.
 * @param db the database
 * @param workspaceId the workspace
 * @param options filters, page size and cursor
 * @returns a page of entries and the cursor of the next one (null on the last)
 */
export async function findDecisions(
  db: Database,
  workspaceId: string,
  options: DecisionFilter & { limit: number; cursor?: string | undefined },
): Promise<{ data: DecisionLogEntry[]; nextCursor: string | null }> {
  const where = buildConditions(workspaceId, options);
  if (options.cursor) {
    const known =
      CURSOR.test(options.cursor) &&
      (
        await db
          .select({ id: decisionLog.id })
          .from(decisionLog)
          .where(and(eq(decisionLog.id, Number(options.cursor)), eq(decisionLog.workspaceId, workspaceId)))
      ).length === 1;
    if (!known) {
      throw new AppError(
        'bad_request',
        'The cursor is not one this server handed out: drop it to start over',
      );
    }
    where.push(
      sql`(${decisionLog.createdAt}, ${decisionLog.id}) < (select c.created_at, c.id from decision_log c where c.id = ${Number(options.cursor)})`,
    );
  }
  const rows = await selectEntries(db, where).limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return {
    data: page.map(presentEntry),
    nextCursor: rows.length > options.limit ? String(page[page.length - 1]?.id) : null,
  };
}

/**
 * Every entry matching a filter, newest first, up to `max` (for the CSV export).
 * @returns the entries and whether more matched than were returned
 */
export async function findAllDecisions(
  db: Database,
  workspaceId: string,
  filter: DecisionFilter,
  max: number,
): Promise<{ data: DecisionLogEntry[]; truncated: boolean }> {
  const rows = await selectEntries(db, buildConditions(workspaceId, filter)).limit(max + 1);
  return { data: rows.slice(0, max).map(presentEntry), truncated: rows.length > max };
}

/** How long after a decision its author may still give or change its why. */
export const AMEND_WINDOW_DAYS = 7;

/**
 * Gives or changes the why of one of the caller's own recent decisions. The entry's version must
 * be the one the caller saw (409 otherwise); the change is appended to the log as an amendment
 * that keeps the previous why, so the history is not silently rewritten.
 * @param ctx the database and the member giving the why (must be the entry's author)
 * @param input the decision-log entry, the version seen and the why
 * @returns the entry with its why
 */
export async function amendRationale(
  ctx: CommandContext,
  input: { entryId: string; version: number; rationale: string },
): Promise<DecisionLogEntry> {
  const { actor } = ctx;
  const now = new Date();
  requireContributor(actor);
  if (!CURSOR.test(input.entryId)) throw notFound('Decision');
  const id = Number(input.entryId);
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      const [entry] = await tx
        .select()
        .from(decisionLog)
        .where(and(eq(decisionLog.id, id), eq(decisionLog.workspaceId, actor.workspaceId)))
        .for('update');
      if (!entry) throw notFound('Decision');
      if (entry.actorId !== actor.userId) {
        throw new AppError('forbidden', 'Only the person who made a decision can give or change its why', {
          details: { actorId: entry.actorId },
        });
      }
      if (entry.amendsId !== null) {
        throw new AppError(
          'validation_failed',
          `This entry is itself an amendment: give the why on the decision it amends (${entry.amendsId})`,
        );
      }
      if (now.getTime() - entry.createdAt.getTime() > AMEND_WINDOW_DAYS * MS_PER_DAY) {
        throw new AppError(
          'validation_failed',
          `The why of a decision can be given within ${AMEND_WINDOW_DAYS} days of it; this one is older: record a new decision with its why instead`,
        );
      }
      const [row] = await tx
        .update(decisionLog)
        .set({ rationale: input.rationale, version: entry.version + 1 })
        .where(and(eq(decisionLog.id, id), eq(decisionLog.version, input.version)))
        .returning({ id: decisionLog.id });
      if (!row) {
        throw new AppError(
          'version_conflict',
          `This decision's why changed since you saw it (now version ${entry.version}): reload to see it`,
          { details: { currentVersion: entry.version, rationale: entry.rationale } },
        );
      }
      await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: entry.decision,
        itemId: entry.itemId,
        actorId: actor.userId,
        summary: `${entry.rationale ? 'Changed the why of' : 'Gave the why of'}: ${entry.summary}`,
        rationale: input.rationale,
        details: { amends: String(id), before: entry.rationale },
        amendsId: id,
        createdAt: now,
      });
      const [updated] = await selectEntries(tx, [eq(decisionLog.id, id)]);
      return presentEntry(updated as EntryRow);
    },
    () => ({ kind: 'rationaleAmended' }),
  );
}
