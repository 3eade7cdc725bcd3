import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthUpdate, HealthUpdateList, Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let other: Team;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cpo', 'ctpo', 'developer']);
  other = await createTeam(ctx.app, ['founder']);
});
afterAll(() => ctx.close());

const W = (t: Team) => `/api/workspaces/${t.workspaceId}`;

async function createItem(type: Item['type'], title: string): Promise<Item> {
  const res = await team.ctpo.post<Item>(`${W(team)}/items`, { type, title });
  expect(res.status).toBe(201);
  return res.body;
}

const history = async (itemId: string) =>
  (await team.developer.get<HealthUpdateList>(`${W(team)}/items/${itemId}/health-updates`)).body.data;

describe('health updates on milestones', () => {
  it('should keep each call with who made it and when, newest first, and log it as a roadmap decision', async () => {
    const milestone = await createItem('initiative', 'Team workspaces');
    const first = await team.cpo.post<HealthUpdate>(`${W(team)}/items/${milestone.id}/health-updates`, {
      status: 'on_track',
      note: 'Design signed off',
      baseVersion: 0,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      itemId: milestone.id,
      version: 1,
      status: 'on_track',
      note: 'Design signed off',
      authorId: team.cpo.userId,
      authorName: 'Chris',
    });
    const second = await team.founder.post<HealthUpdate>(`${W(team)}/items/${milestone.id}/health-updates`, {
      status: 'at_risk',
      note: '  Audit trail scope grew  ',
      baseVersion: 1,
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ version: 2, status: 'at_risk', note: 'Audit trail scope grew' });
    const list = await history(milestone.id);
    expect(list.map((u) => [u.version, u.status, u.authorName])).toEqual([
      [2, 'at_risk', 'Alex'],
      [1, 'on_track', 'Chris'],
    ]);
    expect(Date.parse(list[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(list[1]!.createdAt));
    // The roadmap shows the current call only: one per milestone, the latest.
    const latest = await team.developer.get<HealthUpdateList>(`${W(team)}/health-updates/latest`);
    expect(latest.body.data.filter((u) => u.itemId === milestone.id)).toEqual([list[0]]);
    const log = await team.cpo.get<{ data: { decision: string; summary: string; itemId: string | null }[] }>(
      `${W(team)}/decisions?decision=roadmap`,
    );
    expect(log.body.data.filter((d) => d.itemId === milestone.id).map((d) => d.summary)).toEqual([
      `Called #${milestone.number} Team workspaces at risk`,
      `Called #${milestone.number} Team workspaces on track`,
    ]);
  });

  it('should answer 409 with the current call when the caller saw an older version, and store nothing', async () => {
    const milestone = await createItem('epic', 'Audit trail');
    const url = `${W(team)}/items/${milestone.id}/health-updates`;
    expect((await team.cpo.post(url, { status: 'on_track', note: 'fine', baseVersion: 0 })).status).toBe(201);
    const stale = await team.founder.post<{
      error: { code: string; message: string; details: { current: HealthUpdate } };
    }>(url, { status: 'off_track', note: 'not fine', baseVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.details.current).toMatchObject({
      version: 1,
      status: 'on_track',
      authorName: 'Chris',
    });
    expect(stale.body.error.message).toContain('baseVersion 1');
    const ahead = await team.founder.post(url, { status: 'off_track', note: 'not fine', baseVersion: 5 });
    expect(ahead.status).toBe(409);
    expect((await history(milestone.id)).map((u) => u.version)).toEqual([1]);
  });

  it('should refuse a member who does not hold the roadmap decision with a 403 naming who does', async () => {
    const milestone = await createItem('initiative', 'Billing');
    const res = await team.developer.post<{
      error: { code: string; message: string; details: { decision: string; holders: { name: string }[] } };
    }>(`${W(team)}/items/${milestone.id}/health-updates`, {
      status: 'on_track',
      note: 'looks fine',
      baseVersion: 0,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
    expect(res.body.error.details.decision).toBe('roadmap');
    expect(res.body.error.message).toContain('Chris');
    expect(res.body.error.details.holders.map((h) => h.name)).toContain('Chris');
    expect(await history(milestone.id)).toEqual([]);
  });

  it('should answer 400 naming what to fix for a missing note, an unknown call or an item that is not a milestone', async () => {
    const milestone = await createItem('initiative', 'Reports');
    const url = `${W(team)}/items/${milestone.id}/health-updates`;
    const noNote = await team.cpo.post<{ error: { message: string } }>(url, {
      status: 'on_track',
      note: '   ',
      baseVersion: 0,
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.message).toContain('note');
    const unknown = await team.cpo.post(url, { status: 'fine', note: 'x', baseVersion: 0 });
    expect(unknown.status).toBe(400);
    const feature = await createItem('feature', 'Export CSV');
    const onFeature = await team.cpo.post<{ error: { message: string } }>(
      `${W(team)}/items/${feature.id}/health-updates`,
      { status: 'on_track', note: 'fine', baseVersion: 0 },
    );
    expect(onFeature.status).toBe(400);
    expect(onFeature.body.error.message).toMatch(/initiatives and epics/);
    expect(await history(milestone.id)).toEqual([]);
  });

  it('should keep each workspace’s health updates to itself', async () => {
    const milestone = await createItem('initiative', 'Private milestone');
    await team.cpo.post(`${W(team)}/items/${milestone.id}/health-updates`, {
      status: 'off_track',
      note: 'secret',
      baseVersion: 0,
    });
    // Another workspace's founder cannot read or post on it, through either workspace.
    const outsider = other.founder;
    expect((await outsider.get(`${W(team)}/items/${milestone.id}/health-updates`)).status).toBe(404);
    expect((await outsider.get(`${W(other)}/items/${milestone.id}/health-updates`)).status).toBe(404);
    const post = await outsider.post(`${W(other)}/items/${milestone.id}/health-updates`, {
      status: 'on_track',
      note: 'mine now',
      baseVersion: 1,
    });
    expect(post.status).toBe(404);
    expect((await outsider.get(`${W(team)}/health-updates/latest`)).status).toBe(404);
    const theirs = await outsider.get<HealthUpdateList>(`${W(other)}/health-updates/latest`);
    expect(theirs.body.data).toEqual([]);
    expect((await history(milestone.id)).map((u) => u.note)).toEqual(['secret']);
  });
});
