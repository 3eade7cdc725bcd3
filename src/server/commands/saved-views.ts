import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { CreateSavedView, SavedView, SavedViewQuery, UpdateSavedView } from '../../contract';
import type { Database } from '../../db/client';
import { type StoredViewQuery, savedViews, users } from '../../db/schema';
import { AppError, notFound, sqlStateOf } from '../errors';
import { type Actor, isUuid } from '../policies/access';
import { mayChangeView, requireViewChanger } from '../policies/saved-views';
import { type CommandContext, inTransaction } from './context';

/** Saved views of the backlog: named queries, personal to their owner or shared with the workspace. */

type ViewRow = typeof savedViews.$inferSelect;
type ViewWithOwner = ViewRow & { ownerName: string };

const withOwner = {
  id: savedViews.id,
  workspaceId: savedViews.workspaceId,
  ownerId: savedViews.ownerId,
  name: savedViews.name,
  shared: savedViews.shared,
  query: savedViews.query,
  version: savedViews.version,
  createdAt: savedViews.createdAt,
  updatedAt: savedViews.updatedAt,
  ownerName: users.name,
};

function presentView(actor: Actor, row: ViewWithOwner): SavedView {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared,
    query: row.query,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    mayChange: mayChangeView(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Drops the keys left out, so the stored object holds only what the view sets. */
function storedQuery(query: SavedViewQuery): StoredViewQuery {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}

/** A view the actor can see: their own, or a shared one of the workspace; anything else is 404. */
async function loadView(db: Database, actor: Actor, viewId: string): Promise<ViewWithOwner> {
  if (!isUuid(viewId)) throw notFound('Saved view');
  const [row] = await db
    .select(withOwner)
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .where(and(eq(savedViews.id, viewId), eq(savedViews.workspaceId, actor.workspaceId)))
    .limit(1);
  if (!row || (!row.shared && row.ownerId !== actor.userId)) throw notFound('Saved view');
  return row;
}

/** Turns a unique-name violation into a 409 that says which names the new one collides with. */
function nameTaken(error: unknown, name: string, shared: boolean): unknown {
  if (sqlStateOf(error) !== '23505') return error;
  return new AppError(
    'conflict',
    shared
      ? `name: this workspace already has a shared view called “${name}”: choose another name`
      : `name: you already have a personal view called “${name}”: choose another name`,
    { details: { field: 'name' } },
  );
}

/**
 * The views the actor can pick: their own personal ones and every shared one of the workspace.
 * @param db the database
 * @param actor the caller and their workspace
 * @returns the views, shared ones first, then by name
 */
export async function findSavedViews(db: Database, actor: Actor): Promise<SavedView[]> {
  const rows = await db
    .select(withOwner)
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .where(
      and(
        eq(savedViews.workspaceId, actor.workspaceId),
        or(eq(savedViews.shared, true), eq(savedViews.ownerId, actor.userId)),
      ),
    )
    .orderBy(sql`${savedViews.shared} desc`, asc(sql`lower(${savedViews.name})`), asc(savedViews.id));
  return rows.map((row) => presentView(actor, row));
}

/**
 * Saves a view of the backlog. Any member may save one, personal or shared.
 * @param ctx the database and the caller
 * @param input the name, whether it is shared, and the checked query
 * @returns the new view
 */
export async function createSavedView(ctx: CommandContext, input: CreateSavedView): Promise<SavedView> {
  const { actor } = ctx;
  return inTransaction(ctx, async ({ db: tx }) => {
    let id: string | undefined;
    try {
      const inserted = await tx
        .insert(savedViews)
        .values({
          workspaceId: actor.workspaceId,
          ownerId: actor.userId,
          name: input.name,
          shared: input.shared,
          query: storedQuery(input.query),
        })
        .returning({ id: savedViews.id });
      id = inserted[0]?.id;
    } catch (error) {
      throw nameTaken(error, input.name, input.shared);
    }
    if (!id) throw new Error('insert returned no row');
    return presentView(actor, await loadView(tx, actor, id));
  });
}

/**
 * Renames a view, shares or unshares it, or replaces its query, if the caller holds its current
 * version. Its owner may change it; a founder may change a shared one but not make it personal,
 * since it would then vanish from the workspace into the owner's own list.
 * @param ctx the database and the caller
 * @param input the view, the version the caller saw, and what changes
 * @returns the changed view
 */
export async function updateSavedView(
  ctx: CommandContext,
  input: UpdateSavedView & { viewId: string; version: number },
): Promise<SavedView> {
  const { actor } = ctx;
  return inTransaction(ctx, async ({ db: tx }) => {
    const current = await loadView(tx, actor, input.viewId);
    await requireViewChanger(tx, actor, current);
    if (input.shared === false && current.shared && current.ownerId !== actor.userId) {
      throw new AppError(
        'forbidden',
        `Only ${current.ownerName}, who saved it, can make the shared view “${current.name}” personal`,
        { details: { ownerId: current.ownerId, ownerName: current.ownerName } },
      );
    }
    const name = input.name ?? current.name;
    const shared = input.shared ?? current.shared;
    let updated: { id: string } | undefined;
    try {
      [updated] = await tx
        .update(savedViews)
        .set({
          name,
          shared,
          ...(input.query === undefined ? {} : { query: storedQuery(input.query) }),
          updatedAt: new Date(),
          version: sql`${savedViews.version} + 1`,
        })
        .where(and(eq(savedViews.id, current.id), eq(savedViews.version, input.version)))
        .returning({ id: savedViews.id });
    } catch (error) {
      throw nameTaken(error, name, shared);
    }
    if (!updated) {
      throw new AppError(
        'version_conflict',
        `Someone changed the view “${current.name}” since you loaded it (now version ${current.version}): load it again, then retry`,
        { details: { current: presentView(actor, current) } },
      );
    }
    return presentView(actor, await loadView(tx, actor, current.id));
  });
}

/**
 * Deletes a view: its owner's call, or a founder's for a shared view.
 * @param ctx the database and the caller
 * @param input the view
 */
export async function deleteSavedView(ctx: CommandContext, input: { viewId: string }): Promise<void> {
  const { actor } = ctx;
  await inTransaction(ctx, async ({ db: tx }) => {
    const current = await loadView(tx, actor, input.viewId);
    await requireViewChanger(tx, actor, current);
    await tx.delete(savedViews).where(eq(savedViews.id, current.id));
  });
}
