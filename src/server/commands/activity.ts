import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, notInArray } from 'drizzle-orm';
import type { DecisionLogEntry, Inbox } from '../../contract';
import type { Database } from '../../db/client';
import { comments, decisionLog, itemStateChanges, items, users } from '../../db/schema';
import { type Decision, findHolders } from '../../domain/decision-rights';
import { AppError, notFound } from '../errors';
import { type Actor, findTeam, isUuid, requireContributor } from '../policies/access';
import { importedName } from '../presenters/item';

const OPEN_STATES = ['done', 'cancelled'];
const DAY_MS = 86_400_000;

/**
 * What waits on the caller's decision, oldest first: new items nobody has ordered yet, items
 * without an estimate, items blocked on a scope question. An entry shows up for the people who
 * hold the decision (the accountable role, or the responsible ones when nobody holds it).
 */
export async function findInbox(db: Database, actor: Actor, now = new Date()): Promise<Inbox> {
  const team = await findTeam(db, actor.workspaceId);
  const holds = (d: Decision) => findHolders(actor.matrix, d, team).some((h) => h.userId === actor.userId);
  const open = and(eq(items.workspaceId, actor.workspaceId), notInArray(items.state, OPEN_STATES));
  const entries: Inbox['entries'] = [];
  const push = (
    kind: 'order' | 'estimate' | 'scope',
    decision: Decision,
    rows: { id: string; number: number; title: string; since: Date | null; question: string | null }[],
  ) => {
    for (const r of rows) {
      const since = r.since ?? now;
      entries.push({
        kind,
        decision,
        itemId: r.id,
        number: r.number,
        title: r.title,
        since: since.toISOString(),
        ageDays: Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS)),
        question: r.question,
      });
    }
  };
  const cols = { id: items.id, number: items.number, title: items.title };
  if (holds('backlog_order')) {
    push(
      'order',
      'backlog_order',
      (
        await db
          .select({ ...cols, since: items.createdAt })
          .from(items)
          .where(and(open, isNull(items.orderedAt)))
      ).map((r) => ({ ...r, question: null })),
    );
  }
  if (holds('estimates')) {
    push(
      'estimate',
      'estimates',
      (
        await db
          .select({ ...cols, since: items.createdAt })
          .from(items)
          .where(and(open, isNull(items.estimateLikely), inArray(items.type, ['feature', 'task', 'bug'])))
      ).map((r) => ({ ...r, question: null })),
    );
  }
  if (holds('scope')) {
    push(
      'scope',
      'scope',
      await db
        .select({ ...cols, since: items.scopeQuestionAt, question: items.scopeQuestion })
        .from(items)
        .where(and(open, isNotNull(items.scopeQuestion))),
    );
  }
  entries.sort((a, b) => a.since.localeCompare(b.since) || a.number - b.number);
  return {
    entries,
    counts: {
      order: entries.filter((e) => e.kind === 'order').length,
      estimate: entries.filter((e) => e.kind === 'estimate').length,
      scope: entries.filter((e) => e.kind === 'scope').length,
    },
  };
}

/** The decision log, newest first, optionally for one item; paginated by id. */
export async function findDecisions(
  db: Database,
  workspaceId: string,
  options: {
    itemId?: string | undefined;
    decisions?: readonly Decision[] | undefined;
    workspaceWide?: boolean | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ data: DecisionLogEntry[]; nextCursor: string | null }> {
  const where = [eq(decisionLog.workspaceId, workspaceId)];
  if (options.decisions && options.decisions.length > 0)
    where.push(inArray(decisionLog.decision, [...options.decisions]));
  // Decisions about the workspace as a whole (an applied ranking, a matrix change), not one item.
  if (options.workspaceWide) where.push(isNull(decisionLog.itemId));
  if (options.itemId) {
    if (!isUuid(options.itemId)) throw notFound('Item');
    where.push(eq(decisionLog.itemId, options.itemId));
  }
  if (options.cursor) {
    const n = Number(options.cursor);
    if (!Number.isInteger(n))
      throw new AppError('bad_request', 'The cursor is not one this server handed out');
    where.push(lt(decisionLog.id, n));
  }
  const rows = await db
    .select({
      id: decisionLog.id,
      decision: decisionLog.decision,
      itemId: decisionLog.itemId,
      actorId: decisionLog.actorId,
      actorName: users.name,
      importedActor: decisionLog.importedActor,
      summary: decisionLog.summary,
      rationale: decisionLog.rationale,
      details: decisionLog.details,
      createdAt: decisionLog.createdAt,
    })
    .from(decisionLog)
    .leftJoin(users, eq(users.id, decisionLog.actorId))
    .where(and(...where))
    .orderBy(desc(decisionLog.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return {
    data: page.map((r) => ({
      ...r,
      id: String(r.id),
      decision: r.decision as Decision,
      actorName: r.actorName ?? (r.importedActor ? importedName(r.importedActor) : 'someone who left'),
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > options.limit ? String(page[page.length - 1]?.id) : null,
  };
}

async function requireItem(db: Database, workspaceId: string, itemId: string): Promise<void> {
  if (!isUuid(itemId)) throw notFound('Item');
  const [row] = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.workspaceId, workspaceId)));
  if (!row) throw notFound('Item');
}

/** The state history of one item, oldest first. */
export async function findStateHistory(db: Database, workspaceId: string, itemId: string) {
  await requireItem(db, workspaceId, itemId);
  const rows = await db
    .select()
    .from(itemStateChanges)
    .where(eq(itemStateChanges.itemId, itemId))
    .orderBy(asc(itemStateChanges.changedAt), asc(itemStateChanges.id));
  return rows.map((r) => ({
    id: String(r.id),
    itemId: r.itemId,
    fromState: r.fromState as never,
    toState: r.toState as never,
    changedBy: r.changedBy,
    importedChangedBy: r.importedChangedBy,
    changedAt: r.changedAt.toISOString(),
  }));
}

/** Comments on one item, oldest first. */
export async function findComments(db: Database, workspaceId: string, itemId: string) {
  await requireItem(db, workspaceId, itemId);
  const rows = await db
    .select({
      id: comments.id,
      itemId: comments.itemId,
      authorId: comments.authorId,
      authorName: users.name,
      importedAuthor: comments.importedAuthor,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.itemId, itemId))
    .orderBy(asc(comments.createdAt));
  return rows.map((r) => ({
    ...r,
    authorName: r.authorName ?? (r.importedAuthor ? importedName(r.importedAuthor) : 'someone who left'),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Adds a comment (any contributor). */
export async function addComment(db: Database, actor: Actor, itemId: string, body: string) {
  requireContributor(actor);
  await requireItem(db, actor.workspaceId, itemId);
  const [row] = await db
    .insert(comments)
    .values({ workspaceId: actor.workspaceId, itemId, authorId: actor.userId, body })
    .returning();
  if (!row) throw new Error('insert returned no row');
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  return { ...row, authorName: user?.name ?? '', createdAt: row.createdAt.toISOString() };
}
