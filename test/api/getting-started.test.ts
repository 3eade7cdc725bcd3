/**
 * A new workspace's checklist ticks each step from what the workspace holds, and its founder can
 * load sample data into it while it is empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GettingStarted, Item, SampleData } from '../../src/contract';
import { createTestApp, databaseOf } from '../support/app';
import { TestClient } from '../support/client';
import { buildMembership, buildUser, buildWorkspace, signInDirectly } from '../support/factories';

let ctx: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

async function signedIn(name: string) {
  const db = databaseOf(ctx.app);
  const user = await buildUser(db, { name });
  const client = new TestClient(ctx.app);
  await signInDirectly(db, client, user);
  return { client, user };
}

async function newWorkspace() {
  const founder = await signedIn('Ada');
  const ws = await buildWorkspace(databaseOf(ctx.app), founder.user.id, 'Fresh');
  return { founder: founder.client, workspaceId: ws.id, base: `/api/workspaces/${ws.id}` };
}

const doneSteps = (body: GettingStarted) => body.steps.filter((s) => s.done).map((s) => s.id);

describe('the getting-started checklist', () => {
  it('should show no step done when the workspace is new', async () => {
    const { founder, base } = await newWorkspace();
    const res = await founder.get<GettingStarted>(`${base}/getting-started`);
    expect(res.status).toBe(200);
    expect(res.body.itemCount).toBe(0);
    expect(res.body.steps.map((s) => s.id)).toEqual([
      'items',
      'team',
      'decision_rights',
      'order',
      'estimates',
      'forecast',
    ]);
    expect(doneSteps(res.body)).toEqual([]);
  });

  it('should tick each step when the founder takes it', async () => {
    const { founder, base } = await newWorkspace();
    const a = await founder.post<Item>(`${base}/items`, { type: 'feature', title: 'A' });
    const b = await founder.post<Item>(`${base}/items`, { type: 'feature', title: 'B' });
    expect(doneSteps((await founder.get<GettingStarted>(`${base}/getting-started`)).body)).toEqual(['items']);

    expect((await founder.post(`${base}/items/${b.body.id}/move`, { beforeId: a.body.id })).status).toBe(200);
    const estimated = await founder.patch(`${base}/items/${a.body.id}`, {
      version: a.body.version,
      estimate: { optimistic: 1, likely: 2, pessimistic: 3 },
    });
    expect(estimated.status).toBe(200);
    const invited = await founder.post(`${base}/invitations`, { role: 'cto', fte: 1, skills: [] });
    expect(invited.status).toBe(201);
    // Two open items and nothing finished: too little history for a forecast to be made.
    const forecast = await founder.get<{ status: string }>(`${base}/forecasts/throughput?items=1`);
    expect(forecast.body.status).toBe('insufficient-history');

    const after = await founder.get<GettingStarted>(`${base}/getting-started`);
    expect(doneSteps(after.body)).toEqual(['items', 'team', 'order', 'estimates']);
  });

  it('should tick the decision rights once the founder saves the matrix', async () => {
    const { founder, base } = await newWorkspace();
    const rights = await founder.get<{ version: number; matrix: unknown }>(`${base}/decision-rights`);
    const saved = await founder.put(`${base}/decision-rights`, {
      version: rights.body.version,
      matrix: rights.body.matrix,
    });
    expect(saved.status).toBe(200);
    const res = await founder.get<GettingStarted>(`${base}/getting-started`);
    expect(doneSteps(res.body)).toEqual(['decision_rights']);
  });

  it('should answer 404 to someone outside the workspace', async () => {
    const { base } = await newWorkspace();
    const stranger = await signedIn('Eve');
    expect((await stranger.client.get(`${base}/getting-started`)).status).toBe(404);
  });
});

describe('sample data', () => {
  it('should fill an empty workspace with an ordered, estimated backlog and history to forecast from', async () => {
    const { founder, base } = await newWorkspace();
    const res = await founder.post<SampleData>(`${base}/sample-data`);
    expect(res.status).toBe(201);
    const list = await founder.get<{ data: Item[] }>(`${base}/items?limit=200`);
    expect(list.body.data).toHaveLength(res.body.added);
    expect(res.body.added).toBeGreaterThan(20);
    expect(list.body.data.map((i) => i.number).sort((x, y) => x - y)).toEqual(
      Array.from({ length: res.body.added }, (_, i) => i + 1),
    );
    const initiatives = list.body.data.filter((i) => i.type === 'initiative');
    const today = new Date().toISOString().slice(0, 10);
    expect(initiatives).toHaveLength(2);
    for (const initiative of initiatives) expect(initiative.targetDate ?? '').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const initiative of initiatives) expect((initiative.targetDate ?? '') > today).toBe(true);
    const epics = list.body.data.filter((i) => i.type === 'epic');
    expect(epics.length).toBeGreaterThan(0);
    for (const epic of epics)
      expect(list.body.data.find((i) => i.id === epic.parentId)?.type).toBe('initiative');
    expect(list.body.data.filter((i) => i.state === 'done').length).toBeGreaterThanOrEqual(10);

    const forecast = await founder.get<{ status: string }>(`${base}/forecasts/throughput?items=5`);
    expect(forecast.body.status).toBe('ok');
    const next = await founder.post<Item>(`${base}/items`, { type: 'task', title: 'My own' });
    expect(next.body.number).toBe(res.body.added + 1);
    const steps = await founder.get<GettingStarted>(`${base}/getting-started`);
    expect(doneSteps(steps.body)).toEqual(['items', 'estimates', 'forecast']);
  });

  it('should refuse with 409 and change nothing when the workspace has items', async () => {
    const { founder, base } = await newWorkspace();
    await founder.post<Item>(`${base}/items`, { type: 'feature', title: 'Real work' });
    const res = await founder.post<{ error: { code: string; message: string } }>(`${base}/sample-data`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'Sample data goes only into an empty workspace, and this one has 1 item: create a new workspace to try it',
    );
    const list = await founder.get<{ data: Item[] }>(`${base}/items`);
    expect(list.body.data.map((i) => i.title)).toEqual(['Real work']);
  });

  it('should let only the founder add sample data', async () => {
    const { workspaceId, base, founder } = await newWorkspace();
    const pm = await signedIn('Pat');
    await buildMembership(databaseOf(ctx.app), { workspaceId, userId: pm.user.id, role: 'product_manager' });
    const res = await pm.client.post<{ error: { message: string } }>(`${base}/sample-data`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Only the founder can add sample data');
    expect((await founder.get<GettingStarted>(`${base}/getting-started`)).body.itemCount).toBe(0);
  });
});
