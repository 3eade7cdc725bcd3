import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cycle, CycleList, Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cto', 'cpo', 'developer']);
});
afterAll(() => ctx.close());

const W = () => `/api/workspaces/${team.workspaceId}`;
const cycles = async () => (await team.developer.get<CycleList>(`${W()}/cycles`)).body.data;

async function createItem(title: string, likely: number): Promise<Item> {
  const res = await team.cto.post<Item>(`${W()}/items`, {
    type: 'task',
    title,
    estimate: { optimistic: likely, likely, pessimistic: likely },
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('cycles', () => {
  let first: Cycle;
  let work: Item[];

  it('should create a cycle with its capacity counted from the planned members’ FTE and weekdays', async () => {
    const res = await team.cpo.post<Cycle>(`${W()}/cycles`, {
      name: 'Sprint 1',
      startDate: '2026-01-05',
      endDate: '2026-01-16',
    });
    expect(res.status).toBe(201);
    first = res.body;
    // 10 weekdays × (CTO 1 + developer 1 + CPO 0.2); the founder lists no skills and is not planned.
    expect(first).toMatchObject({
      name: 'Sprint 1',
      capacityDays: 22,
      closedAt: null,
      committed: { items: 0 },
    });
  });

  it('should refuse a cycle sharing a day with another, and one that ends before it starts, changing nothing', async () => {
    const overlap = await team.cpo.post(`${W()}/cycles`, {
      name: 'Clash',
      startDate: '2026-01-16',
      endDate: '2026-01-20',
    });
    expect(overlap.status).toBe(400);
    expect((overlap.body as { error: { message: string } }).error.message).toContain('Sprint 1');
    const backwards = await team.cpo.post(`${W()}/cycles`, {
      name: 'Back',
      startDate: '2026-02-10',
      endDate: '2026-02-01',
    });
    expect(backwards.status).toBe(400);
    expect((await cycles()).map((c) => c.name)).toEqual(['Sprint 1']);
  });

  it('should refuse a developer planning a cycle, naming who holds the roadmap', async () => {
    const res = await team.developer.post(`${W()}/cycles`, {
      name: 'Mine',
      startDate: '2026-03-02',
      endDate: '2026-03-13',
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'decision_not_yours' } });
  });

  it('should count committed and completed work of the items put in the cycle', async () => {
    work = [await createItem('Invoices', 3), await createItem('Receipts', 2), await createItem('Refunds', 5)];
    const res = await team.cpo.post<Cycle>(`${W()}/cycles/${first.id}/items`, { add: work.map((w) => w.id) });
    expect(res.status).toBe(200);
    const done = await team.developer.patch<Item>(`${W()}/items/${work[0]!.id}`, {
      version: work[0]!.version + 1,
      state: 'done',
    });
    expect(done.status).toBe(200);
    expect(done.body.cycleId).toBe(first.id);
    const [now] = await cycles();
    expect(now).toMatchObject({
      committed: { items: 3, estimateDays: 10 },
      completed: { items: 1, estimateDays: 3 },
    });
  });

  it('should refuse closing with unfinished work and nowhere to carry it, then carry it to the next cycle and log it', async () => {
    const nowhere = await team.cpo.post(`${W()}/cycles/${first.id}/close`, { version: first.version });
    expect(nowhere.status).toBe(400);
    expect((nowhere.body as { error: { message: string } }).error.message).toContain(
      'create the next cycle first',
    );
    const next = await team.cpo.post<Cycle>(`${W()}/cycles`, {
      name: 'Sprint 2',
      startDate: '2026-01-19',
      endDate: '2026-01-30',
    });
    expect(next.status).toBe(201);
    const stale = await team.cpo.post(`${W()}/cycles/${first.id}/close`, { version: first.version + 7 });
    expect(stale.status).toBe(409);
    const closed = await team.cpo.post<Cycle>(`${W()}/cycles/${first.id}/close`, { version: first.version });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      committed: { items: 3, estimateDays: 10 },
      completed: { items: 1 },
      carriedOver: { items: 2, toCycleId: next.body.id },
    });
    expect(closed.body.closedAt).not.toBeNull();
    const [, second] = await cycles();
    expect(second).toMatchObject({
      name: 'Sprint 2',
      committed: { items: 2, estimateDays: 7 },
      completed: { items: 0 },
    });
    const moved = await team.developer.get<Item>(`${W()}/items/${work[1]!.id}`);
    expect(moved.body.cycleId).toBe(next.body.id);
    const log = await team.cpo.get<{ data: { summary: string }[] }>(`${W()}/decisions?decision=roadmap`);
    expect(log.body.data[0]!.summary).toBe(
      `Closed the cycle “Sprint 1”; carried #${work[1]!.number}, #${work[2]!.number} over to “Sprint 2”`,
    );
    const again = await team.cpo.post(`${W()}/cycles/${first.id}/items`, { add: [work[0]!.id] });
    expect(again.status).toBe(409);
  });

  it('should refuse an initiative in a cycle and an item of another workspace with a 400', async () => {
    const [, second] = await cycles();
    const initiative = await team.cpo.post<Item>(`${W()}/items`, { type: 'initiative', title: 'Billing' });
    const res = await team.cpo.post(`${W()}/cycles/${second!.id}/items`, { add: [initiative.body.id] });
    expect(res.status).toBe(400);
    const stranger = await team.cpo.post(`${W()}/cycles/${second!.id}/items`, {
      add: ['00000000-0000-4000-8000-000000000009'],
    });
    expect(stranger.status).toBe(400);
    const empty = await team.cpo.post(`${W()}/cycles/${second!.id}/items`, {});
    expect(empty.status).toBe(400);
  });
});
