/**
 * A new workspace's founder can make every decision nobody on the team holds yet, and hands
 * each one back as soon as someone with a role for it joins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionRights, Inbox, Item, MovedItem } from '../../src/contract';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';

let ctx: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

async function newWorkspace() {
  const founder = new TestClient(ctx.app);
  await founder.signUp('Alex');
  const ws = await founder.post<{ id: string }>('/api/workspaces', { name: 'Fresh' });
  expect(ws.status).toBe(201);
  const base = `/api/workspaces/${ws.body.id}`;
  const items: Item[] = [];
  for (const title of ['First', 'Second', 'Third']) {
    const res = await founder.post<Item>(`${base}/items`, { type: 'feature', title });
    expect(res.status).toBe(201);
    items.push(res.body);
  }
  return { founder, base, items };
}

async function join(founder: TestClient, base: string, role: string, name: string) {
  const invite = await founder.post<{ token: string }>(`${base}/invitations`, { role, fte: 1, skills: [] });
  expect(invite.status).toBe(201);
  const client = new TestClient(ctx.app);
  await client.signUp(name);
  expect((await client.post('/api/invitations/accept', { token: invite.body.token })).status).toBe(200);
  return client;
}

describe('the founder of a new workspace', () => {
  it('should order the backlog, estimate and set dates with no matrix edit', async () => {
    const { founder, base, items } = await newWorkspace();
    const [first, , third] = items as [Item, Item, Item];
    const moved = await founder.post<MovedItem>(`${base}/items/${third.id}/move`, { beforeId: first.id });
    expect(moved.status).toBe(200);
    expect(moved.body.decision.id).toMatch(/^\d+$/);
    const list = await founder.get<{ data: Item[] }>(`${base}/items`);
    expect(list.body.data.map((i) => i.title)).toEqual(['Third', 'First', 'Second']);

    const estimated = await founder.patch<Item>(`${base}/items/${first.id}`, {
      version: first.version,
      estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
      targetDate: '2030-01-31',
    });
    expect(estimated.status).toBe(200);
  });

  it('should show the interim hold in the decision rights and the inbox', async () => {
    const { founder, base } = await newWorkspace();
    const rights = await founder.get<DecisionRights>(`${base}/decision-rights`);
    expect(rights.body.mine).toContain('backlog_order');
    expect(rights.body.mine).toContain('estimates');
    expect(rights.body.holders.backlog_order).toEqual([
      expect.objectContaining({ name: 'Alex', role: 'founder', interim: true }),
    ]);
    expect(rights.body.holders.team).toEqual([expect.objectContaining({ interim: false })]);
    const order = rights.body.decisions.find((d) => d.id === 'backlog_order');
    expect(order?.interimUntil).toBe('until a product manager, CTPO, CPO or designer joins');
    const inbox = await founder.get<Inbox>(`${base}/inbox`);
    expect(inbox.body.counts).toEqual({ order: 3, estimate: 3, scope: 0, review: 0 });
  });

  it('should lose the interim hold on ordering when a product manager joins, and be told whom to ask', async () => {
    const { founder, base, items } = await newWorkspace();
    const pm = await join(founder, base, 'product_manager', 'Dana');
    const [first, second] = items as [Item, Item];
    const refused = await founder.post<{
      error: { code: string; message: string; details: { holders: unknown[] } };
    }>(`${base}/items/${second.id}/move`, { afterId: null });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('decision_not_yours');
    expect(refused.body.error.message).toBe(
      'Ordering the backlog belongs to the product function: ask Dana (product manager)',
    );
    expect(refused.body.error.details.holders).toEqual([
      expect.objectContaining({ name: 'Dana', interim: false }),
    ]);
    expect((await pm.post(`${base}/items/${second.id}/move`, { beforeId: first.id })).status).toBe(200);

    // Nobody on the tech side yet: the founder still holds estimates, in the interim.
    const rights = await founder.get<DecisionRights>(`${base}/decision-rights`);
    expect(rights.body.mine).not.toContain('backlog_order');
    expect(rights.body.mine).toContain('estimates');
    const refusedToPm = await pm.patch<{ error: { message: string } }>(`${base}/items/${first.id}`, {
      version: first.version,
      estimate: { optimistic: 1, likely: 1, pessimistic: 1 },
    });
    expect(refusedToPm.status).toBe(403);
    expect(refusedToPm.body.error.message).toBe(
      'Estimates belong to the tech side: ask Alex (founder, until a CTO, CTPO or developer joins)',
    );
  });

  it('should hand estimates to a developer who joins', async () => {
    const { founder, base, items } = await newWorkspace();
    await join(founder, base, 'developer', 'Jo');
    const first = items[0] as Item;
    const refused = await founder.patch<{ error: { message: string } }>(`${base}/items/${first.id}`, {
      version: first.version,
      estimate: { optimistic: 1, likely: 2, pessimistic: 3 },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Estimates belong to the tech side: ask Jo (developer)');
  });
});
