import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDelivery, WebhookEndpoint } from '../../src/contract';
import type { Role } from '../../src/domain/decision-rights';
import { createPendingDeliveries } from '../../src/server/webhooks/dispatch';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

/** Webhook routes without a job queue: nothing is sent, deliveries are written and listed. */
describe('webhook endpoints', () => {
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let team: Team;
  let other: Team;
  let base: string;
  const MANAGERS: Role[] = ['founder', 'cto', 'ctpo'];
  const OTHERS: Role[] = ['cpo', 'product_manager', 'designer', 'developer', 'viewer'];

  beforeAll(async () => {
    ctx = await createTestApp();
    team = await createTeam(ctx.app, [...MANAGERS, ...OTHERS]);
    other = await createTeam(ctx.app, ['founder']);
    base = `/api/workspaces/${team.workspaceId}`;
  });
  afterAll(() => ctx.close());

  const register = (by: Role, body: unknown) =>
    team[by].post<WebhookEndpoint & { secret: string; error?: { message: string } }>(
      `${base}/webhooks`,
      body,
    );

  it('should refuse a literal forbidden address with a 400 that says why, and register nothing', async () => {
    for (const url of [
      'http://127.0.0.1:9000/h',
      'http://[::1]/h',
      'http://169.254.169.254/',
      'http://10.1.1.1/',
    ]) {
      const res = await register('founder', { url, kinds: ['item'] });
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toMatch(/cannot be sent to .*use a public address/);
    }
    const bad = await register('founder', { url: 'https://hooks.example.com/h', kinds: ['items'] });
    expect(bad.status).toBe(400);
    expect((await team.founder.get<{ data: unknown[] }>(`${base}/webhooks`)).body.data).toEqual([]);
  });

  it('should let the founder and the technical leads manage endpoints, and nobody else', async () => {
    const shown: string[] = [];
    for (const role of MANAGERS) {
      const res = await register(role, {
        url: `https://hooks.example.com/${role}`,
        kinds: ['item', 'order'],
      });
      expect(res.status).toBe(201);
      expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      shown.push(res.body.id);
    }
    for (const role of OTHERS) {
      expect((await register(role, { url: 'https://hooks.example.com/x', kinds: ['item'] })).status).toBe(
        403,
      );
      expect((await team[role].get(`${base}/webhooks`)).status).toBe(403);
      expect((await team[role].get(`${base}/webhooks/${shown[0]}/deliveries`)).status).toBe(403);
      expect((await team[role].request('DELETE', `${base}/webhooks/${shown[0]}`)).status).toBe(403);
    }
    const listed = (await team.cto.get<{ data: Record<string, unknown>[] }>(`${base}/webhooks`)).body.data;
    expect(listed.map((e) => e.id).sort()).toEqual([...shown].sort());
    expect(listed.every((e) => !('secret' in e))).toBe(true);
    // Another workspace's founder cannot see or remove them.
    expect((await other.founder.get(`${base}/webhooks`)).status).toBe(404);
    const foreign = `/api/workspaces/${other.workspaceId}/webhooks/${shown[0]}`;
    expect((await other.founder.request('DELETE', foreign)).status).toBe(404);
    expect((await team.ctpo.request('DELETE', `${base}/webhooks/${shown[2]}`)).status).toBe(204);
    expect((await team.ctpo.request('DELETE', `${base}/webhooks/${shown[2]}`)).status).toBe(404);
  });

  it('should log a delivery per change of a subscribed kind, and let managers replay it', async () => {
    const endpoint = (
      await register('founder', { url: 'https://hooks.example.com/orders', kinds: ['order'] })
    ).body;
    const a = await team.cpo.post<{ id: string }>(`${base}/items`, { type: 'task', title: 'A' });
    await team.cpo.post<{ id: string }>(`${base}/items`, { type: 'task', title: 'B' });
    expect((await team.cpo.post(`${base}/items/${a.body.id}/move`, { afterId: null })).status).toBe(200);
    await createPendingDeliveries(ctx.handle.db);
    // A second pass (another server's, say) finds nothing new.
    expect(await createPendingDeliveries(ctx.handle.db)).toEqual([]);
    const log = (
      await team.cto.get<{ data: WebhookDelivery[] }>(`${base}/webhooks/${endpoint.id}/deliveries`)
    ).body.data;
    expect(log.map((d) => [d.kind, d.event, d.status, d.attempts])).toEqual([
      ['order', 'itemMoved', 'pending', 0],
    ]);
    const path = `${base}/webhooks/${endpoint.id}/deliveries/${log[0]?.id}/replay`;
    for (const role of OTHERS) expect((await team[role].post(path, {})).status).toBe(403);
    const replay = await team.ctpo.post<WebhookDelivery>(path, {});
    expect(replay.status).toBe(201);
    expect(replay.body).toMatchObject({ replayOf: log[0]?.id, event: 'itemMoved', status: 'pending' });
    const unknown = `${base}/webhooks/${endpoint.id}/deliveries/00000000-0000-4000-8000-000000000000/replay`;
    expect((await team.founder.post(unknown, {})).status).toBe(404);
  });

  it('should log a forecast delivery each time a forecast is stored, and none for other kinds', async () => {
    const forecastsHook = (
      await register('founder', { url: 'https://hooks.example.com/forecasts', kinds: ['forecast'] })
    ).body;
    const item = await team.ctpo.post<{ id: string }>(`${base}/items`, {
      type: 'feature',
      title: 'Refunds',
      estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
    });
    await createPendingDeliveries(ctx.handle.db);
    const deliveries = async () =>
      (await team.cto.get<{ data: WebhookDelivery[] }>(`${base}/webhooks/${forecastsHook.id}/deliveries`))
        .body.data;
    // Creating an item is an item event: this endpoint did not ask for it.
    expect(await deliveries()).toEqual([]);
    const forecast = await team.developer.get<{ forecastId: string }>(
      `${base}/forecasts/plan?items=${item.body.id}&trials=50`,
    );
    expect(forecast.status).toBe(200);
    expect(forecast.body.forecastId).toBeTruthy();
    await createPendingDeliveries(ctx.handle.db);
    expect((await deliveries()).map((d) => [d.kind, d.event, d.status])).toEqual([
      ['forecast', 'forecastMade', 'pending'],
    ]);
  });
});
