import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstimationSession, Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

type ApiError = { error: { code: string; message: string } };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cto', 'ctpo', 'developer', 'product_manager']);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

async function newItem(title: string): Promise<Item> {
  const res = await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title });
  expect(res.status).toBe(201);
  return res.body;
}

describe('story points on items', () => {
  it('should start without points and let the CTO set them, logged as an estimates decision', async () => {
    const item = await newItem('Bulk edit');
    expect(item.storyPoints).toBeNull();
    const res = await team.cto.patch<Item>(`${base}/items/${item.id}`, {
      version: item.version,
      storyPoints: 8,
    });
    expect(res.status).toBe(200);
    expect(res.body.storyPoints).toBe(8);
    // The three-point estimate in days is a separate thing and stays empty.
    expect(res.body.estimate).toBeNull();
    const log = await team.developer.get<{ data: { decision: string; summary: string }[] }>(
      `${base}/decisions?itemId=${item.id}`,
    );
    expect(log.body.data[0]).toMatchObject({ decision: 'estimates' });
    expect(log.body.data[0]?.summary).toContain('8 story points');
  });

  it('should refuse points from the product manager and name who decides when they try', async () => {
    const item = await newItem('Saved filters');
    const res = await team.product_manager.patch<ApiError>(`${base}/items/${item.id}`, {
      version: item.version,
      storyPoints: 3,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
    expect(res.body.error.message).toContain('Sam');
  });

  it('should refuse 7 points and list the cards of the deck when the value is not a card', async () => {
    const item = await newItem('Webhooks');
    const res = await team.cto.patch<ApiError>(`${base}/items/${item.id}`, {
      version: item.version,
      storyPoints: 7,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100');
    const created = await team.cto.post<ApiError>(`${base}/items`, {
      type: 'task',
      title: 'Odd size',
      storyPoints: 4,
    });
    expect(created.status).toBe(400);
  });
});

describe('estimation sessions in story points', () => {
  it('should flag 13 against 3 and 5 and set the item points when 5 is accepted', async () => {
    const item = await newItem('Single sign-on');
    const created = await team.cto.post<EstimationSession>(`${base}/estimation-sessions`, {
      title: 'Points refinement',
      unit: 'points',
      itemIds: [item.id],
    });
    expect(created.status).toBe(201);
    expect(created.body.unit).toBe('points');
    const path = `${base}/estimation-sessions/${created.body.id}`;

    const offDeck = await team.developer.post<ApiError>(`${path}/votes`, { itemId: item.id, points: 7 });
    expect(offDeck.status).toBe(400);
    const inDays = await team.developer.post<ApiError>(`${path}/votes`, { itemId: item.id, days: 3 });
    expect(inDays.status).toBe(400);
    expect(inDays.body.error.message).toContain('story points');

    for (const [voter, points] of [
      [team.developer, 3],
      [team.ctpo, 5],
      [team.cto, 13],
    ] as const) {
      expect((await voter.post(`${path}/votes`, { itemId: item.id, points })).status).toBe(200);
    }
    const revealed = await team.cto.post<EstimationSession>(`${path}/reveal`);
    const spread = revealed.body.items[0]?.spread;
    // Deck positions: 3 → 4, 5 → 5, 13 → 7; the median card is 5 (position 5). 13 lies two cards
    // from it (an outlier), 3 only one; the lowest and highest are 3 cards apart.
    expect(spread).toMatchObject({ count: 3, min: 3, max: 13, median: 5, spreadSteps: 3 });
    expect(spread?.needsDiscussion).toBe(true);
    expect(spread?.outliers.map((o) => [o.name, o.days])).toEqual([['Sam', 13]]);

    const accepted = await team.cto.post<EstimationSession>(`${path}/accept`, {
      itemId: item.id,
      version: item.version,
      points: 5,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('closed');
    expect(accepted.body.items[0]).toMatchObject({ acceptedPoints: 5, accepted: null, storyPoints: 5 });

    const after = await team.developer.get<Item>(`${base}/items/${item.id}`);
    expect(after.body.storyPoints).toBe(5);
    expect(after.body.estimate).toBeNull();
    const log = await team.developer.get<{
      data: { decision: string; summary: string; rationale: string }[];
    }>(`${base}/decisions?itemId=${item.id}`);
    expect(log.body.data[0]).toMatchObject({ decision: 'estimates' });
    expect(log.body.data[0]?.summary).toContain('5 story points');
    expect(log.body.data[0]?.rationale).toContain('3, 5, 13 points');
  });

  it('should refuse points in a days session when someone votes a card', async () => {
    const item = await newItem('Audit export');
    const created = await team.cto.post<EstimationSession>(`${base}/estimation-sessions`, {
      title: 'Days refinement',
      itemIds: [item.id],
    });
    expect(created.body.unit).toBe('days');
    const res = await team.developer.post(`${base}/estimation-sessions/${created.body.id}/votes`, {
      itemId: item.id,
      points: 5,
    });
    expect(res.status).toBe(400);
  });
});
