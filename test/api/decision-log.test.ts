import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionLogEntry, Item, Member } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'product_manager', 'cto', 'developer']);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

describe('decision log filters', () => {
  it('should list only the asked decisions, and only workspace-wide ones when asked', async () => {
    const item = (
      await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title: 'Filter me' })
    ).body;
    expect((await team.product_manager.post(`${base}/items/${item.id}/move`, { afterId: null })).status).toBe(
      200,
    );
    const estimated = await team.cto.patch(`${base}/items/${item.id}`, {
      version: item.version + 1,
      estimate: { optimistic: 1, likely: 2, pessimistic: 3 },
    });
    expect(estimated.status).toBe(200);
    const rights = (await team.founder.get<{ version: number; matrix: unknown }>(`${base}/decision-rights`))
      .body;
    expect(
      (await team.founder.put(`${base}/decision-rights`, { version: rights.version, matrix: rights.matrix }))
        .status,
    ).toBe(200);

    const orderOnly = await team.developer.get<{ data: DecisionLogEntry[] }>(
      `${base}/decisions?decision=backlog_order`,
    );
    expect(orderOnly.body.data.map((d) => d.decision)).toEqual(['backlog_order']);
    const two = await team.developer.get<{ data: DecisionLogEntry[] }>(
      `${base}/decisions?decision=backlog_order,estimates`,
    );
    expect(new Set(two.body.data.map((d) => d.decision))).toEqual(new Set(['backlog_order', 'estimates']));
    const wide = await team.developer.get<{ data: DecisionLogEntry[] }>(
      `${base}/decisions?workspaceWide=true`,
    );
    expect(wide.body.data.length).toBeGreaterThan(0);
    expect(wide.body.data.every((d) => d.itemId === null)).toBe(true);
  });

  it('should list only the decisions of the person asked for', async () => {
    const members = (await team.founder.get<{ data: Member[] }>(`${base}/members`)).body.data;
    const cto = members.find((m) => m.role === 'cto')?.userId;
    const byCto = await team.developer.get<{ data: DecisionLogEntry[] }>(`${base}/decisions?actorId=${cto}`);
    expect(byCto.body.data.map((d) => d.summary)).toEqual([
      'Estimated #1 “Filter me” at 1/2/3 days (optimistic/likely/pessimistic)',
    ]);
    expect(byCto.body.data.every((d) => d.actorId === cto)).toBe(true);
  });

  it('should refuse an unknown decision with the known ones listed', async () => {
    const res = await team.developer.get<{ error: { message: string } }>(`${base}/decisions?decision=coffee`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/unknown coffee; known: backlog_order/);
  });
});
