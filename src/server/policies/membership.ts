import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { memberships } from '../../db/schema';
import {
  canDecide,
  type DecisionMatrix,
  type Holder,
  ROLE_LABELS,
  type Role,
} from '../../domain/decision-rights';
import { AppError } from '../errors';
import { type Actor, findTeam } from './access';

/**
 * Who may change whose membership. The team decision can be delegated (a CPO may be R on it), but
 * the founder role is what controls the company itself: it edits the decision-rights matrix. So
 * these rules hold whatever the matrix says:
 * - only a founder makes someone a founder (by role change or invitation), and only a founder
 *   changes or removes a founder;
 * - nobody changes their own role (so nobody promotes themselves, and a founder steps down by
 *   asking another founder, which keeps the last founder in place too);
 * - the last founder is never demoted or removed (checked where the change is written).
 */

function nameHolders(holders: Holder[]): string {
  return holders.map((h) => `${h.name} (${ROLE_LABELS[h.role]})`).join(' or ');
}

async function findFounders(db: Database, workspaceId: string, exceptUserId?: string): Promise<Holder[]> {
  return (await findTeam(db, workspaceId)).filter((m) => m.role === 'founder' && m.userId !== exceptUserId);
}

/**
 * Refuses, naming the workspace's founders, unless the actor is a founder.
 * @param what the act, as in "Only a founder can <what>"
 */
export async function requireFounderTo(db: Database, actor: Actor, what: string): Promise<void> {
  if (actor.role === 'founder') return;
  const founders = await findFounders(db, actor.workspaceId);
  throw new AppError('forbidden', `Only a founder can ${what}: ask ${nameHolders(founders)}`, {
    details: { rule: 'founder_only', yourRole: actor.role, holders: founders },
  });
}

/**
 * Checks a change to a member's role, FTE or skills against the founder rules.
 * @param actor who asks for the change (already holding the team decision)
 * @param target the member as stored now
 * @param role the role asked for, if any
 */
export async function requireMayChangeMember(
  db: Database,
  actor: Actor,
  target: { userId: string; role: string },
  role: Role | undefined,
): Promise<void> {
  const changesRole = role !== undefined && role !== target.role;
  if (changesRole && target.userId === actor.userId) {
    const others = await findFounders(db, actor.workspaceId, actor.userId);
    const whom =
      others.length > 0 ? `ask ${nameHolders(others)}` : 'make someone else founder first, then ask them';
    throw new AppError('forbidden', `Nobody can change their own role: ${whom}`, {
      details: { rule: 'own_role', yourRole: actor.role, holders: others },
    });
  }
  if (changesRole && role === 'founder') await requireFounderTo(db, actor, 'make someone a founder');
  if (target.role === 'founder') {
    await requireFounderTo(db, actor, "change a founder's role, time or skills");
  }
}

/** Checks a removal against the founder rules: only a founder removes a founder. */
export async function requireMayRemoveMember(
  db: Database,
  actor: Actor,
  target: { userId: string; role: string },
): Promise<void> {
  if (target.role === 'founder' && target.userId !== actor.userId) {
    await requireFounderTo(db, actor, 'remove a founder');
  }
}

/** Checks an invitation's role against the founder rules: only a founder invites a founder. */
export async function requireMayInvite(db: Database, actor: Actor, role: Role): Promise<void> {
  if (role === 'founder') await requireFounderTo(db, actor, 'invite a founder');
}

/**
 * An invitation acts on behalf of whoever made it, so it stops working once they could no longer
 * make it: they left, lost the team decision, or (for a founder invitation) are no longer a
 * founder. A delegate whose right is withdrawn leaves no live links behind.
 */
export async function requireInviterStillEntitled(
  db: Database,
  invitation: { workspaceId: string; createdBy: string | null; role: string },
  matrix: DecisionMatrix,
): Promise<void> {
  const [inviter] = invitation.createdBy
    ? await db
        .select({ role: memberships.role })
        .from(memberships)
        .where(
          and(
            eq(memberships.workspaceId, invitation.workspaceId),
            eq(memberships.userId, invitation.createdBy),
          ),
        )
        .limit(1)
    : [];
  const role = inviter?.role;
  const entitled =
    role !== undefined &&
    canDecide(matrix, role, 'team') &&
    (invitation.role !== 'founder' || role === 'founder');
  if (!entitled) {
    throw new AppError(
      'forbidden',
      'Whoever made this invitation can no longer invite people with this role: ask a founder for a new link',
      { details: { rule: 'inviter_not_entitled' } },
    );
  }
}

/** "a…@example.com": enough to recognise one's own address without showing it to anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '…';
  return `${email.slice(0, 1)}…${email.slice(at)}`;
}

/** An invitation made for an address can only be accepted by the account with that address. */
export function requireInvitedAddress(invitationEmail: string | null, accountEmail: string): void {
  if (invitationEmail === null) return;
  if (invitationEmail.toLowerCase() === accountEmail.toLowerCase()) return;
  throw new AppError(
    'forbidden',
    `This invitation is for ${maskEmail(invitationEmail)}: sign in as that person, or ask whoever invited you for a link for your own address`,
    { details: { rule: 'invited_address', invitedEmail: maskEmail(invitationEmail) } },
  );
}
