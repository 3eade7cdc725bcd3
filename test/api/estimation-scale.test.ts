import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstimationScale, EstimationSession, HeadwayExport, Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cto', 'developer', 'product_manager', 'viewer']);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

const OWN_SCALE = [
  { size: 'XS', min: 0.5, max: 1 },
  { size: 'S', min: 1, max: 2 },
  { size: 'M', min: 2, max: 5 },
  { size: 'L', min: 5, max: 10, mustSplit: true },
];

type ErrorBody = { error: { code: string; message: string } };

describe('estimation scale', () => {
  it('should answer the default ranges with isDefault when the workspace has none', async () => {
    const res = await team.viewer.get<EstimationScale>(`${base}/estimation-scale`);
    expect(res.status).toBe(200);
    expect(res.body.isDefault).toBe(true);
    expect(res.body.unit).toBe('days');
    expect(res.body.sizes.find((s) => s.size === 'M')).toEqual({
      size: 'M',
      min: 3,
      max: 8,
      mustSplit: false,
    });
    expect(res.body.sizes.map((s) => s.size)).toEqual(['XS', 'S', 'M', 'L', 'XL', 'XXL']);
  });

  it('should refuse a product manager, naming who decides, and change nothing', async () => {
    const res = await team.product_manager.put<ErrorBody>(`${base}/estimation-scale`, { sizes: OWN_SCALE });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
    expect(res.body.error.message).toContain('Sam');
    const after = await team.cto.get<EstimationScale>(`${base}/estimation-scale`);
    expect(after.body.isDefault).toBe(true);
  });

  it('should refuse a scale whose ranges shrink, naming the size, and change nothing', async () => {
    const shrinking = [
      { size: 'S', min: 1, max: 3 },
      { size: 'M', min: 2, max: 2.5 },
    ];
    const res = await team.cto.put<ErrorBody>(`${base}/estimation-scale`, { sizes: shrinking });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toContain('size M must not be smaller than S');
    const inverted = await team.cto.put<ErrorBody>(`${base}/estimation-scale`, {
      sizes: [{ size: 'L', min: 9, max: 4 }],
    });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.message).toContain('size L');
    const after = await team.cto.get<EstimationScale>(`${base}/estimation-scale`);
    expect(after.body.isDefault).toBe(true);
  });

  it('should let the CTO set the ranges and log the decision', async () => {
    const res = await team.cto.put<EstimationScale>(`${base}/estimation-scale`, {
      sizes: OWN_SCALE,
      rationale: 'Our items are smaller than the default assumes',
    });
    expect(res.status).toBe(200);
    expect(res.body.isDefault).toBe(false);
    expect(res.body.sizes).toEqual([
      { size: 'XS', min: 0.5, max: 1, mustSplit: false },
      { size: 'S', min: 1, max: 2, mustSplit: false },
      { size: 'M', min: 2, max: 5, mustSplit: false },
      { size: 'L', min: 5, max: 10, mustSplit: true },
    ]);
    const read = await team.developer.get<EstimationScale>(`${base}/estimation-scale`);
    expect(read.body).toEqual(res.body);
    const log = await team.developer.get<{
      data: { decision: string; summary: string; rationale: string }[];
    }>(`${base}/decisions`);
    const entry = log.body.data.find((d) => d.decision === 'estimates' && d.summary.includes('t-shirt'));
    expect(entry?.summary).toContain('M 2–5 days');
    expect(entry?.rationale).toBe('Our items are smaller than the default assumes');
  });

  it('should convert a size vote and an accepted size with the workspace ranges', async () => {
    const itemRes = await team.product_manager.post<Item>(`${base}/items`, {
      type: 'feature',
      title: 'Tags',
    });
    const item = itemRes.body;
    const session = await team.cto.post<EstimationSession>(`${base}/estimation-sessions`, {
      title: 'Own scale',
      itemIds: [item.id],
    });
    const path = `${base}/estimation-sessions/${session.body.id}`;
    await team.developer.post(`${path}/votes`, { itemId: item.id, size: 'M' });
    const revealed = await team.cto.post<EstimationSession>(`${path}/reveal`);
    // The workspace's M spans 2–5 days, so the vote counts as the geometric middle √10.
    expect(revealed.body.items[0]?.votes[0]?.days).toBeCloseTo(Math.sqrt(10), 10);
    const accepted = await team.cto.post<EstimationSession>(`${path}/accept`, {
      itemId: item.id,
      version: item.version,
      size: 'M',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.items[0]?.accepted?.optimistic).toBe(2);
    expect(accepted.body.items[0]?.accepted?.pessimistic).toBe(5);
    expect(accepted.body.items[0]?.accepted?.likely).toBeCloseTo(Math.sqrt(10), 10);
  });

  it('should refuse a size the workspace scale does not define', async () => {
    const itemRes = await team.product_manager.post<Item>(`${base}/items`, {
      type: 'feature',
      title: 'Huge',
    });
    const session = await team.cto.post<EstimationSession>(`${base}/estimation-sessions`, {
      title: 'Missing size',
      itemIds: [itemRes.body.id],
    });
    const vote = await team.developer.post<ErrorBody>(
      `${base}/estimation-sessions/${session.body.id}/votes`,
      {
        itemId: itemRes.body.id,
        size: 'XXL',
      },
    );
    expect(vote.status).toBe(400);
    expect(vote.body.error.message).toContain('known sizes: XS, S, M, L');
  });

  it('should carry the scale through export and import', async () => {
    const exported = await team.founder.get<HeadwayExport>(`${base}/export`);
    expect(exported.body.workspace.tshirtScale?.sizes.map((s) => s.size)).toEqual(['XS', 'S', 'M', 'L']);
    const imported = await team.founder.post<{ id: string }>('/api/workspaces/import', {
      ...exported.body,
      workspace: { ...exported.body.workspace, name: 'Acme copy' },
    });
    expect(imported.status).toBe(201);
    const scale = await team.founder.get<EstimationScale>(
      `/api/workspaces/${imported.body.id}/estimation-scale`,
    );
    expect(scale.body.isDefault).toBe(false);
    expect(scale.body.sizes.find((s) => s.size === 'L')).toEqual({
      size: 'L',
      min: 5,
      max: 10,
      mustSplit: true,
    });
  });
});
