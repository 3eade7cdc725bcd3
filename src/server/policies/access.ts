import { and, eq, type Placeholder, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Database } from '../../db/client';
import { memberships, users, workspaces } from '../../db/schema';
import {
  accountableRole,
  canDecide,
  type Decision,
  type DecisionMatrix,
  describeRefusal,
  findEffectiveHolders,
  type Holder,
  holdsDecision,
  type Role,
} from '../../domain/decision-rights';
import type { AppEnv, MemberRow } from '../context';
import { AppError, notFound } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed UUID; anything else cannot name a row and answers 404. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const WORKSPACE_PATH = /^\/api\/workspaces\/([^/]+)/;

/** The workspace a request's path names (`/api/workspaces/{id}/…`), when it is a well-formed id. */
export function workspaceInPath(path: string): string | undefined {
  const id = WORKSPACE_PATH.exec(path)?.[1];
  return id && isUuid(id) ? id : undefined;
}

/**
 * The membership of a session's or token's user in a workspace, as one JSON column, so the caller
 * and their membership take one query. Names are qualified by hand: drizzle leaves a column in a
 * select list unqualified, which inside this subquery would name the membership's own column.
 * The workspace may be a placeholder, for a query prepared once and run for every request.
 */
export function memberOf(callerTable: 'sessions' | 'api_tokens', workspaceId: string | Placeholder) {
  return sql<MemberRow | null>`(select json_build_object(
      'role', m.role,
      'workspaceName', w.name,
      'matrix', w.decision_rights,
      'matrixVersion', w.decision_rights_version)
    from memberships m join workspaces w on w.id = m.workspace_id
    where m.workspace_id = ${workspaceId} and m.user_id = ${sql.identifier(callerTable)}.user_id)`;
}

/** The signed-in user, or 401. */
export function requireUser(c: Context<AppEnv>): string {
  const caller = c.get('caller');
  if (!caller) {
    throw new AppError(
      'unauthenticated',
      'Sign in first, or send an API token as "Authorization: Bearer <token>"',
    );
  }
  return caller.userId;
}

/** Who is acting, in which workspace, with which role and decision rights. */
export interface Actor {
  userId: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  matrix: DecisionMatrix;
  matrixVersion: number;
}

/**
 * Loads the caller's membership of a workspace. A workspace the caller does not belong to
 * answers 404, exactly as one that does not exist, so tenants cannot probe each other.
 */
export async function requireMember(c: Context<AppEnv>, workspaceId: string): Promise<Actor> {
  const userId = requireUser(c);
  if (!isUuid(workspaceId)) throw notFound('Workspace');
  const memo = c.get('caller')?.member;
  const actor =
    memo?.workspaceId === workspaceId
      ? memo.row && { userId, workspaceId, ...memo.row }
      : await findActor(c.get('deps').db, userId, workspaceId);
  if (!actor) throw notFound('Workspace');
  return actor;
}

/**
 * A user as a member of a workspace, with their role and the workspace's decision rights.
 * @returns null when the user is not a member (or the workspace does not exist)
 */
export async function findActor(db: Database, userId: string, workspaceId: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      name: workspaces.name,
      matrix: workspaces.decisionRights,
      matrixVersion: workspaces.decisionRightsVersion,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) return null;
  return {
    userId,
    workspaceId,
    workspaceName: row.name,
    role: row.role,
    matrix: row.matrix,
    matrixVersion: row.matrixVersion,
  };
}

/** Everyone but a viewer may capture work, comment and move work along the workflow. */
export function requireContributor(actor: Actor): void {
  if (actor.role === 'viewer') {
    throw new AppError(
      'forbidden',
      'Viewers can read but not change anything: ask the founder for another role',
      {
        details: { role: actor.role },
      },
    );
  }
}

/** Only the founder edits the decision-rights matrix itself. */
export function requireFounder(actor: Actor, what: string): void {
  if (actor.role !== 'founder') {
    throw new AppError('forbidden', `Only the founder can ${what}`, { details: { role: actor.role } });
  }
}

/** The roles that connect the workspace to other tools (GitHub): the founder and the tech leads. */
export const TOOL_ADMIN_ROLES = ['founder', 'cto', 'ctpo'] as const satisfies readonly Role[];

/**
 * Only the founder, the CTO or the CTPO connects, syncs or disconnects a tool: a connection
 * holds a credential to the company's code and writes history into the backlog.
 */
export function requireToolAdmin(actor: Actor, what: string): void {
  if (!(TOOL_ADMIN_ROLES as readonly Role[]).includes(actor.role)) {
    throw new AppError('forbidden', `Only the founder, the CTO or the CTPO can ${what}: ask one of them`, {
      details: { role: actor.role },
    });
  }
}

/** The workspace's members as decision holders, for refusals and the inbox. */
export async function findTeam(db: Database, workspaceId: string): Promise<Holder[]> {
  const rows = await db
    .select({ userId: memberships.userId, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(users.name);
  return rows;
}

/**
 * Refuses, with who decides instead, when the actor may not make the decision in this team. A
 * founder holds any decision nobody on the team holds yet (see `holdsDecision`), so a new
 * workspace is never stuck. The body names the decision, the accountable role and the people
 * holding it, so any surface can say "Ordering the backlog belongs to the product function: ask
 * Dana (product manager)".
 */
export async function requireDecision(db: Database, actor: Actor, decision: Decision): Promise<void> {
  // The matrix alone settles most checks without reading the team.
  if (canDecide(actor.matrix, actor.role, decision)) return;
  const team = await findTeam(db, actor.workspaceId);
  if (holdsDecision(actor.matrix, decision, actor, team)) return;
  const holders = findEffectiveHolders(actor.matrix, decision, team);
  throw new AppError('decision_not_yours', describeRefusal(actor.matrix, decision, holders), {
    details: {
      decision,
      accountableRole: accountableRole(actor.matrix, decision),
      yourRole: actor.role,
      holders,
    },
  });
}

/** True when the actor may make the decision in this team (see `requireDecision`), without refusing. */
export async function mayDecide(db: Database, actor: Actor, decision: Decision): Promise<boolean> {
  if (canDecide(actor.matrix, actor.role, decision)) return true;
  return holdsDecision(actor.matrix, decision, actor, await findTeam(db, actor.workspaceId));
}
