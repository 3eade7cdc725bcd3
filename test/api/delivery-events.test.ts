/**
 * Delivery events through the API: an ingest token posts deployments and incidents to its own
 * workspace only, a retried event counts once, members read the DORA measures, and bad events
 * are refused with a 400 that names the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedIngestToken, DoraMeasuresView, EventReceipt, IngestToken } from '../../src/contract';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let other: Team;
let pipeline: TestClient;

const events = (workspaceId: string, kind: 'deployments' | 'incidents') =>
  `/api/workspaces/${workspaceId}/events/${kind}`;
const doraOf = (workspaceId: string) => `/api/workspaces/${workspaceId}/dora?from=2026-03-01&to=2026-03-14`;

async function createIngestClient(owner: TestClient, workspaceId: string, name: string) {
  const res = await owner.post<CreatedIngestToken>(`/api/workspaces/${workspaceId}/ingest-tokens`, { name });
  expect(res.status).toBe(201);
  const client = new TestClient(ctx.app);
  client.token = res.body.token;
  return { client, id: res.body.id };
}

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app);
  other = await createTeam(ctx.app, ['founder']);
  const created = await createIngestClient(team.developer, team.workspaceId, 'deploy pipeline');
  pipeline = created.client;
});
afterAll(() => ctx.close());

describe('ingest tokens', () => {
  it('should show the secret once and list the token without it', async () => {
    expect(pipeline.token).toMatch(/^hwi_[\w-]{43}$/);
    const list = await team.founder.get<{ data: IngestToken[] }>(
      `/api/workspaces/${team.workspaceId}/ingest-tokens`,
    );
    expect(list.status).toBe(200);
    expect(list.body.data.map((t) => t.name)).toEqual(['deploy pipeline']);
    expect(JSON.stringify(list.body)).not.toContain(pipeline.token);
  });

  it('should not let a viewer create one', async () => {
    const res = await team.viewer.post(`/api/workspaces/${team.workspaceId}/ingest-tokens`, { name: 'x' });
    expect(res.status).toBe(403);
  });

  it('should authenticate nothing but events', async () => {
    expect((await pipeline.get('/api/me')).status).toBe(401);
    expect((await pipeline.get(doraOf(team.workspaceId))).status).toBe(401);
    expect((await pipeline.get(`/api/workspaces/${team.workspaceId}/items`)).status).toBe(401);
  });

  it('should not be needed by a member, nor replaced by a session', async () => {
    const res = await team.founder.post(events(team.workspaceId, 'deployments'), {
      key: 'by-session',
      deployedAt: '2026-03-02T10:00:00Z',
    });
    expect(res.status).toBe(401);
    expect((res.body as { error: { message: string } }).error.message).toContain('ingest token');
  });
});

describe('events and the DORA measures', () => {
  it('should record a deployment once however often it is sent', async () => {
    const deployment = {
      key: 'run-1',
      deployedAt: '2026-03-02T10:00:00Z',
      commitTimes: ['2026-03-02T08:00:00Z', '2026-03-01T10:00:00Z'],
    };
    const first = await pipeline.post<EventReceipt>(events(team.workspaceId, 'deployments'), deployment);
    expect(first.status).toBe(201);
    expect(first.body.outcome).toBe('created');
    const again = await pipeline.post<EventReceipt>(events(team.workspaceId, 'deployments'), deployment);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, outcome: 'unchanged' });
  });

  it('should open an incident, resolve it by its key and ignore a repeated resolution', async () => {
    const post = (body: object) => pipeline.post<EventReceipt>(events(team.workspaceId, 'incidents'), body);
    await pipeline.post(events(team.workspaceId, 'deployments'), {
      key: 'run-2',
      deployedAt: '2026-03-04T10:00:00+01:00',
      commitTimes: ['2026-03-04T08:00:00Z'],
    });
    await pipeline.post(events(team.workspaceId, 'deployments'), {
      key: 'run-3',
      deployedAt: '2026-03-06T10:00:00Z',
      succeeded: false,
    });
    expect((await post({ key: 'inc-1', openedAt: '2026-03-04T11:00:00Z', causedBy: 'run-2' })).status).toBe(
      201,
    );
    const resolved = await post({ key: 'inc-1', resolvedAt: '2026-03-04T15:00:00Z' });
    expect([resolved.status, resolved.body.outcome]).toEqual([200, 'updated']);
    const repeated = await post({ key: 'inc-1', resolvedAt: '2026-03-05T15:00:00Z' });
    expect(repeated.body.outcome).toBe('unchanged');
  });

  it('should answer the four measures of the period to a member', async () => {
    const res = await team.viewer.get<DoraMeasuresView>(doraOf(team.workspaceId));
    expect(res.status).toBe(200);
    const m = res.body;
    // run-1 and run-2 succeeded over 14 days; run-3 failed.
    expect(m.deploymentFrequency).toMatchObject({ deployments: 2, perWeek: 1, band: 'daily-to-weekly' });
    // Lead hours 2 and 24 (run-1), 1 (run-2 deployed 09:00 UTC): median 2, P85 2 + 0.7 × 22 = 17.4.
    expect(m.leadTime.count).toBe(3);
    expect(m.leadTime.medianHours).toBe(2);
    expect(m.leadTime.p85Hours).toBeCloseTo(17.4, 10);
    // run-3 failed and run-2 caused inc-1: 2 of 3.
    expect(m.changeFailure).toEqual({ deployments: 3, failed: 2, rate: 2 / 3 });
    expect(m.timeToRestore).toMatchObject({ count: 1, medianHours: 4, open: 0, band: 'under-1-day' });
    expect(m.tiers.find((y) => y.year === 2024)?.metrics['change-fail-rate']).toBe('low');
    expect(m.definitions).toHaveLength(4);
  });
});

describe('tenancy and revocation', () => {
  it('should refuse a token of one workspace posting to another, recording nothing there', async () => {
    const res = await pipeline.post(events(other.workspaceId, 'deployments'), {
      key: 'stray',
      deployedAt: '2026-03-03T10:00:00Z',
    });
    expect(res.status).toBe(404);
    const measures = await other.founder.get<DoraMeasuresView>(doraOf(other.workspaceId));
    expect(measures.body.changeFailure.deployments).toBe(0);
  });

  it('should refuse a revoked token from the next event on', async () => {
    const { client, id } = await createIngestClient(team.founder, team.workspaceId, 'pager');
    const incident = { key: 'inc-2', openedAt: '2026-03-10T00:00:00Z' };
    expect((await client.post(events(team.workspaceId, 'incidents'), incident)).status).toBe(201);
    expect(
      (await team.founder.delete(`/api/workspaces/${team.workspaceId}/ingest-tokens/${id}`)).status,
    ).toBe(204);
    const refused = await client.post(events(team.workspaceId, 'incidents'), { ...incident, key: 'inc-3' });
    expect(refused.status).toBe(401);
    expect((refused.body as { error: { message: string } }).error.message).toContain('revoked');
    expect(
      (await team.founder.delete(`/api/workspaces/${team.workspaceId}/ingest-tokens/${id}`)).status,
    ).toBe(404);
  });

  it('should let neither a viewer nor another workspace revoke a token', async () => {
    const { id } = await createIngestClient(team.founder, team.workspaceId, 'spare');
    expect((await team.viewer.delete(`/api/workspaces/${team.workspaceId}/ingest-tokens/${id}`)).status).toBe(
      403,
    );
    expect(
      (await other.founder.delete(`/api/workspaces/${other.workspaceId}/ingest-tokens/${id}`)).status,
    ).toBe(404);
    const list = await team.founder.get<{ data: IngestToken[] }>(
      `/api/workspaces/${team.workspaceId}/ingest-tokens`,
    );
    expect(list.body.data.map((t) => t.id)).toContain(id);
  });

  it('should refuse an unknown ingest token', async () => {
    const stranger = new TestClient(ctx.app);
    stranger.token = `hwi_${'A'.repeat(43)}`;
    const res = await stranger.post(events(team.workspaceId, 'deployments'), {
      key: 'k',
      deployedAt: '2026-03-03T10:00:00Z',
    });
    expect(res.status).toBe(401);
  });
});

describe('bad events', () => {
  const cases: [string, 'deployments' | 'incidents', unknown, string][] = [
    ['year 0000', 'deployments', { key: 'b1', deployedAt: '0000-01-01T00:00:00Z' }, 'deployedAt'],
    ['year 9999', 'deployments', { key: 'b2', deployedAt: '9999-12-31T00:00:00Z' }, 'deployedAt'],
    ['a NUL byte', 'deployments', { key: 'b\u00003', deployedAt: '2026-03-03T10:00:00Z' }, 'key'],
    [
      'a huge number',
      'deployments',
      { key: 'b4', deployedAt: '2026-03-03T10:00:00Z', succeeded: 1e308 },
      'succeeded',
    ],
    ['a number for a time', 'deployments', { key: 'b5', deployedAt: 1e20 }, 'deployedAt'],
    [
      'a commit after its deployment',
      'deployments',
      { key: 'b6', deployedAt: '2026-03-03T10:00:00Z', commitTimes: ['2026-03-03T11:00:00Z'] },
      'commitTimes',
    ],
    ['an unknown field', 'deployments', { key: 'b7', deployedAt: '2026-03-03T10:00:00Z', sha: 'x' }, 'sha'],
    ['an empty key', 'incidents', { key: ' ', openedAt: '2026-03-03T10:00:00Z' }, 'key'],
    [
      'a new incident without its opening',
      'incidents',
      { key: 'b8', resolvedAt: '2026-03-03T10:00:00Z' },
      'openedAt',
    ],
    [
      'a resolution before the opening',
      'incidents',
      { key: 'inc-1', resolvedAt: '2020-03-03T10:00:00Z', openedAt: '2026-03-03T10:00:00Z' },
      'resolvedAt',
    ],
  ];
  it.each(cases)('should answer 400 naming the field for %s', async (_, kind, body, field) => {
    const res = await pipeline.post<{ error: { code: string; message: string } }>(
      events(team.workspaceId, kind),
      body,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });

  it('should record nothing for a refused event', async () => {
    const m = await team.founder.get<DoraMeasuresView>(doraOf(team.workspaceId));
    expect(m.body.changeFailure.deployments).toBe(3);
  });

  it('should answer 400 for a period that ends before it starts', async () => {
    const res = await team.founder.get(
      `/api/workspaces/${team.workspaceId}/dora?from=2026-03-10&to=2026-03-01`,
    );
    expect(res.status).toBe(400);
  });
});
