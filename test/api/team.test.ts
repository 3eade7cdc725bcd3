/**
 * The team as an attacker sees it: a delegate of the team decision trying to take the company
 * over, and an invitation made for one person used by another. Each test is the attack, then
 * proof that nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionRights, Member } from '../../src/contract';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

async function membersOf(team: Team): Promise<Record<string, { role: string; version: number }>> {
  const res = await team.founder.get<{ data: Member[] }>(`/api/workspaces/${team.workspaceId}/members`);
  return Object.fromEntries(res.body.data.map((m) => [m.userId, { role: m.role, version: m.version }]));
}

async function invite(from: TestClient, workspaceId: string, body: Record<string, unknown>) {
  const res = await from.post<{ token: string }>(`/api/workspaces/${workspaceId}/invitations`, body);
  if (res.status !== 201) throw new Error(`invite failed: ${JSON.stringify(res.body)}`);
  return res.body.token;
}

describe('delegating the team decision does not hand over the company', () => {
  it('should refuse every step of the takeover by a CPO holding R on team, and change nothing', async () => {
    const team = await createTeam(ctx.app, ['founder', 'cpo', 'developer']);
    const ws = `/api/workspaces/${team.workspaceId}`;
    const rights = await team.founder.get<DecisionRights>(`${ws}/decision-rights`);
    const matrix = structuredClone(rights.body.matrix);
    matrix.team.cpo = 'R';
    const delegated = await team.founder.put<DecisionRights>(`${ws}/decision-rights`, {
      version: rights.body.version,
      matrix,
    });
    expect(delegated.status).toBe(200);
    expect(delegated.body.matrix.team.cpo).toBe('R');
    const before = await membersOf(team);
    const cpo = team.cpo;

    // 1. The CPO makes itself founder.
    const self = await cpo.patch<ErrorBody>(`${ws}/members/${cpo.userId}`, { version: 1, role: 'founder' });
    expect(self.status).toBe(403);
    expect(self.body.error.message).toBe('Nobody can change their own role: ask Alex (founder)');

    // 2. The CPO makes an accomplice (the developer) founder.
    const accomplice = await cpo.patch<ErrorBody>(`${ws}/members/${team.developer.userId}`, {
      version: 1,
      role: 'founder',
    });
    expect(accomplice.status).toBe(403);
    expect(accomplice.body.error.message).toBe(
      'Only a founder can make someone a founder: ask Alex (founder)',
    );

    // 3. The CPO invites a second account of its own as founder.
    const sock = await cpo.post<ErrorBody>(`${ws}/invitations`, { role: 'founder' });
    expect(sock.status).toBe(403);
    expect(sock.body.error.message).toBe('Only a founder can invite a founder: ask Alex (founder)');

    // 4. The CPO rewrites the decision-rights matrix.
    const grab = structuredClone(matrix);
    grab.team = { ...grab.team, founder: 'I', cpo: 'A' };
    const rewrite = await cpo.put<ErrorBody>(`${ws}/decision-rights`, {
      version: delegated.body.version,
      matrix: grab,
    });
    expect(rewrite.status).toBe(403);
    expect(rewrite.body.error.message).toBe('Only a founder can change who decides what: ask Alex (founder)');

    // 5. The CPO demotes, then removes, the founder.
    const demote = await cpo.patch<ErrorBody>(`${ws}/members/${team.founder.userId}`, {
      version: 1,
      role: 'viewer',
    });
    expect(demote.status).toBe(403);
    expect(demote.body.error.message).toMatch(/^Only a founder can change a founder's role/);
    const remove = await cpo.delete<ErrorBody>(`${ws}/members/${team.founder.userId}`);
    expect(remove.status).toBe(403);
    expect(remove.body.error.message).toBe('Only a founder can remove a founder: ask Alex (founder)');

    expect(await membersOf(team)).toEqual(before);
    const after = await team.founder.get<DecisionRights>(`${ws}/decision-rights`);
    expect(after.body.version).toBe(delegated.body.version);
    expect(after.body.matrix).toEqual(matrix);

    // What the delegation is for still works: the CPO invites and places ordinary roles.
    const designer = await cpo.post(`${ws}/invitations`, { role: 'designer' });
    expect(designer.status).toBe(201);
    const moved = await cpo.patch<Member>(`${ws}/members/${team.developer.userId}`, {
      version: 1,
      role: 'designer',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.role).toBe('designer');
  });

  it('should keep the last founder: no self-demotion, and leaving needs another founder', async () => {
    const team = await createTeam(ctx.app, ['founder', 'cto']);
    const ws = `/api/workspaces/${team.workspaceId}`;
    const demoteSelf = await team.founder.patch<ErrorBody>(`${ws}/members/${team.founder.userId}`, {
      version: 1,
      role: 'cto',
    });
    expect(demoteSelf.status).toBe(403);
    expect(demoteSelf.body.error.message).toBe(
      'Nobody can change their own role: make someone else founder first, then ask them',
    );
    const leave = await team.founder.delete<ErrorBody>(`${ws}/members/${team.founder.userId}`);
    expect(leave.status).toBe(400);
    expect(leave.body.error.message).toMatch(/needs a founder/);

    // With a second founder, the first may step down, but only by the other's hand.
    const promoted = await team.founder.patch<Member>(`${ws}/members/${team.cto.userId}`, {
      version: 1,
      role: 'founder',
    });
    expect(promoted.status).toBe(200);
    const stillSelf = await team.founder.patch<ErrorBody>(`${ws}/members/${team.founder.userId}`, {
      version: 1,
      role: 'cto',
    });
    expect(stillSelf.status).toBe(403);
    expect(stillSelf.body.error.message).toBe('Nobody can change their own role: ask Sam (founder)');
    const stepDown = await team.cto.patch<Member>(`${ws}/members/${team.founder.userId}`, {
      version: 1,
      role: 'cto',
    });
    expect(stepDown.status).toBe(200);
    // Now Sam is the last founder, and the same rules hold the other way round.
    const lastLeaves = await team.cto.delete<ErrorBody>(`${ws}/members/${team.cto.userId}`);
    expect(lastLeaves.status).toBe(400);
    const roles = Object.values(await membersOf(team)).map((m) => m.role);
    expect(roles.filter((r) => r === 'founder')).toHaveLength(1);
  });

  it('should keep a founder when two founders demote or remove each other at once', async () => {
    for (const how of ['demote', 'remove'] as const) {
      for (let round = 0; round < 5; round += 1) {
        const team = await createTeam(ctx.app, ['founder', 'cto']);
        const ws = `/api/workspaces/${team.workspaceId}`;
        const promoted = await team.founder.patch(`${ws}/members/${team.cto.userId}`, {
          version: 1,
          role: 'founder',
        });
        expect(promoted.status).toBe(200);
        const act = (by: TestClient, target: TestClient) =>
          how === 'demote'
            ? by.patch(`${ws}/members/${target.userId}`, {
                version: target === team.cto ? 2 : 1,
                role: 'cto',
              })
            : by.delete(`${ws}/members/${target.userId}`);
        const results = await Promise.all([act(team.founder, team.cto), act(team.cto, team.founder)]);
        // One wins; the other is refused: 400 (the last founder stays), or 403/404 when the loser
        // was already demoted or removed by the time their request was read.
        const statuses = results.map((r) => r.status);
        expect(
          statuses.filter((st) => st < 300),
          how,
        ).toHaveLength(1);
        for (const st of statuses.filter((x) => x >= 300)) expect([400, 403, 404], how).toContain(st);
        // Read as whoever is surely still a member: the one whose act succeeded.
        const survivor = (statuses[0] ?? 400) < 300 ? team.founder : team.cto;
        const left = (await survivor.get<{ data: Member[] }>(`${ws}/members`)).body;
        expect(left.data.filter((m) => m.role === 'founder')).toHaveLength(1);
      }
    }
  });

  it('should let a founder leave when another founder remains', async () => {
    const team = await createTeam(ctx.app, ['founder', 'cto']);
    const ws = `/api/workspaces/${team.workspaceId}`;
    await team.founder.patch(`${ws}/members/${team.cto.userId}`, { version: 1, role: 'founder' });
    const leave = await team.founder.delete(`${ws}/members/${team.founder.userId}`);
    expect(leave.status).toBe(204);
    const members = await team.cto.get<{ data: Member[] }>(`${ws}/members`);
    expect(members.body.data.map((m) => m.role)).toEqual(['founder']);
  });

  it('should void a delegate’s pending invitations once the team decision is taken back', async () => {
    const team = await createTeam(ctx.app, ['founder', 'cpo']);
    const ws = `/api/workspaces/${team.workspaceId}`;
    const rights = await team.founder.get<DecisionRights>(`${ws}/decision-rights`);
    const matrix = structuredClone(rights.body.matrix);
    matrix.team.cpo = 'R';
    const delegated = await team.founder.put<DecisionRights>(`${ws}/decision-rights`, {
      version: rights.body.version,
      matrix,
    });
    const token = await invite(team.cpo, team.workspaceId, { role: 'cto' });
    matrix.team.cpo = 'C';
    const withdrawn = await team.founder.put(`${ws}/decision-rights`, {
      version: delegated.body.version,
      matrix,
    });
    expect(withdrawn.status).toBe(200);
    const joiner = new TestClient(ctx.app);
    await joiner.signUp('Late');
    const accepted = await joiner.post<ErrorBody>('/api/invitations/accept', { token });
    expect(accepted.status).toBe(403);
    expect(accepted.body.error.message).toMatch(/can no longer invite/);
    const me = await joiner.get<{ workspaces: unknown[] }>('/api/me');
    expect(me.body.workspaces).toEqual([]);
  });
});

describe('an invitation made for an address', () => {
  it('should refuse another account, with the address masked, and add nobody', async () => {
    const team = await createTeam(ctx.app, ['founder']);
    const token = await invite(team.founder, team.workspaceId, {
      role: 'cto',
      email: 'Maria.Lopez@Example.com',
    });
    const attacker = new TestClient(ctx.app);
    await attacker.signUp('Mallory', 'mallory@example.net');
    const stolen = await attacker.post<ErrorBody>('/api/invitations/accept', { token });
    expect(stolen.status).toBe(403);
    expect(stolen.body.error.message).toBe(
      'This invitation is for m…@example.com: sign in as that person, or ask whoever invited you for a link for your own address',
    );
    expect(JSON.stringify(stolen.body)).not.toContain('lopez');
    const me = await attacker.get<{ workspaces: unknown[] }>('/api/me');
    expect(me.body.workspaces).toEqual([]);
    expect(Object.keys(await membersOf(team))).toEqual([team.founder.userId]);

    // The invitation is not used up by the refusal: its person can still join, whatever the case.
    const maria = new TestClient(ctx.app);
    await maria.signUp('Maria', 'maria.lopez@example.com');
    const joined = await maria.post<{ id: string; role: string }>('/api/invitations/accept', { token });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ id: team.workspaceId, role: 'cto' });
  });

  it('should let anyone with the link join when the invitation names no address', async () => {
    const team = await createTeam(ctx.app, ['founder']);
    const token = await invite(team.founder, team.workspaceId, { role: 'designer' });
    const someone = new TestClient(ctx.app);
    await someone.signUp('Open');
    const joined = await someone.post('/api/invitations/accept', { token });
    expect(joined.status).toBe(200);
  });
});
