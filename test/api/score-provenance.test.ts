import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadwayExport, Item, Ranking } from '../../src/contract';
import { items } from '../../src/db/schema';
import { createTestApp, databaseOf } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'product_manager', 'cpo', 'developer']);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

const rice = { rice_reach: 500, rice_impact: 1, rice_confidence: 80, rice_effort: 2 };

async function rankedRow(itemId: string) {
  const res = await team.developer.get<Ranking>(`${base}/ranking?framework=rice`);
  expect(res.status).toBe(200);
  return res.body.ranked.find((entry) => entry.itemId === itemId);
}

describe('who set each score input', () => {
  let item: Item;
  let byDana: Item;
  let byChris: Item;
  let reachSetAt: string;

  beforeAll(async () => {
    const created = await team.product_manager.post<Item>(`${base}/items`, {
      type: 'feature',
      title: 'Saved searches',
    });
    expect(created.status).toBe(201);
    item = created.body;
  });

  it('should name the person who set reach, and when, on the ranking', async () => {
    const res = await team.product_manager.patch<Item>(`${base}/items/${item.id}`, {
      version: item.version,
      scores: { rice_reach: 500 },
    });
    expect(res.status).toBe(200);
    reachSetAt = res.body.updatedAt;
    const ranking = await team.developer.get<Ranking>(`${base}/ranking?framework=rice`);
    const row = ranking.body.unscored.find((entry) => entry.itemId === item.id);
    expect(row?.provenance).toEqual({
      rice_reach: {
        setBy: { userId: team.product_manager.userId, name: 'Dana' },
        setAt: res.body.updatedAt,
        source: 'typed',
      },
    });
  });

  it('should credit a changed impact to the second person and leave reach with the first', async () => {
    const first = await team.product_manager.get<Item>(`${base}/items/${item.id}`);
    const dana = await team.product_manager.patch<Item>(`${base}/items/${item.id}`, {
      version: first.body.version,
      scores: rice,
    });
    expect(dana.status).toBe(200);
    byDana = dana.body;
    const chris = await team.cpo.patch<Item>(`${base}/items/${item.id}`, {
      version: byDana.version,
      scores: { ...rice, rice_impact: 2 },
    });
    expect(chris.status).toBe(200);
    byChris = chris.body;
    const row = await rankedRow(item.id);
    const setByDana = { userId: team.product_manager.userId, name: 'Dana' };
    // Reach keeps the time it was set: saving the same 500 with the other inputs does not claim it again.
    expect(reachSetAt).not.toBe(byDana.updatedAt);
    expect(row?.provenance).toEqual({
      rice_reach: { setBy: setByDana, setAt: reachSetAt, source: 'typed' },
      rice_impact: {
        setBy: { userId: team.cpo.userId, name: 'Chris' },
        setAt: byChris.updatedAt,
        source: 'typed',
      },
      rice_confidence: { setBy: setByDana, setAt: byDana.updatedAt, source: 'typed' },
      rice_effort: { setBy: setByDana, setAt: byDana.updatedAt, source: 'typed' },
    });
  });

  it('should answer 409 to a stale version and record nothing', async () => {
    const before = await rankedRow(item.id);
    const stale = await team.product_manager.patch<{ error: { code: string } }>(`${base}/items/${item.id}`, {
      version: byDana.version,
      scores: { ...rice, rice_reach: 900 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const after = await rankedRow(item.id);
    expect(after?.inputs).toEqual({ ...rice, rice_impact: 2 });
    expect(after?.provenance).toEqual(before?.provenance);
  });

  it('should drop the setter of a removed input', async () => {
    const res = await team.cpo.patch<Item>(`${base}/items/${item.id}`, {
      version: byChris.version,
      scores: { rice_reach: 500, rice_impact: 2 },
    });
    expect(res.status).toBe(200);
    const ranking = await team.developer.get<Ranking>(`${base}/ranking?framework=rice`);
    const row = ranking.body.unscored.find((entry) => entry.itemId === item.id);
    expect(Object.keys(row?.provenance ?? {}).sort()).toEqual(['rice_impact', 'rice_reach']);
    expect(row?.provenance.rice_impact?.setBy?.name).toBe('Chris');
    expect(row?.provenance.rice_reach?.setBy?.name).toBe('Dana');
  });

  it('should name the creator of scores given with a new item', async () => {
    const res = await team.product_manager.post<Item>(`${base}/items`, {
      type: 'feature',
      title: 'SSO',
      scores: rice,
    });
    expect(res.status).toBe(201);
    const row = await rankedRow(res.body.id);
    const setting = row?.provenance.rice_reach;
    expect(setting?.setBy).toEqual({ userId: team.product_manager.userId, name: 'Dana' });
    expect(setting?.source).toBe('typed');
    expect(new Date(setting?.setAt ?? '').toISOString()).toBe(setting?.setAt);
    expect(row?.provenance).toEqual({
      rice_reach: setting,
      rice_impact: setting,
      rice_confidence: setting,
      rice_effort: setting,
    });
  });

  it('should show null for inputs set before their setters were recorded', async () => {
    const res = await team.product_manager.post<Item>(`${base}/items`, {
      type: 'feature',
      title: 'Dark mode',
      scores: rice,
    });
    // As a row written before the provenance column existed reads.
    await databaseOf(ctx.app).update(items).set({ scoreProvenance: {} }).where(eq(items.id, res.body.id));
    const row = await rankedRow(res.body.id);
    expect(row?.provenance).toEqual({
      rice_reach: null,
      rice_impact: null,
      rice_confidence: null,
      rice_effort: null,
    });
  });

  it('should keep who set each input, and when, through Headway JSON, as the e-mail the file names', async () => {
    const before = (await team.developer.get<Ranking>(`${base}/ranking?framework=rice`)).body.ranked.find(
      (entry) => entry.title === 'SSO',
    );
    const exported = await team.founder.get<HeadwayExport>(`${base}/export`);
    expect(exported.status).toBe(200);
    const dana = exported.body.members.find((m) => m.name === 'Dana')!.email;
    const inFile = exported.body.items.find((it) => it.title === 'SSO');
    expect(inFile?.scoreProvenance?.rice_reach).toEqual({
      by: dana,
      at: before?.provenance.rice_reach?.setAt,
      source: 'typed',
    });
    const imported = await team.founder.post<{ id: string }>('/api/workspaces/import', {
      ...exported.body,
      workspace: { ...exported.body.workspace, name: 'Imported copy' },
    });
    expect(imported.status).toBe(201);
    const res = await team.founder.get<Ranking>(`/api/workspaces/${imported.body.id}/ranking?framework=rice`);
    const sso = res.body.ranked.find((entry) => entry.title === 'SSO');
    // A file never links a setter to an account here: Dana is kept as the e-mail it names.
    const setting = {
      setBy: null,
      namedAs: dana,
      setAt: before?.provenance.rice_reach?.setAt,
      source: 'typed',
    };
    expect(sso?.provenance).toEqual({
      rice_reach: setting,
      rice_impact: setting,
      rice_confidence: setting,
      rice_effort: setting,
    });
  });

  it('should credit the scores of a file written before setters were kept to the person who imported it', async () => {
    const exported = await team.founder.get<HeadwayExport>(`${base}/export`);
    const older = exported.body.items.map(({ scoreProvenance: _kept, ...it }) => it);
    const imported = await team.founder.post<{ id: string }>('/api/workspaces/import', {
      ...exported.body,
      items: older,
      workspace: { ...exported.body.workspace, name: 'Older copy' },
    });
    expect(imported.status).toBe(201);
    const res = await team.founder.get<Ranking>(`/api/workspaces/${imported.body.id}/ranking?framework=rice`);
    expect(res.status).toBe(200);
    const sso = res.body.ranked.find((entry) => entry.title === 'SSO');
    const setting = sso?.provenance.rice_reach;
    expect(setting?.setBy).toEqual({ userId: team.founder.userId, name: 'Alex' });
    expect(setting?.source).toBe('imported');
    expect(sso?.provenance).toEqual({
      rice_reach: setting,
      rice_impact: setting,
      rice_confidence: setting,
      rice_effort: setting,
    });
  });
});
