import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

async function newItem(title: string, extra: Record<string, unknown> = {}): Promise<Item> {
  const res = await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title, ...extra });
  expect(res.status).toBe(201);
  return res.body;
}

describe('items', () => {
  it('should create items at the bottom in order of creation', async () => {
    const a = await newItem('Onboarding checklist');
    const b = await newItem('Invoice export');
    expect(a.number).toBeLessThan(b.number);
    expect(a.rank < b.rank).toBe(true);
    expect(a.orderedAt).toBeNull();
    expect(a.version).toBe(1);
  });

  it('should let the product manager move an item to the top and log the decision', async () => {
    const a = await newItem('First');
    const b = await newItem('Second');
    const moved = await team.product_manager.post<Item>(`${base}/items/${b.id}/move`, {
      afterId: null,
      rationale: 'customer asked',
    });
    expect(moved.status).toBe(200);
    const list = await team.developer.get<{ data: Item[] }>(`${base}/items?limit=1`);
    expect(list.body.data[0]?.id).toBe(b.id);
    const log = await team.developer.get<{ data: { summary: string; rationale: string }[] }>(
      `${base}/decisions?itemId=${b.id}`,
    );
    expect(log.body.data[0]?.summary).toContain('Moved');
    expect(log.body.data[0]?.rationale).toBe('customer asked');
    expect(a.id).not.toBe(b.id);
  });

  it('should refuse a developer reordering and name who decides', async () => {
    const a = await newItem('Reorder me');
    const res = await team.developer.post<{
      error: { code: string; message: string; details: { holders: { name: string }[] } };
    }>(`${base}/items/${a.id}/move`, { afterId: null });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
    expect(res.body.error.message).toBe(
      'Ordering the backlog belongs to the product function: ask Dana (product manager)',
    );
    expect(res.body.error.details.holders.map((h) => h.name)).toEqual(['Dana']);
  });

  it('should let the CTO set a three-point estimate but not the product manager', async () => {
    const a = await newItem('Estimate me');
    const refused = await team.product_manager.patch(`${base}/items/${a.id}`, {
      version: a.version,
      estimate: { optimistic: 1, likely: 2, pessimistic: 5 },
    });
    expect(refused.status).toBe(403);
    const ok = await team.cto.patch<Item>(`${base}/items/${a.id}`, {
      version: a.version,
      estimate: { optimistic: 1, likely: 2, pessimistic: 5 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.estimate).toMatchObject({
      optimistic: 1,
      likely: 2,
      pessimistic: 5,
      estimatedBy: team.cto.userId,
    });
    expect(ok.body.version).toBe(a.version + 1);
  });

  it('should answer 409 with the current item for a stale version and change nothing', async () => {
    const a = await newItem('Contended');
    const first = await team.product_manager.patch<Item>(`${base}/items/${a.id}`, {
      version: 1,
      title: 'Contended, renamed',
    });
    expect(first.status).toBe(200);
    const stale = await team.designer.patch<{ error: { code: string; details: { current: Item } } }>(
      `${base}/items/${a.id}`,
      {
        version: 1,
        title: 'Other rename',
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.details.current.title).toBe('Contended, renamed');
    const now = await team.viewer.get<Item>(`${base}/items/${a.id}`);
    expect(now.body.title).toBe('Contended, renamed');
  });

  it('should accept the version in an If-Match header', async () => {
    const a = await newItem('Header version');
    const res = await team.product_manager.request<Item>(
      'PATCH',
      `${base}/items/${a.id}`,
      { title: 'Via header' },
      { 'if-match': '"1"' },
    );
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('Via header');
  });

  it('should refuse a dependency cycle with the path', async () => {
    const a = await newItem('A');
    const b = await newItem('B');
    const c = await newItem('C');
    expect((await team.cto.post(`${base}/items/${a.id}/dependencies`, { dependsOnId: b.id })).status).toBe(
      201,
    );
    expect((await team.cto.post(`${base}/items/${b.id}/dependencies`, { dependsOnId: c.id })).status).toBe(
      201,
    );
    const cyc = await team.cto.post<{ error: { message: string } }>(`${base}/items/${c.id}/dependencies`, {
      dependsOnId: a.id,
    });
    expect(cyc.status).toBe(400);
    expect(cyc.body.error.message).toContain(`#${c.number} → #${a.number} → #${b.number} → #${c.number}`);
    const after = await team.cto.get<Item>(`${base}/items/${c.id}`);
    expect(after.body.dependsOn).toEqual([]);
  });

  it('should list the inbox of the product manager and the CTO', async () => {
    const a = await newItem('Waiting for order');
    const pm = await team.product_manager.get<{ entries: { kind: string; itemId: string }[] }>(
      `${base}/inbox`,
    );
    expect(pm.body.entries.some((e) => e.kind === 'order' && e.itemId === a.id)).toBe(true);
    const cto = await team.cto.get<{ entries: { kind: string; itemId: string }[] }>(`${base}/inbox`);
    expect(cto.body.entries.some((e) => e.kind === 'estimate' && e.itemId === a.id)).toBe(true);
    expect(cto.body.entries.some((e) => e.kind === 'order')).toBe(false);
  });
});
