/**
 * The authorization matrix of role changes, in a workspace whose founder has delegated the team
 * decision to every other role (R on `team`). Delegating the team must not hand over the company:
 * the founder role, which edits who decides what, stays with the founders. Declared from the
 * product's rules, not derived from the server's code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/contract';
import { ROLES, type Role } from '../../src/domain/decision-rights';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { createTeam, type Team } from '../support/team';

const ALL: readonly Role[] = ROLES;
const FOUNDER: readonly Role[] = ['founder'];
const NOBODY: readonly Role[] = [];

interface Target {
  ws: string;
  /** The caller's own user id. */
  self: string;
  /** A fresh developer, someone else's membership to change. */
  developerId: string;
  /** A fresh second founder. */
  founderId: string;
  rightsVersion: number;
}

interface RoleCase {
  name: string;
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: (t: Target) => string;
  body?: (t: Target, role: Role) => unknown;
  allowed: readonly Role[];
  /** Whose membership the case changes, so only that is created for each call. */
  needs?: 'developer' | 'founder';
}

const W = (t: Target) => `/api/workspaces/${t.ws}`;

const CASES: RoleCase[] = [
  {
    name: 'promote oneself to founder',
    method: 'PATCH',
    path: (t) => `${W(t)}/members/${t.self}`,
    body: (_t, role) => ({ version: 1, role: role === 'founder' ? 'cto' : 'founder' }),
    allowed: NOBODY,
  },
  {
    name: 'change one’s own role to another',
    method: 'PATCH',
    path: (t) => `${W(t)}/members/${t.self}`,
    body: (_t, role) => ({ version: 1, role: role === 'viewer' ? 'developer' : 'viewer' }),
    allowed: NOBODY,
  },
  {
    name: 'make a developer founder',
    method: 'PATCH',
    path: (t) => `${W(t)}/members/${t.developerId}`,
    body: () => ({ version: 1, role: 'founder' }),
    allowed: FOUNDER,
    needs: 'developer',
  },
  {
    name: 'make a developer CPO (the delegated team decision)',
    method: 'PATCH',
    path: (t) => `${W(t)}/members/${t.developerId}`,
    body: () => ({ version: 1, role: 'cpo' }),
    allowed: ALL,
    needs: 'developer',
  },
  {
    name: 'change a developer’s FTE',
    method: 'PATCH',
    path: (t) => `${W(t)}/members/${t.developerId}`,
    body: () => ({ version: 1, fte: 0.5 }),
    allowed: ALL,
    needs: 'developer',
  },
  {
    name: 'remove a developer',
    method: 'DELETE',
    path: (t) => `${W(t)}/members/${t.developerId}`,
    allowed: ALL,
    needs: 'developer',
  },
  {
    name: 'demote a founder',
    method: 'PATCH',
    path: (t) => `${W(t)}/members/${t.founderId}`,
    body: () => ({ version: 1, role: 'developer' }),
    allowed: FOUNDER,
    needs: 'founder',
  },
  {
    name: 'change a founder’s FTE',
    method: 'PATCH',
    path: (t) => `${W(t)}/members/${t.founderId}`,
    body: () => ({ version: 1, fte: 0.1 }),
    allowed: FOUNDER,
    needs: 'founder',
  },
  {
    name: 'remove a founder',
    method: 'DELETE',
    path: (t) => `${W(t)}/members/${t.founderId}`,
    allowed: FOUNDER,
    needs: 'founder',
  },
  {
    name: 'invite a founder',
    method: 'POST',
    path: (t) => `${W(t)}/invitations`,
    body: () => ({ role: 'founder' }),
    allowed: FOUNDER,
  },
  {
    name: 'invite a CPO (the delegated team decision)',
    method: 'POST',
    path: (t) => `${W(t)}/invitations`,
    body: () => ({ role: 'cpo' }),
    allowed: ALL,
  },
  {
    name: 'edit the decision-rights matrix',
    method: 'PUT',
    path: (t) => `${W(t)}/decision-rights`,
    body: (t) => ({ version: t.rightsVersion, matrix: DELEGATED }),
    allowed: FOUNDER,
  },
];

let DELEGATED: Record<string, Record<string, string>>;
let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;

/** Someone new joins the team through a founder's invitation, with this role. */
async function join(role: Role): Promise<TestClient> {
  const invite = await team.founder.post<{ token: string }>(
    `/api/workspaces/${team.workspaceId}/invitations`,
    {
      role,
    },
  );
  if (invite.status !== 201) throw new Error(`setup failed: ${JSON.stringify(invite.body)}`);
  const client = new TestClient(ctx.app);
  await client.signUp(`Joiner ${role}`);
  const joined = await client.post('/api/invitations/accept', { token: invite.body.token });
  if (joined.status !== 200) throw new Error(`setup failed: ${JSON.stringify(joined.body)}`);
  return client;
}

const NONE = '00000000-0000-4000-8000-000000000000';

async function prepare(caller: TestClient, needs: RoleCase['needs']): Promise<Target> {
  const developerId = needs === 'developer' ? (await join('developer')).userId : NONE;
  const founderId = needs === 'founder' ? (await join('founder')).userId : NONE;
  const rights = await team.founder.get<{ version: number }>(
    `/api/workspaces/${team.workspaceId}/decision-rights`,
  );
  return {
    ws: team.workspaceId,
    self: caller.userId,
    developerId,
    founderId,
    rightsVersion: rights.body.version,
  };
}

async function rolesOfTeam(): Promise<Record<string, string>> {
  const res = await team.founder.get<{ data: Member[] }>(`/api/workspaces/${team.workspaceId}/members`);
  return Object.fromEntries(res.body.data.map((m) => [m.userId, m.role]));
}

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app);
  const base = `/api/workspaces/${team.workspaceId}/decision-rights`;
  const rights = await team.founder.get<{ version: number; matrix: Record<string, Record<string, string>> }>(
    base,
  );
  DELEGATED = structuredClone(rights.body.matrix);
  for (const role of ROLES) if (role !== 'founder') (DELEGATED.team as Record<string, string>)[role] = 'R';
  const put = await team.founder.put(base, { version: rights.body.version, matrix: DELEGATED });
  if (put.status !== 200) throw new Error(`setup failed: ${JSON.stringify(put.body)}`);
});
afterAll(() => ctx.close());

describe('role changes with the team decision delegated to every role', () => {
  it('should allow and deny exactly as declared for every role change × role', async () => {
    const unexpected: string[] = [];
    let checked = 0;
    for (const route of CASES) {
      for (const role of ROLES) {
        const caller = team[role];
        const target = await prepare(caller, route.needs);
        const allowed = route.allowed.includes(role);
        const before = allowed ? {} : await rolesOfTeam();
        const res = await caller.request(route.method, route.path(target), route.body?.(target, role));
        checked += 1;
        if (allowed && (res.status < 200 || res.status >= 300)) {
          unexpected.push(
            `denied: ${role} ${route.name} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`,
          );
        }
        if (!allowed) {
          if (res.status !== 403) unexpected.push(`allowed: ${role} ${route.name} → ${res.status}`);
          const message = (res.body as { error?: { message?: string } }).error?.message ?? '';
          // A refusal says who can do it instead: a founder of this workspace, by name.
          if (!/ask .*\(founder\)|make someone else founder first/.test(message)) {
            unexpected.push(`403 without who can: ${role} ${route.name}: "${message}"`);
          }
          if (JSON.stringify(await rolesOfTeam()) !== JSON.stringify(before)) {
            unexpected.push(`a refused request changed the team: ${role} ${route.name}`);
          }
        }
      }
    }
    expect(checked).toBe(CASES.length * ROLES.length);
    expect(unexpected).toEqual([]);
  }, 300_000);
});
