/**
 * Proposals: a member without a decision proposes an order or scope change; it waits in the
 * inbox of whoever holds the decision, who accepts it (applied and logged with its reason) or
 * declines it with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionLogEntry, Inbox, Item, Proposal } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'product_manager', 'cpo', 'developer', 'viewer']);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

async function capture(title: string, type = 'feature'): Promise<Item> {
  const res = await team.product_manager.post<Item>(`${base}/items`, { type, title });
  expect(res.status).toBe(201);
  return res.body;
}

async function order(): Promise<string[]> {
  const res = await team.developer.get<{ data: Item[] }>(`${base}/items?limit=200`);
  return res.body.data.map((i) => i.title);
}

describe('an order proposal', () => {
  it('should land in the ordering holder’s inbox and, accepted, move the item with the reason logged', async () => {
    const first = await capture('Order A');
    await capture('Order B');
    const third = await capture('Order C');
    const proposed = await team.developer.post<Proposal>(`${base}/proposals`, {
      itemId: third.id,
      change: { kind: 'order', beforeId: first.id },
      reason: 'Customers wait on C before A',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      status: 'open',
      decision: 'backlog_order',
      summary: `Move #${third.number} “Order C” before #${first.number} “Order A”`,
      proposedByName: 'Jonas',
    });
    expect(proposed.body.holders.map((h) => h.name)).toEqual(['Dana']);

    const danaInbox = (await team.product_manager.get<Inbox>(`${base}/inbox`)).body;
    expect(danaInbox.proposals.map((p) => p.id)).toEqual([proposed.body.id]);
    expect((await team.cpo.get<Inbox>(`${base}/inbox`)).body.proposals).toEqual([]);
    expect((await team.developer.get<Inbox>(`${base}/inbox`)).body.proposals).toEqual([]);

    const accepted = await team.product_manager.post<Proposal>(
      `${base}/proposals/${proposed.body.id}/accept`,
      { version: proposed.body.version },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedByName: 'Dana' });
    const titles = await order();
    expect(titles.indexOf('Order C')).toBe(titles.indexOf('Order A') - 1);

    const log = await team.developer.get<{ data: DecisionLogEntry[] }>(
      `${base}/decisions?itemId=${third.id}`,
    );
    const entry = log.body.data.find((d) => d.id === accepted.body.decisionId);
    expect(entry).toMatchObject({
      decision: 'backlog_order',
      actorName: 'Dana',
      rationale: 'Customers wait on C before A',
      details: { proposalId: proposed.body.id, proposedBy: 'Jonas' },
    });
    expect((await team.product_manager.get<Inbox>(`${base}/inbox`)).body.proposals).toEqual([]);
  });

  it('should refuse the proposer’s own accept, naming who decides', async () => {
    const a = await capture('Refuse A');
    const b = await capture('Refuse B');
    const proposed = await team.developer.post<Proposal>(`${base}/proposals`, {
      itemId: b.id,
      change: { kind: 'order', afterId: null },
      reason: 'Top, please',
    });
    const refused = await team.developer.post<{ error: { code: string; message: string } }>(
      `${base}/proposals/${proposed.body.id}/accept`,
      { version: proposed.body.version },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('decision_not_yours');
    expect(refused.body.error.message).toContain('Dana');
    expect((await order()).indexOf('Refuse B')).toBeGreaterThan((await order()).indexOf(a.title));
  });

  it('should answer 409 to a stale version and to a second answer, and change nothing', async () => {
    const item = await capture('Stale');
    const proposed = await team.developer.post<Proposal>(`${base}/proposals`, {
      itemId: item.id,
      change: { kind: 'order', afterId: null },
      reason: 'Urgent',
    });
    const stale = await team.product_manager.post(`${base}/proposals/${proposed.body.id}/accept`, {
      version: proposed.body.version + 1,
    });
    expect(stale.status).toBe(409);
    const declined = await team.product_manager.post<Proposal>(
      `${base}/proposals/${proposed.body.id}/decline`,
      { version: proposed.body.version, reason: 'Not this quarter' },
    );
    expect(declined.status).toBe(200);
    const again = await team.product_manager.post<{ error: { message: string } }>(
      `${base}/proposals/${proposed.body.id}/accept`,
      { version: declined.body.version },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('This proposal was already declined by Dana');
    expect((await order())[0]).not.toBe('Stale');
  });
});

describe('a scope proposal', () => {
  it('should go to the scope holder, and a decline keeps the item and logs the reason', async () => {
    const item = await capture('Maybe cut');
    const proposed = await team.developer.post<Proposal>(`${base}/proposals`, {
      itemId: item.id,
      change: { kind: 'cut' },
      reason: 'Nobody uses it',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.decision).toBe('scope');
    expect(proposed.body.holders.map((h) => h.name)).toEqual(['Chris']);
    expect((await team.cpo.get<Inbox>(`${base}/inbox`)).body.proposals.map((p) => p.id)).toContain(
      proposed.body.id,
    );
    const noReason = await team.cpo.post(`${base}/proposals/${proposed.body.id}/decline`, {
      version: proposed.body.version,
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    const declined = await team.cpo.post<Proposal>(`${base}/proposals/${proposed.body.id}/decline`, {
      version: proposed.body.version,
      reason: 'Two customers rely on it',
    });
    expect(declined.body).toMatchObject({ status: 'declined', response: 'Two customers rely on it' });
    expect((await team.developer.get<Item>(`${base}/items/${item.id}`)).body.state).toBe('new');
    const log = await team.developer.get<{ data: DecisionLogEntry[] }>(`${base}/decisions?itemId=${item.id}`);
    expect(log.body.data[0]).toMatchObject({
      decision: 'scope',
      actorName: 'Chris',
      summary: `Declined Jonas’s proposal: Cut #${item.number} “Maybe cut” from scope`,
      rationale: 'Two customers rely on it',
    });
  });

  it('should put an item under a milestone when accepted, and refuse a change that no longer applies', async () => {
    const milestone = await capture('Q3 launch', 'initiative');
    const item = await capture('Launch page');
    const proposed = await team.developer.post<Proposal>(`${base}/proposals`, {
      itemId: item.id,
      change: { kind: 'move_to', parentId: milestone.id },
      reason: 'It ships with the launch',
    });
    expect(proposed.body.summary).toBe(
      `Move #${item.number} “Launch page” under #${milestone.number} “Q3 launch”`,
    );
    const cut = await team.developer.post<Proposal>(`${base}/proposals`, {
      itemId: item.id,
      change: { kind: 'cut' },
      reason: 'Or drop it',
    });
    const accepted = await team.cpo.post<Proposal>(`${base}/proposals/${proposed.body.id}/accept`, {
      version: proposed.body.version,
    });
    expect(accepted.status).toBe(200);
    const after = (await team.developer.get<Item>(`${base}/items/${item.id}`)).body;
    expect(after.parentId).toBe(milestone.id);

    const current = (await team.developer.get<Item>(`${base}/items/${item.id}`)).body;
    expect(
      (await team.cpo.patch(`${base}/items/${item.id}`, { version: current.version, state: 'cancelled' }))
        .status,
    ).toBe(200);
    const late = await team.cpo.post<{ error: { message: string } }>(
      `${base}/proposals/${cut.body.id}/accept`,
      {
        version: cut.body.version,
      },
    );
    expect(late.status).toBe(400);
    expect(late.body.error.message).toContain('already cut');
    expect((await team.cpo.get<Proposal>(`${base}/proposals/${cut.body.id}`)).body.status).toBe('open');
  });
});

describe('who may propose, and what', () => {
  it('should refuse a viewer, another workspace and changes that cannot apply', async () => {
    const item = await capture('Guarded');
    const body = { itemId: item.id, change: { kind: 'cut' }, reason: 'why not' };
    expect((await team.viewer.post(`${base}/proposals`, body)).status).toBe(403);
    const stranger = await createTeam(ctx.app, ['founder']);
    expect((await stranger.founder.post(`${base}/proposals`, body)).status).toBe(404);
    const restore = await team.developer.post<{ error: { message: string } }>(`${base}/proposals`, {
      ...body,
      change: { kind: 'restore' },
    });
    expect(restore.status).toBe(400);
    expect(restore.body.error.message).toContain('only a cut (cancelled) item can be brought back');
    const self = await team.developer.post(`${base}/proposals`, {
      ...body,
      change: { kind: 'order', afterId: item.id },
    });
    expect(self.status).toBe(400);
    expect(
      (await team.developer.post(`${base}/proposals`, { ...body, change: { kind: 'merge' } })).status,
    ).toBe(400);
    expect((await team.developer.post(`${base}/proposals`, { ...body, reason: '' })).status).toBe(400);
    const list = await team.developer.get<{ data: Proposal[] }>(`${base}/proposals?itemId=${item.id}`);
    expect(list.body.data).toEqual([]);
  });
});
