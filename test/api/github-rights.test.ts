/**
 * Who may connect, sync and disconnect GitHub: the founder, the CTO and the CTPO, in their own
 * workspace only; every other role gets a 403 that says who can, and another workspace a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/decision-rights';
import { createTestApp } from '../support/app';
import { buildGithubConnection } from '../support/factories';
import { type FakeGithub, generateRepository, startFakeGithub } from '../support/fake-github';
import { createTeam, type Team } from '../support/team';

const TOKEN = `ghs_${'k'.repeat(36)}`;
const ADMINS: readonly Role[] = ['founder', 'cto', 'ctpo'];

describe('rights over a GitHub connection', () => {
  let fake: FakeGithub;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let own: Team;
  let other: Team;

  beforeAll(async () => {
    fake = await startFakeGithub({
      repository: 'acme/shop',
      token: TOKEN,
      repo: generateRepository(5, Date.now() - 864e6),
    });
    ctx = await createTestApp({ github: { baseUrl: fake.url } });
    own = await createTeam(ctx.app);
    other = await createTeam(ctx.app, ['founder']);
  });
  afterAll(async () => {
    await ctx.close();
    await fake.close();
  });

  it('should let only the founder, CTO and CTPO connect, sync and disconnect, saying who can otherwise', async () => {
    const base = `/api/workspaces/${own.workspaceId}/github`;
    const outcomes: string[] = [];
    for (const role of ROLES) {
      const client = own[role];
      const connect = await client.post<{ error?: { message: string } }>(base, {
        repository: 'acme/shop',
        token: TOKEN,
      });
      if (connect.status === 403) expect(connect.body.error?.message).toMatch(/founder, the CTO or the CTPO/);
      else if (connect.status !== 201)
        throw new Error(`${role} connect: ${connect.status} ${JSON.stringify(connect.body)}`);
      else await own.founder.delete(base);
      // A connection to sync and disconnect, whoever may make one.
      await buildGithubConnection(ctx.handle.db, own.workspaceId, { token: TOKEN });
      const sync = await client.post(`${base}/sync`);
      const disconnect = await client.delete(base);
      if (disconnect.status !== 204) await own.founder.delete(base);
      outcomes.push(`${role}: ${connect.status} ${sync.status} ${disconnect.status}`);
    }
    expect(outcomes).toEqual(ROLES.map((r) => `${r}: ${ADMINS.includes(r) ? '201 200 204' : '403 403 403'}`));
  });

  it('should answer 404 for another workspace’s connection, whatever the role', async () => {
    await buildGithubConnection(ctx.handle.db, other.workspaceId, { token: TOKEN });
    const base = `/api/workspaces/${other.workspaceId}/github`;
    for (const role of ADMINS) {
      expect((await own[role].get(base)).status).toBe(404);
      expect((await own[role].post(`${base}/sync`)).status).toBe(404);
      expect((await own[role].delete(base)).status).toBe(404);
      expect((await own[role].post(base, { repository: 'acme/shop', token: TOKEN })).status).toBe(404);
    }
    expect((await other.founder.get<{ connection: unknown }>(base)).body.connection).not.toBeNull();
  });
});
