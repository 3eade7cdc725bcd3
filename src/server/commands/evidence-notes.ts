/**
 * Customer notes one by one: read, corrected, moved to another idea, split, and an idea merged
 * into its duplicate with its notes and portal submissions. Every change carries the version it
 * was made on (stale → 409) and is one transaction.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type {
  EvidenceNoteView,
  MergedIdea,
  MergeIdea,
  SplitEvidenceNote,
  UpdateEvidenceNote,
} from '../../contract';
import type { Database } from '../../db/client';
import { companies, evidence, items, portalSubmissions } from '../../db/schema';
import { AppError, notFound } from '../errors';
import { type Actor, isUuid, requireContributor, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { loadRow, updateItem } from './items';

type NoteRow = typeof evidence.$inferSelect & { company: string | null };

const columns = {
  id: evidence.id,
  itemId: evidence.itemId,
  externalId: evidence.externalId,
  sourceType: evidence.sourceType,
  sourceUrl: evidence.sourceUrl,
  requesterEmail: evidence.requesterEmail,
  companyId: evidence.companyId,
  company: companies.name,
  body: evidence.body,
  importance: evidence.importance,
  givenAt: evidence.givenAt,
  version: evidence.version,
};

function present(row: Pick<NoteRow, keyof typeof columns>): EvidenceNoteView {
  return {
    id: row.id,
    itemId: row.itemId,
    externalId: row.externalId,
    sourceType: row.sourceType,
    sourceUrl: row.sourceUrl,
    requesterEmail: row.requesterEmail,
    companyId: row.companyId,
    company: row.company,
    text: row.body,
    importance: row.importance,
    givenAt: row.givenAt.toISOString(),
    version: row.version,
  };
}

/**
 * The workspace's notes, oldest first, or those on one idea.
 * @param db the database
 * @param actor any member
 * @param itemId only this idea's notes
 */
export async function listEvidenceNotes(
  db: Database,
  actor: Actor,
  itemId?: string,
): Promise<{ data: EvidenceNoteView[] }> {
  const rows = await db
    .select(columns)
    .from(evidence)
    .leftJoin(companies, eq(companies.id, evidence.companyId))
    .where(
      and(
        eq(evidence.workspaceId, actor.workspaceId),
        itemId === undefined ? undefined : eq(evidence.itemId, itemId),
      ),
    )
    .orderBy(asc(evidence.givenAt), asc(evidence.id));
  return { data: rows.map(present) };
}

/** The note at the version the caller saw, locked for the change; 404 and 409 otherwise. */
async function lockNote(db: Database, actor: Actor, noteId: string, version: number) {
  if (!isUuid(noteId)) throw notFound('Note');
  const [row] = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.id, noteId), eq(evidence.workspaceId, actor.workspaceId)))
    .for('update');
  if (!row) throw notFound('Note');
  if (row.version !== version) {
    throw new AppError(
      'version_conflict',
      `Someone changed this note since you loaded it (now version ${row.version}): reload it, then reapply your change`,
      { details: { currentVersion: row.version } },
    );
  }
  return row;
}

/** Checks that an idea a note moves to is this workspace's; 400 naming the field otherwise. */
async function checkIdea(db: Database, actor: Actor, itemId: string | null | undefined, field: string) {
  if (itemId === null || itemId === undefined) return;
  const [found] = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.workspaceId, actor.workspaceId)));
  if (!found)
    throw new AppError('validation_failed', `${field}: there is no item ${itemId} in this workspace`);
}

async function readNote(db: Database, noteId: string): Promise<EvidenceNoteView> {
  const [row] = await db
    .select(columns)
    .from(evidence)
    .leftJoin(companies, eq(companies.id, evidence.companyId))
    .where(eq(evidence.id, noteId));
  if (!row) throw notFound('Note');
  return present(row);
}

/**
 * Corrects a note or moves it to another idea (null unlinks it).
 * @param ctx the database and a contributor
 * @param noteId the note
 * @param input the version seen and the fields to change
 * @returns the note as it now is
 */
export async function updateEvidenceNote(
  ctx: CommandContext,
  noteId: string,
  input: UpdateEvidenceNote,
): Promise<EvidenceNoteView> {
  requireContributor(ctx.actor);
  return inTransaction(
    ctx,
    async ({ db, actor }) => {
      const row = await lockNote(db, actor, noteId, input.version);
      await checkIdea(db, actor, input.itemId, 'itemId');
      await db
        .update(evidence)
        .set({
          ...(input.text === undefined ? {} : { body: input.text }),
          ...(input.importance === undefined ? {} : { importance: input.importance }),
          ...(input.itemId === undefined ? {} : { itemId: input.itemId }),
          ...(input.sourceUrl === undefined ? {} : { sourceUrl: input.sourceUrl }),
          version: sql`${evidence.version} + 1`,
        })
        .where(eq(evidence.id, row.id));
      return { note: await readNote(db, row.id), before: row.itemId };
    },
    ({ note, before }) => ({
      kind: 'itemChanged',
      itemIds: [before, note.itemId].filter((id) => id !== null),
    }),
  ).then(({ note }) => note);
}

/**
 * Splits a note that speaks of several ideas: it keeps the first part (text, idea, importance)
 * and each other part becomes a new note from the same requester, company, source and day.
 * @returns the notes, the original first
 */
export async function splitEvidenceNote(
  ctx: CommandContext,
  noteId: string,
  input: SplitEvidenceNote,
): Promise<{ data: EvidenceNoteView[] }> {
  requireContributor(ctx.actor);
  return inTransaction(
    ctx,
    async ({ db, actor }) => {
      const row = await lockNote(db, actor, noteId, input.version);
      for (const [index, part] of input.parts.entries())
        await checkIdea(db, actor, part.itemId, `parts[${index}].itemId`);
      const [first, ...rest] = input.parts;
      await db
        .update(evidence)
        .set({
          body: first!.text,
          itemId: first!.itemId,
          importance: first!.importance ?? row.importance,
          version: sql`${evidence.version} + 1`,
        })
        .where(eq(evidence.id, row.id));
      const added = await db
        .insert(evidence)
        .values(
          rest.map((part) => ({
            workspaceId: row.workspaceId,
            itemId: part.itemId,
            externalId: null,
            sourceType: row.sourceType,
            sourceUrl: row.sourceUrl,
            requesterEmail: row.requesterEmail,
            companyId: row.companyId,
            body: part.text,
            importance: part.importance ?? row.importance,
            givenAt: row.givenAt,
            createdBy: actor.userId,
          })),
        )
        .returning({ id: evidence.id });
      const notes = [await readNote(db, row.id)];
      for (const { id } of added) notes.push(await readNote(db, id));
      return { data: notes, before: row.itemId };
    },
    ({ data, before }) => ({
      kind: 'itemChanged',
      itemIds: [before, ...data.map((n) => n.itemId)].filter((id) => id !== null),
    }),
  ).then(({ data }) => ({ data }));
}

/**
 * Merges a duplicate idea into the one that stays: its notes and portal submissions (votes,
 * follows) move there, and the duplicate is cancelled with "Duplicate of #N" as the logged
 * reason, so the link stays in its history and the decision log. Cancelling is the scope
 * decision's, and the duplicate's version must be the one seen (409 otherwise).
 * @returns where it went and what moved
 */
export async function mergeIdea(ctx: CommandContext, itemId: string, input: MergeIdea): Promise<MergedIdea> {
  requireContributor(ctx.actor);
  await requireDecision(ctx.db, ctx.actor, 'scope');
  if (input.into === itemId)
    throw new AppError('validation_failed', 'into: an idea cannot be merged into itself');
  return inTransaction(
    ctx,
    async (tx) => {
      const { db, actor } = tx;
      const duplicate = await loadRow(db, actor.workspaceId, itemId);
      await checkIdea(db, actor, input.into, 'into');
      const target = await loadRow(db, actor.workspaceId, input.into);
      if (target.state === 'cancelled') {
        throw new AppError(
          'validation_failed',
          `into: #${target.number} is cancelled; merge into an idea that stays`,
        );
      }
      const moved = await db
        .update(evidence)
        .set({ itemId: target.id, version: sql`${evidence.version} + 1` })
        .where(and(eq(evidence.workspaceId, actor.workspaceId), eq(evidence.itemId, duplicate.id)))
        .returning({ id: evidence.id });
      const submissions = await db
        .update(portalSubmissions)
        .set({ itemId: target.id })
        .where(
          and(
            eq(portalSubmissions.workspaceId, actor.workspaceId),
            eq(portalSubmissions.itemId, duplicate.id),
          ),
        )
        .returning({ id: portalSubmissions.id });
      await updateItem(tx, {
        itemId: duplicate.id,
        version: input.version,
        state: 'cancelled',
        rationale: `Duplicate of #${target.number} “${target.title}”: its ${moved.length} note(s) and ${submissions.length} portal submission(s) moved there`,
      });
      return { into: target.id, movedNotes: moved.length, movedPortalSubmissions: submissions.length };
    },
    (merged) => ({ kind: 'itemChanged', itemIds: [itemId, merged.into] }),
  );
}
