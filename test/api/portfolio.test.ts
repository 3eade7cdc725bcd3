/**
 * GET /api/portfolio: one person in three workspaces, a different role in each, sees every one of
 * them with the rights of that role (what waits on them there, the decisions they hold) and
 * nothing of a fourth workspace they do not belong to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, PortfolioView } from '../../src/contract';
import type { Role } from '../../src/domain/decision-rights';
import { createTestApp, databaseOf } from '../support/app';
import { TestClient } from '../support/client';
import { buildMembership, buildUser, buildWorkspace, signInDirectly } from '../support/factories';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let dana: TestClient;
const ws: Record<'cto' | 'cpo' | 'viewer' | 'foreign', { id: string; founder: TestClient }> = {} as never;
let milestone: Item;

/** A workspace founded by someone else, with Dana in a role (or not at all). */
async function company(name: string, danaRole: Role | null, danaId: string) {
  const db = databaseOf(ctx.app);
  const founderUser = await buildUser(db, { name: `Founder of ${name}` });
  const founder = new TestClient(ctx.app);
  await signInDirectly(db, founder, founderUser);
  const { id } = await buildWorkspace(db, founderUser.id, name);
  if (danaRole) await buildMembership(db, { workspaceId: id, userId: danaId, role: danaRole });
  return { id, founder };
}

async function createItem(
  client: TestClient,
  workspaceId: string,
  body: Record<string, unknown>,
): Promise<Item> {
  const res = await client.post<Item>(`/api/workspaces/${workspaceId}/items`, body);
  expect(res.status).toBe(201);
  return res.body;
}

beforeAll(async () => {
  ctx = await createTestApp();
  const db = databaseOf(ctx.app);
  const danaUser = await buildUser(db, { name: 'Dana' });
  dana = new TestClient(ctx.app);
  await signInDirectly(db, dana, danaUser);
  ws.cto = await company('Bolt', 'cto', danaUser.id);
  ws.cpo = await company('Cedar', 'cpo', danaUser.id);
  ws.viewer = await company('Dune', 'viewer', danaUser.id);
  ws.foreign = await company('Secret Co', null, danaUser.id);
  // Bolt: two unestimated features wait on its CTO (Dana); their order waits on Bolt's founder.
  await createItem(ws.cto.founder, ws.cto.id, { type: 'feature', title: 'Bolt export' });
  await createItem(ws.cto.founder, ws.cto.id, { type: 'feature', title: 'Bolt import' });
  // Cedar: an unordered feature waits on its CPO (Dana); a dated initiative she calls at risk.
  await createItem(ws.cpo.founder, ws.cpo.id, { type: 'feature', title: 'Cedar billing' });
  milestone = await createItem(dana, ws.cpo.id, { type: 'initiative', title: 'Cedar <b>launch</b>' });
  const dated = await dana.patch<Item>(`/api/workspaces/${ws.cpo.id}/items/${milestone.id}`, {
    version: milestone.version,
    targetDate: '2031-03-01',
  });
  expect(dated.status).toBe(200);
  const call = await dana.post(`/api/workspaces/${ws.cpo.id}/items/${milestone.id}/health-updates`, {
    status: 'at_risk',
    note: 'The provider is late',
    baseVersion: 0,
  });
  expect(call.status).toBe(201);
  // Estimates at Cedar are its founder's for now (no CTO there); Dana orders the work.
  const work = await createItem(ws.cpo.founder, ws.cpo.id, {
    type: 'feature',
    title: 'Cedar checkout',
    parentId: milestone.id,
    estimate: { optimistic: 2, likely: 3, pessimistic: 5 },
  });
  expect(
    (await dana.post(`/api/workspaces/${ws.cpo.id}/items/${work.id}/move`, { afterId: null })).status,
  ).toBe(200);
  // Dune and Secret Co: work that would wait on a CPO or CTO, if Dana were one there.
  await createItem(ws.viewer.founder, ws.viewer.id, { type: 'feature', title: 'Dune search' });
  await createItem(ws.foreign.founder, ws.foreign.id, { type: 'feature', title: 'Secret roadmap' });
});
afterAll(() => ctx.close());

const byName = (view: PortfolioView, name: string) => {
  const found = view.workspaces.find((w) => w.name === name);
  if (!found) throw new Error(`${name} is not in the portfolio`);
  return found;
};

describe('GET /api/portfolio', () => {
  it('should show each of her three workspaces with the rights of her role there and nothing of a fourth', async () => {
    const res = await dana.get<PortfolioView>('/api/portfolio');
    expect(res.status).toBe(200);
    expect(res.body.workspaces.map((w) => w.name).sort()).toEqual(['Bolt', 'Cedar', 'Dune']);
    expect(JSON.stringify(res.body)).not.toMatch(/Secret/);
    expect(res.body.workspaces.every((w) => w.failed === null)).toBe(true);

    const bolt = byName(res.body, 'Bolt');
    expect(bolt.role).toBe('cto');
    expect(bolt.decides).toEqual(['estimates']);
    expect(bolt.waiting.counts).toEqual({ order: 0, estimate: 2, scope: 0, review: 0, proposals: 0 });
    expect(bolt.waiting.href).toBe(`/w/${bolt.slug}/inbox`);

    const cedar = byName(res.body, 'Cedar');
    expect(cedar.role).toBe('cpo');
    expect(cedar.decides).toEqual(expect.arrayContaining(['backlog_order', 'scope']));
    expect(cedar.decides).not.toContain('estimates');
    expect(cedar.waiting.counts.estimate).toBe(0);
    expect(cedar.waiting.counts.order).toBeGreaterThanOrEqual(1);
    expect(cedar.waiting.oldestDays).toBe(0);

    const dune = byName(res.body, 'Dune');
    expect(dune.role).toBe('viewer');
    expect(dune.decides).toEqual([]);
    expect(dune.waiting.count).toBe(0);
    expect(dune.waiting.oldestSince).toBeNull();
  });

  it('should carry a milestone’s forecast and its latest health call, the title as text', async () => {
    const cedar = byName((await dana.get<PortfolioView>('/api/portfolio')).body, 'Cedar');
    const launch = cedar.milestones.find((m) => m.id === milestone.id);
    expect(launch).toMatchObject({
      title: 'Cedar <b>launch</b>',
      number: milestone.number,
      targetDate: '2031-03-01',
      health: { status: 'at_risk', note: 'The provider is late', authorName: 'Dana' },
    });
    // Three days of work long before the target: the forecast gives it every chance.
    expect(launch?.p85).not.toBeNull();
    expect(launch?.probabilityOnTime).toBe(1);
  });

  it('should put the workspaces where decisions wait on her before the one where none waits', async () => {
    const { body } = await dana.get<PortfolioView>('/api/portfolio');
    expect(body.workspaces.at(-1)?.name).toBe('Dune');
    expect(body.order).toMatch(/decisions wait on you come first/);
  });

  it('should show a founder of one workspace only that workspace', async () => {
    const { body } = await ws.foreign.founder.get<PortfolioView>('/api/portfolio');
    expect(body.workspaces.map((w) => [w.name, w.role])).toEqual([['Secret Co', 'founder']]);
  });

  it('should answer 401 without a session or token', async () => {
    expect((await new TestClient(ctx.app).get('/api/portfolio')).status).toBe(401);
  });
});
