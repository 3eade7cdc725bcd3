import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstimationSession, Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let other: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cto', 'developer', 'product_manager', 'viewer']);
  other = await createTeam(ctx.app, ['founder', 'cto']);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

async function newItem(title: string): Promise<Item> {
  const res = await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title });
  expect(res.status).toBe(201);
  return res.body;
}

async function newSession(itemIds: string[]): Promise<EstimationSession> {
  const res = await team.cto.post<EstimationSession>(`${base}/estimation-sessions`, {
    title: 'Sprint 12 refinement',
    itemIds,
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('estimation sessions', () => {
  it('should hide the values of others before the reveal and show only who has voted', async () => {
    const item = await newItem('Export invoices');
    const session = await newSession([item.id]);
    const path = `${base}/estimation-sessions/${session.id}`;
    expect((await team.developer.post(`${path}/votes`, { itemId: item.id, days: 3 })).status).toBe(200);
    expect((await team.cto.post(`${path}/votes`, { itemId: item.id, days: 4 })).status).toBe(200);

    const seenByDev = await team.developer.get<EstimationSession>(path);
    const row = seenByDev.body.items[0];
    expect(row?.voters.map((v) => v.name).sort()).toEqual(['Jonas', 'Sam']);
    expect(row?.votes).toEqual([{ voterId: team.developer.userId, name: 'Jonas', days: 3, size: null }]);
    expect(row?.spread).toBeNull();

    const seenByPm = await team.product_manager.get<EstimationSession>(path);
    expect(seenByPm.status).toBe(200);
    expect(seenByPm.body.items[0]?.votes).toEqual([]);
    expect(seenByPm.body.items[0]?.voters).toHaveLength(2);
  });

  it('should show every vote, the median and the outlier after the reveal', async () => {
    const item = await newItem('Audit log');
    const session = await newSession([item.id]);
    const path = `${base}/estimation-sessions/${session.id}`;
    await team.developer.post(`${path}/votes`, { itemId: item.id, days: 2 });
    await team.cto.post(`${path}/votes`, { itemId: item.id, days: 3 });
    await team.founder.post(`${path}/votes`, { itemId: item.id, days: 13 }).then((res) => {
      // The founder is only informed about estimates by default: no vote.
      expect(res.status).toBe(403);
    });
    // A developer changes their mind before the reveal; the last vote counts.
    await team.developer.post(`${path}/votes`, { itemId: item.id, days: 10 });

    const revealed = await team.cto.post<EstimationSession>(`${path}/reveal`);
    expect(revealed.status).toBe(200);
    expect(revealed.body.state).toBe('revealed');
    const spread = revealed.body.items[0]?.spread;
    // Votes 10 and 3: median (3 + 10) / 2 = 6.5; 10 > 2 × 3 so the spread needs discussion.
    expect(spread).toMatchObject({ count: 2, min: 3, max: 10, median: 6.5, needsDiscussion: true });
    expect(spread?.spreadRatio).toBeCloseTo(10 / 3, 10);
    expect(revealed.body.items[0]?.votes).toHaveLength(2);
  });

  it('should flag a vote far from the median as an outlier, naming the voter', async () => {
    const item = await newItem('Dark mode');
    const session = await newSession([item.id]);
    const path = `${base}/estimation-sessions/${session.id}`;
    await team.cto.post(`${path}/votes`, { itemId: item.id, days: 2 });
    await team.developer.post(`${path}/votes`, { itemId: item.id, size: 'L' });
    const revealed = await team.cto.post<EstimationSession>(`${path}/reveal`);
    // L spans 8–15 days, most likely √(8 × 15) ≈ 10.95; the median of 2 and 10.95 is ≈ 6.48.
    // 2 × 2 = 4 < 6.48, so the CTO's 2 is an outlier; 10.95 < 2 × 6.48, so Jonas's L is not.
    const row = revealed.body.items[0];
    const likelyL = Math.sqrt(8 * 15);
    expect(row?.votes.find((v) => v.name === 'Jonas')).toMatchObject({ size: 'L' });
    expect(row?.spread?.median).toBeCloseTo((2 + likelyL) / 2, 10);
    expect(row?.spread?.outliers.map((o) => o.name)).toEqual(['Sam']);
    expect(row?.spread?.needsDiscussion).toBe(true);
    expect(row?.spread?.reasons.some((r) => r.startsWith('Sam explains 2'))).toBe(true);
  });

  it('should let a developer vote but refuse a product manager creating or revealing, naming who decides', async () => {
    const item = await newItem('SSO');
    const created = await team.product_manager.post<{ error: { code: string; message: string } }>(
      `${base}/estimation-sessions`,
      { title: 'PM session', itemIds: [item.id] },
    );
    expect(created.status).toBe(403);
    expect(created.body.error.code).toBe('decision_not_yours');
    expect(created.body.error.message).toContain('Sam');
    const session = await newSession([item.id]);
    const path = `${base}/estimation-sessions/${session.id}`;
    expect((await team.developer.post(`${path}/votes`, { itemId: item.id, days: 1 })).status).toBe(200);
    const vote = await team.product_manager.post(`${path}/votes`, { itemId: item.id, days: 1 });
    expect(vote.status).toBe(403);
    const reveal = await team.product_manager.post<{ error: { message: string } }>(`${path}/reveal`);
    expect(reveal.status).toBe(403);
    expect(reveal.body.error.message).toContain('Sam (CTO)');
    expect((await team.viewer.post(`${path}/votes`, { itemId: item.id, days: 1 })).status).toBe(403);
  });

  it('should write the accepted estimate to the item and the decision log, and close when done', async () => {
    const item = await newItem('Webhooks');
    const session = await newSession([item.id]);
    const path = `${base}/estimation-sessions/${session.id}`;
    await team.developer.post(`${path}/votes`, { itemId: item.id, days: 3 });
    await team.cto.post(`${path}/votes`, { itemId: item.id, days: 5 });

    const early = await team.cto.post(`${path}/accept`, {
      itemId: item.id,
      version: item.version,
      estimate: { optimistic: 2, likely: 4, pessimistic: 8 },
    });
    expect(early.status).toBe(409);
    await team.cto.post(`${path}/reveal`);

    const stale = await team.cto.post(`${path}/accept`, {
      itemId: item.id,
      version: item.version + 5,
      estimate: { optimistic: 2, likely: 4, pessimistic: 8 },
    });
    expect(stale.status).toBe(409);

    const accepted = await team.cto.post<EstimationSession>(`${path}/accept`, {
      itemId: item.id,
      version: item.version,
      estimate: { optimistic: 2, likely: 4, pessimistic: 8 },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.items[0]?.accepted).toEqual({ optimistic: 2, likely: 4, pessimistic: 8 });
    expect(accepted.body.state).toBe('closed');

    const stored = await team.developer.get<Item>(`${base}/items/${item.id}`);
    expect(stored.body.estimate).toMatchObject({
      optimistic: 2,
      likely: 4,
      pessimistic: 8,
      estimatedBy: team.cto.userId,
    });
    const log = await team.developer.get<{
      data: { decision: string; summary: string; rationale: string }[];
    }>(`${base}/decisions?itemId=${item.id}`);
    const entry = log.body.data.find((d) => d.decision === 'estimates');
    expect(entry?.summary).toContain('2/4/8');
    expect(entry?.rationale).toContain('Sprint 12 refinement');
    const voteAfter = await team.developer.post(`${path}/votes`, { itemId: item.id, days: 3 });
    expect(voteAfter.status).toBe(409);
  });

  it('should turn an accepted size into its range', async () => {
    const item = await newItem('Bulk edit');
    const session = await newSession([item.id]);
    const path = `${base}/estimation-sessions/${session.id}`;
    await team.developer.post(`${path}/votes`, { itemId: item.id, size: 'M' });
    await team.cto.post(`${path}/reveal`);
    const accepted = await team.cto.post<EstimationSession>(`${path}/accept`, {
      itemId: item.id,
      version: item.version,
      size: 'M',
    });
    expect(accepted.status).toBe(200);
    // M spans 3–8 days; most likely the geometric middle √24.
    expect(accepted.body.items[0]?.accepted?.optimistic).toBe(3);
    expect(accepted.body.items[0]?.accepted?.pessimistic).toBe(8);
    expect(accepted.body.items[0]?.accepted?.likely).toBeCloseTo(Math.sqrt(24), 10);
  });

  it('should refuse items of another workspace and answer 404 to its members', async () => {
    const item = await newItem('Private');
    const session = await newSession([item.id]);
    const foreign = await other.cto.get(`${base}/estimation-sessions/${session.id}`);
    expect(foreign.status).toBe(404);
    const viaOwn = await other.cto.get(
      `/api/workspaces/${other.workspaceId}/estimation-sessions/${session.id}`,
    );
    expect(viaOwn.status).toBe(404);
    const mixed = await other.cto.post(`/api/workspaces/${other.workspaceId}/estimation-sessions`, {
      title: 'Steal',
      itemIds: [item.id],
    });
    expect(mixed.status).toBe(400);
  });
});
