/**
 * The moderation queue of a workspace's ideas portal: what verified visitors sent, waiting for a
 * member. Approving turns it into evidence from the source "portal", with the requester's company
 * found from their e-mail's domain (as the evidence import does); a new idea also becomes an item.
 * Rejecting keeps it out. Every member reads the queue; anyone but a viewer moderates.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { ModeratePortal, PortalQueue, PortalSubmissionView } from '../../contract';
import type { Database } from '../../db/client';
import { companies, evidence, items, portalSubmissions } from '../../db/schema';
import { AppError, notFound } from '../errors';
import { type Actor, isUuid, requireContributor } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { createItem } from './items';

type SubmissionRow = typeof portalSubmissions.$inferSelect;

/** What a vote becomes as evidence: it has no text of its own. */
const VOTE_NOTE = 'Voted on the ideas portal';

async function toView(db: Database, row: SubmissionRow): Promise<PortalSubmissionView> {
  const [idea] = row.itemId
    ? await db
        .select({ itemId: items.id, number: items.number, title: items.title })
        .from(items)
        .where(eq(items.id, row.itemId))
    : [];
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    email: row.email,
    title: row.title,
    text: row.body,
    importance: row.importance,
    idea: idea ?? null,
    evidenceId: row.evidenceId,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/**
 * The verified submissions waiting for a member, oldest first.
 * @param db the database
 * @param actor a member of the workspace
 */
export async function listPortalQueue(db: Database, actor: Actor): Promise<PortalQueue> {
  const rows = await db
    .select()
    .from(portalSubmissions)
    .where(and(eq(portalSubmissions.workspaceId, actor.workspaceId), eq(portalSubmissions.status, 'pending')))
    .orderBy(asc(portalSubmissions.createdAt), asc(portalSubmissions.id));
  const submissions: PortalSubmissionView[] = [];
  for (const row of rows) submissions.push(await toView(db, row));
  return { submissions };
}

/** The company whose domains hold the e-mail's domain, as the evidence import finds it. */
async function findCompanyByEmail(db: Database, workspaceId: string, email: string): Promise<string | null> {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), sql`${domain} = any(${companies.domains})`))
    .orderBy(asc(companies.createdAt), asc(companies.id))
    .limit(1);
  return row?.id ?? null;
}

/** The pending submission, locked, at the version the moderator read. */
async function lockPending(
  db: Database,
  actor: Actor,
  submissionId: string,
  input: ModeratePortal,
): Promise<SubmissionRow> {
  if (!isUuid(submissionId)) throw notFound('Portal submission');
  const [row] = await db
    .select()
    .from(portalSubmissions)
    .where(
      and(
        eq(portalSubmissions.workspaceId, actor.workspaceId),
        eq(portalSubmissions.id, submissionId),
        sql`${portalSubmissions.status} <> 'unverified'`,
      ),
    )
    .for('update');
  if (!row) throw notFound('Portal submission');
  if (row.version !== input.version || row.status !== 'pending') {
    throw new AppError(
      'version_conflict',
      row.status === 'pending'
        ? `This submission changed since you read it (version ${row.version}, you sent ${input.version}): reload the queue`
        : `This submission was already ${row.status}: reload the queue`,
      { details: { currentVersion: row.version, status: row.status } },
    );
  }
  return row;
}

/** Writes a moderator's answer on a locked pending submission: who, when, and the next version. */
async function settle(
  db: Database,
  actor: Actor,
  row: SubmissionRow,
  answer: { status: 'approved'; itemId: string | null; evidenceId: string | null } | { status: 'rejected' },
): Promise<PortalSubmissionView> {
  const [updated] = await db
    .update(portalSubmissions)
    .set({ ...answer, moderatedBy: actor.userId, moderatedAt: new Date(), version: row.version + 1 })
    .where(eq(portalSubmissions.id, row.id))
    .returning();
  if (!updated) throw new Error('update returned no row');
  return toView(db, updated);
}

/**
 * Approves a pending submission: it becomes evidence (source "portal") on its idea, or for a new
 * idea an item with that evidence.
 * @param ctx the database and a member who is not a viewer
 * @param submissionId the submission
 * @param input the version read
 * @returns the submission as approved, naming its idea and evidence
 * @throws AppError `forbidden` (a viewer), `not_found`, `version_conflict` (stale or already moderated)
 */
export async function approvePortalSubmission(
  ctx: CommandContext,
  submissionId: string,
  input: ModeratePortal,
): Promise<PortalSubmissionView> {
  requireContributor(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const { db, actor } = tx;
    const row = await lockPending(db, actor, submissionId, input);
    let itemId = row.itemId;
    if (row.kind === 'idea') {
      const item = await createItem(tx, { type: 'feature', title: row.title ?? 'Idea from the portal' });
      itemId = item.id;
    }
    let evidenceId: string | null = null;
    if (row.kind !== 'follow') {
      const [made] = await db
        .insert(evidence)
        .values({
          workspaceId: actor.workspaceId,
          itemId,
          sourceType: 'portal',
          requesterEmail: row.email,
          companyId: await findCompanyByEmail(db, actor.workspaceId, row.email),
          body: row.body ?? VOTE_NOTE,
          importance: row.importance ?? 1,
          givenAt: row.createdAt,
          createdBy: actor.userId,
        })
        .returning({ id: evidence.id });
      evidenceId = made?.id ?? null;
    }
    return settle(db, actor, row, { status: 'approved', itemId, evidenceId });
  });
}

/**
 * Rejects a pending submission: it never appears, and nothing else changes.
 * @throws AppError `forbidden` (a viewer), `not_found`, `version_conflict` (stale or already moderated)
 */
export async function rejectPortalSubmission(
  ctx: CommandContext,
  submissionId: string,
  input: ModeratePortal,
): Promise<PortalSubmissionView> {
  requireContributor(ctx.actor);
  return inTransaction(ctx, async ({ db, actor }) => {
    const row = await lockPending(db, actor, submissionId, input);
    return settle(db, actor, row, { status: 'rejected' });
  });
}
