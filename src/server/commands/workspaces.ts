import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Member, Workspace } from '../../contract';
import type { Database } from '../../db/client';
import { companies, invitations, memberships, users, workspaces } from '../../db/schema';
import { type DecisionMatrix, defaultDecisionMatrix, type Role } from '../../domain/decision-rights';
import { MS_PER_DAY } from '../../domain/shared';
import { createSecret, hashSecret } from '../auth/secrets';
import { AppError, notFound } from '../errors';
import { isUuid, requireDecision } from '../policies/access';
import {
  requireInvitedAddress,
  requireInviterStillEntitled,
  requireMayChangeMember,
  requireMayInvite,
  requireMayRemoveMember,
} from '../policies/membership';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';
import { claimImportedAssignments } from './placeholder-users';
import { seedWorkflow } from './workflow-states';

/** A URL-safe slug that is unique across the server. */
export function slugFor(name: string): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'workspace';
  return `${base}-${randomBytes(3).toString('hex')}`;
}

/** Creates a workspace with the caller as its founder and the default decision rights. */
export async function createWorkspace(
  db: Database,
  userId: string,
  input: { name: string; matrix?: DecisionMatrix },
): Promise<Workspace> {
  return db.transaction(async (tx) => {
    const [ws] = await tx
      .insert(workspaces)
      .values({
        name: input.name,
        slug: slugFor(input.name),
        decisionRights: input.matrix ?? defaultDecisionMatrix(),
      })
      .returning();
    if (!ws) throw new Error('insert returned no row');
    await seedWorkflow(tx as unknown as Database, ws.id);
    await tx.insert(memberships).values({ workspaceId: ws.id, userId, role: 'founder', fte: 1, skills: [] });
    return {
      id: ws.id,
      name: ws.name,
      slug: ws.slug,
      role: 'founder',
      createdAt: ws.createdAt.toISOString(),
    };
  });
}

/** The workspaces a user belongs to, with their role in each. */
export async function findWorkspacesOf(db: Database, userId: string): Promise<Workspace[]> {
  const rows = await db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      slug: workspaces.slug,
      role: memberships.role,
      createdAt: workspaces.createdAt,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** The team of a workspace. */
export async function findMembers(db: Database, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .select({
      userId: memberships.userId,
      name: users.name,
      email: users.email,
      role: memberships.role,
      fte: memberships.fte,
      skills: memberships.skills,
      version: memberships.version,
      joinedAt: memberships.joinedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
}

/**
 * Serialises team changes per workspace, so two founders demoting or removing each other at once
 * cannot both see the other one remain and leave the workspace with none.
 */
async function lockTeam(tx: Database, workspaceId: string): Promise<void> {
  await tx
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for('no key update');
}

async function countFounders(db: Database, workspaceId: string, exceptUserId: string): Promise<number> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        eq(memberships.role, 'founder'),
        ne(memberships.userId, exceptUserId),
      ),
    );
  return rows.length;
}

/**
 * Changes a member's role, FTE or skills (the team decision). Only a founder makes or changes a
 * founder, nobody changes their own role, and the last founder keeps the role.
 * @param ctx the database and the caller
 * @param input the member, the version the caller saw and the fields to change
 * @returns the member as they now are
 */
export async function updateMember(
  ctx: CommandContext,
  input: {
    userId: string;
    version: number;
    role?: Role | undefined;
    fte?: number | undefined;
    skills?: string[] | undefined;
  },
): Promise<Member> {
  const { actor } = ctx;
  const { userId } = input;
  await requireDecision(ctx.db, actor, 'team');
  if (!isUuid(userId)) throw notFound('Member');
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      await lockTeam(tx, actor.workspaceId);
      const [current] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)))
        .limit(1);
      if (!current) throw notFound('Member');
      await requireMayChangeMember(tx, actor, current, input.role);
      if (input.role && input.role !== 'founder' && current.role === 'founder') {
        if ((await countFounders(tx, actor.workspaceId, userId)) === 0) {
          throw new AppError(
            'validation_failed',
            'role: a workspace needs a founder; make someone else founder first',
          );
        }
      }
      const [row] = await tx
        .update(memberships)
        .set({
          ...(input.role ? { role: input.role } : {}),
          ...(input.fte !== undefined ? { fte: input.fte } : {}),
          ...(input.skills ? { skills: input.skills } : {}),
          version: current.version + 1,
        })
        .where(
          and(
            eq(memberships.workspaceId, actor.workspaceId),
            eq(memberships.userId, userId),
            eq(memberships.version, input.version),
          ),
        )
        .returning();
      if (!row) {
        throw new AppError(
          'version_conflict',
          `Someone changed this member since you loaded it (now version ${current.version})`,
          {
            details: { currentVersion: current.version },
          },
        );
      }
      const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
      await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: 'team',
        actorId: actor.userId,
        summary: `Updated ${user?.name ?? 'a member'}: ${[
          input.role ? `role ${input.role}` : '',
          input.fte !== undefined ? `FTE ${input.fte}` : '',
          input.skills ? `skills ${input.skills.join(', ') || 'none'}` : '',
        ]
          .filter(Boolean)
          .join(', ')}`,
        details: {
          userId,
          before: { role: current.role, fte: current.fte, skills: current.skills },
          after: input,
        },
      });
      const members = await findMembers(tx, actor.workspaceId);
      return members.find((m) => m.userId === userId) as Member;
    },
    () => ({ kind: 'memberChanged' }),
  );
}

/**
 * Leaves the companies a departing member owned without an owner, keeping their e-mail as the
 * owner the company last had (shown beside "no owner", and matched again should they rejoin).
 * @returns the companies they owned
 */
async function unownCompanies(
  tx: Database,
  workspaceId: string,
  userId: string,
): Promise<{ companyId: string; name: string }[]> {
  const [person] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return tx
    .update(companies)
    .set({
      ownerUserId: null,
      importedOwner: person?.email.toLowerCase() ?? null,
      version: sql`${companies.version} + 1`,
    })
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.ownerUserId, userId)))
    .returning({ companyId: companies.id, name: companies.name });
}

/**
 * Removes a member (the team decision); only a founder removes a founder, and never the last one.
 * The companies they owned are left without an owner in the same transaction, and the log names them.
 * @param ctx the database and the caller
 * @param input the member to remove
 */
export async function removeMember(ctx: CommandContext, input: { userId: string }): Promise<void> {
  const { actor } = ctx;
  const { userId } = input;
  await requireDecision(ctx.db, actor, 'team');
  if (!isUuid(userId)) throw notFound('Member');
  await inTransaction(
    ctx,
    async ({ db: tx }) => {
      await lockTeam(tx, actor.workspaceId);
      const [current] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
      if (!current) throw notFound('Member');
      await requireMayRemoveMember(tx, actor, current);
      if (current.role === 'founder' && (await countFounders(tx, actor.workspaceId, userId)) === 0) {
        throw new AppError(
          'validation_failed',
          'A workspace needs a founder: make someone else founder first',
        );
      }
      await tx
        .delete(memberships)
        .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
      const unowned = await unownCompanies(tx, actor.workspaceId, userId);
      await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: 'team',
        actorId: actor.userId,
        summary:
          unowned.length === 0
            ? 'Removed a member from the team'
            : `Removed a member from the team; their accounts now have no owner: ${unowned.map((c) => c.name).join(', ')}`,
        details: { userId, role: current.role, ...(unowned.length > 0 ? { unownedCompanies: unowned } : {}) },
      });
    },
    () => ({ kind: 'memberChanged' }),
  );
}

const INVITATION_DAYS = 14;

/**
 * Creates an invitation link (the team decision; a founder invitation needs a founder). The token
 * is shown once and stored hashed; with an email, only that person's account can accept it.
 * @param ctx the database and the caller
 * @param input the role, FTE and skills the invited person will have, and optionally their address
 * @returns the invitation with its token (never shown again)
 */
export async function createInvitation(
  ctx: CommandContext,
  input: { role: Role; fte: number; skills: string[]; email?: string | undefined },
) {
  const { db, actor } = ctx;
  await requireDecision(db, actor, 'team');
  await requireMayInvite(db, actor, input.role);
  const token = createSecret('hwi');
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * MS_PER_DAY);
  const [row] = await db
    .insert(invitations)
    .values({
      workspaceId: actor.workspaceId,
      tokenHash: hashSecret(token),
      email: input.email?.toLowerCase() ?? null,
      role: input.role,
      fte: input.fte,
      skills: input.skills,
      createdBy: actor.userId,
      expiresAt,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return {
    id: row.id,
    token,
    path: `/join/${token}`,
    role: input.role,
    fte: input.fte,
    skills: input.skills,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Joins the workspace of an invitation; each invitation works once, before it expires, for the
 * address it names (if any), and only while its maker could still make it.
 */
export async function acceptInvitation(db: Database, userId: string, token: string): Promise<Workspace> {
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.tokenHash, hashSecret(token)),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .for('update');
    if (!inv)
      throw new AppError('not_found', 'This invitation is unknown, used or expired: ask for a new link');
    const [account] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!account) throw notFound('User');
    requireInvitedAddress(inv.email, account.email);
    const [target] = await tx
      .select({ matrix: workspaces.decisionRights })
      .from(workspaces)
      .where(eq(workspaces.id, inv.workspaceId));
    if (!target) throw notFound('Workspace');
    await requireInviterStillEntitled(tx, inv, target.matrix);
    const [existing] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, inv.workspaceId), eq(memberships.userId, userId)));
    if (existing) throw new AppError('conflict', 'You are already a member of this workspace');
    await tx
      .insert(memberships)
      .values({ workspaceId: inv.workspaceId, userId, role: inv.role, fte: inv.fte, skills: inv.skills });
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedBy: userId })
      .where(eq(invitations.id, inv.id));
    await claimImportedAssignments(tx, {
      workspaceId: inv.workspaceId,
      userId,
      email: inv.email,
      imported: inv.importedName !== null,
    });
    const [ws] = await tx.select().from(workspaces).where(eq(workspaces.id, inv.workspaceId));
    if (!ws) throw notFound('Workspace');
    await recordDecision(tx, {
      workspaceId: ws.id,
      decision: 'team',
      actorId: inv.createdBy,
      summary: `Invited a new ${inv.role.replace('_', ' ')} (FTE ${inv.fte}), who joined`,
      details: { userId, role: inv.role },
    });
    return {
      id: ws.id,
      name: ws.name,
      slug: ws.slug,
      role: inv.role,
      createdAt: ws.createdAt.toISOString(),
    };
  });
}
