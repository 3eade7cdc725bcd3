/** The activity of one item: its state history and comments. */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { comments, itemStateChanges, items, users } from '../../db/schema';
import { notFound } from '../errors';
import { isUuid, requireContributor } from '../policies/access';
import { importedName } from '../presenters/item';
import { type CommandContext, inTransaction } from './context';

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
    fromState: r.fromState,
    toState: r.toState,
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

/**
 * Adds a comment to an item (any contributor).
 * @param ctx the database and the caller
 * @param input the item and the comment's text
 * @returns the comment with its author's name
 */
export async function addComment(ctx: CommandContext, input: { itemId: string; body: string }) {
  const { actor } = ctx;
  requireContributor(actor);
  return inTransaction(
    ctx,
    async ({ db }) => {
      await requireItem(db, actor.workspaceId, input.itemId);
      const [row] = await db
        .insert(comments)
        .values({
          workspaceId: actor.workspaceId,
          itemId: input.itemId,
          authorId: actor.userId,
          body: input.body,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
      return { ...row, authorName: user?.name ?? '', createdAt: row.createdAt.toISOString() };
    },
    () => ({ kind: 'commentAdded', itemIds: [input.itemId] }),
  );
}
