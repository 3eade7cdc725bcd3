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
});

async function capture(count: number, prefix: string): Promise<Item[]> {
  const made: Item[] = [];
  for (let i = 0; i < count; i += 1) {
    const res = await team.product_manager.post<Item>(`${base}/items`, {
      type: 'task',
      title: `${prefix} ${i}`,
    });
    made.push(res.body);
  }
  return made;
}

async function backlog(): Promise<Item[]> {
  return (await team.cto.get<{ data: Item[] }>(`${base}/items?limit=2000`)).body.data;
}

function expectDistinctRanks(list: Item[]) {
  const ranks = list.map((i) => i.rank);
  expect(new Set(ranks).size).toBe(ranks.length);
}

describe('concurrent changes to the order', () => {
  it('should apply all of 20 concurrent moves of different items, none lost', async () => {
    const made = await capture(21, 'Move');
    const anchor = made[0] as Item;
    const toTop = made.slice(1, 11);
    const afterAnchor = made.slice(11);
    const results = await Promise.all([
      ...toTop.map((it) =>
        team.product_manager.post<Item>(`${base}/items/${it.id}/move`, {
          version: it.version,
          afterId: null,
        }),
      ),
      ...afterAnchor.map((it) =>
        team.designer.post<Item>(`${base}/items/${it.id}/move`, { version: it.version, afterId: anchor.id }),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const list = await backlog();
    expectDistinctRanks(list);
    // Every move landed where it asked: the ten "to the top" hold the top ten places, and the
    // ten "after the anchor" sit directly after it.
    const ids = list.map((i) => i.id);
    expect(new Set(ids.slice(0, 10))).toEqual(new Set(toTop.map((i) => i.id)));
    const at = ids.indexOf(anchor.id);
    expect(new Set(ids.slice(at + 1, at + 11))).toEqual(new Set(afterAnchor.map((i) => i.id)));
    for (const it of [...toTop, ...afterAnchor]) {
      const now = list.find((i) => i.id === it.id);
      expect(now?.version).toBe(it.version + 1);
      expect(now?.orderedAt).not.toBeNull();
    }
    // The order the answers report is the order the list shows.
    const answered = results.map((r) => r.body).sort((a, b) => (a.rank < b.rank ? -1 : 1));
    const shown = list.filter((i) => answered.some((a) => a.id === i.id));
    expect(shown.map((i) => i.rank)).toEqual(answered.map((a) => a.rank));
  });

  it('should let exactly one of 20 concurrent moves of one item at one version win', async () => {
    const [item, target] = await capture(2, 'Same');
    if (!item || !target) throw new Error('setup failed');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        team.product_manager.post<Item>(
          `${base}/items/${item.id}/move`,
          i % 2 === 0
            ? { version: item.version, afterId: null }
            : { version: item.version, afterId: target.id },
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const now = await team.cto.get<Item>(`${base}/items/${item.id}`);
    expect(now.body.version).toBe(item.version + 1);
    const winner = results.find((r) => r.status === 200);
    expect(now.body.rank).toBe(winner?.body.rank);
  });

  it('should give moves to the bottom and new captures racing them distinct places', async () => {
    const made = await capture(10, 'Bottom');
    const results = await Promise.all([
      ...made.map((it) => team.product_manager.post<Item>(`${base}/items/${it.id}/move`, { beforeId: null })),
      ...Array.from({ length: 10 }, (_, i) =>
        team.developer.post<Item>(`${base}/items`, { type: 'bug', title: `Racing capture ${i}` }),
      ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([...Array(10).fill(200), ...Array(10).fill(201)]);
    const list = await backlog();
    expectDistinctRanks(list);
    const tail = new Set(list.slice(-20).map((i) => i.id));
    for (const r of results) expect(tail.has(r.body.id)).toBe(true);
  });

  it('should not deadlock moves against concurrent edits of the same items', async () => {
    const made = await capture(10, 'Edited');
    const results = await Promise.all(
      made.flatMap((it) => [
        team.product_manager.post<Item>(`${base}/items/${it.id}/move`, { afterId: null }),
        team.product_manager.patch<Item | { error: { code: string } }>(`${base}/items/${it.id}`, {
          version: it.version,
          // Scores are logged as a decision: the log row references the workspace (KEY SHARE).
          scores: { rice_reach: 10 },
        }),
      ]),
    );
    const moves = results.filter((_, i) => i % 2 === 0);
    const edits = results.filter((_, i) => i % 2 === 1);
    expect(moves.map((r) => r.status)).toEqual(Array(10).fill(200));
    // An edit loses only to a move that committed first and bumped the version: a true conflict.
    for (const edit of edits) {
      if (edit.status !== 200) {
        expect(edit.status).toBe(409);
        expect((edit.body as { error: { code: string } }).error.code).toBe('version_conflict');
      }
    }
    expectDistinctRanks(await backlog());
  });

  it('should not deadlock new dependencies against concurrent estimates of the same items', async () => {
    const [anchor, ...made] = await capture(11, 'Depends');
    if (!anchor) throw new Error('setup failed');
    const results = await Promise.all(
      made.flatMap((it) => [
        team.cto.post<Item>(`${base}/items/${it.id}/dependencies`, { dependsOnId: anchor.id }),
        team.cto.patch<Item>(`${base}/items/${it.id}`, {
          version: it.version,
          estimate: { optimistic: 1, likely: 2, pessimistic: 3 },
        }),
      ]),
    );
    // Adding a dependency does not bump the version, so nothing here truly conflicts.
    expect(results.map((r) => r.status)).toEqual(made.flatMap(() => [201, 200]));
  });

  it('should apply a ranking while items move, with every item keeping a distinct rank', async () => {
    const scored: Item[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await team.product_manager.post<Item>(`${base}/items`, {
        type: 'feature',
        title: `Scored ${i}`,
        scores: { rice_reach: 100 * (i + 1), rice_impact: 1, rice_confidence: 80, rice_effort: 1 },
      });
      scored.push(res.body);
    }
    const moving = await capture(8, 'Moving');
    const results = await Promise.all([
      team.product_manager.post(`${base}/ranking/apply`, { framework: 'rice' }),
      ...moving.map((it) =>
        team.product_manager.post<Item>(`${base}/items/${it.id}/move`, { afterId: null }),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(9).fill(200));
    expectDistinctRanks(await backlog());
  });
});
