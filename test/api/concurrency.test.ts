import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'product_manager', 'designer', 'cto', 'developer']);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

describe('lost updates', () => {
  it('should let exactly one of two concurrent updates with the same version win', async () => {
    for (let round = 0; round < 15; round += 1) {
      const created = await team.product_manager.post<Item>(`${base}/items`, {
        type: 'feature',
        title: `Race ${round}`,
      });
      const item = created.body;
      const [a, b] = await Promise.all([
        team.product_manager.patch<Item>(`${base}/items/${item.id}`, {
          version: item.version,
          title: `PM ${round}`,
        }),
        team.designer.patch<Item>(`${base}/items/${item.id}`, {
          version: item.version,
          title: `Designer ${round}`,
        }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 409]);
      const winner = a.status === 200 ? a.body : b.body;
      const now = await team.cto.get<Item>(`${base}/items/${item.id}`);
      expect(now.body.title).toBe(winner.title);
      expect(now.body.version).toBe(item.version + 1);
    }
  });

  it('should not lose an estimate to a concurrent title edit based on the same version', async () => {
    const created = await team.product_manager.post<Item>(`${base}/items`, {
      type: 'task',
      title: 'Two hands',
    });
    const item = created.body;
    const [edit, estimate] = await Promise.all([
      team.product_manager.patch<Item>(`${base}/items/${item.id}`, {
        version: item.version,
        title: 'Two hands, renamed',
      }),
      team.cto.patch<Item>(`${base}/items/${item.id}`, {
        version: item.version,
        estimate: { optimistic: 1, likely: 2, pessimistic: 3 },
      }),
    ]);
    expect([edit.status, estimate.status].sort()).toEqual([200, 409]);
    const loser = edit.status === 409 ? 'edit' : 'estimate';
    const now = await team.cto.get<Item>(`${base}/items/${item.id}`);
    if (loser === 'edit') {
      expect(now.body.title).toBe('Two hands');
      expect(now.body.estimate?.likely).toBe(2);
    } else {
      expect(now.body.title).toBe('Two hands, renamed');
      expect(now.body.estimate).toBeNull();
    }
  });

  it('should give concurrent moves distinct places in the order', async () => {
    const made: Item[] = [];
    for (let i = 0; i < 6; i += 1)
      made.push(
        (await team.product_manager.post<Item>(`${base}/items`, { type: 'task', title: `M${i}` })).body,
      );
    const results = await Promise.all(
      made.map((it) => team.product_manager.post<Item>(`${base}/items/${it.id}/move`, { afterId: null })),
    );
    for (const r of results) expect([200, 409]).toContain(r.status);
    const list = await team.cto.get<{ data: Item[] }>(`${base}/items?limit=2000`);
    const ranks = list.body.data.map((i) => i.rank);
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});
