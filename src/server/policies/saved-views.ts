import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { memberships, users } from '../../db/schema';
import { AppError } from '../errors';
import type { Actor } from './access';

/** The part of a saved view that decides who may change it. */
export interface ViewOwnership {
  name: string;
  shared: boolean;
  ownerId: string;
}

/**
 * Whether the actor may rename, change or delete a view they can see: its owner always; a
 * founder also a shared one, so a view left by someone who moved on can still be tidied up.
 */
export function mayChangeView(actor: Actor, view: ViewOwnership): boolean {
  return view.ownerId === actor.userId || (view.shared && actor.role === 'founder');
}

/** Refuses, naming the owner and the founders, when the actor may not change the view. */
export async function requireViewChanger(db: Database, actor: Actor, view: ViewOwnership): Promise<void> {
  if (mayChangeView(actor, view)) return;
  const [owner] = await db.select({ name: users.name }).from(users).where(eq(users.id, view.ownerId));
  const founders = await db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.role, 'founder')))
    .orderBy(users.name);
  const ownerName = owner?.name ?? 'the person who saved it';
  const others = founders.filter((f) => f.userId !== view.ownerId).map((f) => f.name);
  const orFounder = others.length > 0 ? ` or a founder (${others.join(', ')})` : '';
  throw new AppError(
    'forbidden',
    `Only ${ownerName}, who saved it,${orFounder} can change or delete the shared view “${view.name}”: ask them, or save your own view`,
    { details: { ownerId: view.ownerId, ownerName, founders } },
  );
}
