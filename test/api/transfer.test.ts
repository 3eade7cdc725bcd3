import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadwayExport } from '../../src/contract';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-workspace';
import { loadDemo } from '../../src/server/demo/load-demo';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';

let ctx: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('export and import', () => {
  it('should give identical JSON after export → import into a fresh workspace → export', async () => {
    const demo = await loadDemo(ctx.handle.db);
    const alex = new TestClient(ctx.app);
    const signIn = await alex.post<{ csrfToken: string }>('/api/auth/signin', {
      email: 'alex@demo.headway.dev',
      password: DEMO_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    alex.csrf = signIn.body.csrfToken;

    // Everything a workspace accumulates: a formula, an assessment, a published roadmap, forecasts.
    const dana = new TestClient(ctx.app);
    const danaIn = await dana.post<{ csrfToken: string }>('/api/auth/signin', {
      email: 'dana@demo.headway.dev',
      password: DEMO_PASSWORD,
    });
    dana.csrf = danaIn.body.csrfToken;
    const w = `/api/workspaces/${demo.id}`;
    // The demo ships with past forecasts of its own, already scored.
    const shipped = (await alex.get<HeadwayExport>(`${w}/export`)).body.forecasts;
    expect(shipped.length).toBeGreaterThan(10);
    expect(shipped.filter((f) => f.scoredAt !== null).length).toBeGreaterThanOrEqual(10);
    expect(
      (
        await dana.post(`${w}/formulas`, {
          name: 'Value per day',
          expression: 'wsjf_value / max(rice_effort, 1)',
        })
      ).status,
    ).toBe(201);
    expect((await alex.post(`${w}/assessments`, { variant: 'short', answers: {} })).status).toBe(201);
    expect((await dana.post(`${w}/roadmap/snapshots`, { note: 'Q1 plan' })).status).toBe(201);
    expect((await dana.get(`${w}/forecasts/throughput?items=20`)).status).toBe(200);
    const milestone = (await dana.get<{ data: { id: string }[] }>(`${w}/items?type=initiative&limit=1`)).body
      .data[0];
    expect((await dana.get(`${w}/forecasts/plan?milestone=${milestone?.id}&trials=50`)).status).toBe(200);

    const first = await alex.get<HeadwayExport>(`/api/workspaces/${demo.id}/export`);
    expect(first.body.formulas).toHaveLength(1);
    expect(first.body.assessments).toHaveLength(1);
    expect(first.body.roadmapSnapshots).toHaveLength(1);
    expect(first.body.forecasts).toHaveLength(shipped.length + 2);
    expect(first.body.slips.length).toBeGreaterThanOrEqual(3);
    // Ids of this server never leak into the file: items and people travel as portable references.
    expect(JSON.stringify(first.body.roadmapSnapshots)).toMatch(/item:#\d+/);
    const text = JSON.stringify(first.body);
    const leaked = [
      ...text.matchAll(/.{60}[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g),
    ].map((m) => m[0]);
    expect(leaked).toEqual([]);
    expect(first.status).toBe(200);
    expect(first.body.items.length).toBeGreaterThanOrEqual(140);
    expect(first.body.dependencies.length).toBeGreaterThan(10);
    expect(first.body.stateHistory.length).toBeGreaterThan(first.body.items.length);

    const imported = await alex.post<{ id: string }>('/api/workspaces/import', first.body);
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(demo.id);

    const second = await alex.get<HeadwayExport>(`/api/workspaces/${imported.body.id}/export`);
    expect(second.body).toEqual(first.body);
    expect(JSON.stringify(second.body)).toBe(JSON.stringify(first.body));
  });
});
