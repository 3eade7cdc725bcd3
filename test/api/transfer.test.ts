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

    const first = await alex.get<HeadwayExport>(`/api/workspaces/${demo.id}/export`);
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
