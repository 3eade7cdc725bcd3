/**
 * The authorization matrix: every API route × every role × own/other workspace, against one
 * declared table of who may do what. The table is written here from the product's rules (the
 * default decision rights), not derived from the server's code.
 */
import { describe, expect, it } from 'vitest';
import type { PortfolioView } from '../../src/contract';
import { ROLES } from '../../src/domain/decision-rights';
import { TestClient } from '../support/client';

import { LEFT_OUT, type RouteCase, type Target, WORKSPACE_CASES } from './authorization-cases';
import { PLANNING_CASES } from './authorization-cases-planning';
import { checkEachRoute, prepare, prepareAuthorizationWorld } from './authorization-matrix';

const CASES: RouteCase[] = [...WORKSPACE_CASES, ...PLANNING_CASES];

const world = prepareAuthorizationWorld();

// First, before the matrix below fills the workspace with hundreds of planned items.
describe('authorization of the portfolio', () => {
  it('should show every role its own workspace in its role, never the other one, and nobody without a session', async () => {
    // Two estimated items, so each answer carries a simulated plan.
    await prepare(world, world.own, undefined);
    for (const role of ROLES) {
      const res = await world.own[role].get<PortfolioView>('/api/portfolio');
      expect(res.status, role).toBe(200);
      expect(
        res.body.workspaces.map((w) => [w.workspaceId, w.role]),
        role,
      ).toEqual([[world.own.workspaceId, role]]);
    }
    expect((await new TestClient(world.ctx.app).get('/api/portfolio')).status).toBe(401);
    // The first answer simulates the workspace's plan; the others, unchanged, come from memory.
  }, 120_000);
});

describe('authorization matrix', () => {
  checkEachRoute(world, WORKSPACE_CASES);

  it('should cover every workspace route the API declares, or say why one is left out', async () => {
    // A stand-in target whose every id prints as "{}", so a case's path becomes its template.
    const placeholder: unknown = new Proxy(() => undefined, {
      get: (_target, key) => (key === Symbol.toPrimitive ? () => '{}' : placeholder),
    });
    const covered = new Set(
      CASES.map((route) => {
        const path = route.path(placeholder as Target).split('?')[0] ?? '';
        return `${route.method} ${path.replace(/\/\d+(?=\/|$)/g, '/{}')}`;
      }),
    );
    const doc = (await (await world.ctx.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const declared = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`),
    );
    const workspaceRoutes = declared.filter((route) => / \/api\/workspaces\/\{\}/.test(route));
    expect(workspaceRoutes.length).toBeGreaterThan(40);
    const missing = workspaceRoutes.filter((route) => !covered.has(route) && !LEFT_OUT.has(route));
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('should answer 401 on every workspace route without a session or token', async () => {
    const target = await prepare(world, world.own, undefined);
    const anonymous = new TestClient(world.ctx.app);
    for (const route of CASES) {
      const res = await anonymous.request(route.method, route.path(target), route.body?.(target));
      expect(res.status, route.name).toBe(401);
    }
  });

  it('should refuse a cookie-authenticated write without the CSRF token', async () => {
    const target = await prepare(world, world.own, undefined);
    const res = await world.ctx.app.request(`/api/workspaces/${target.ws}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: world.own.product_manager.cookie },
      body: JSON.stringify({ type: 'task', title: 'forged' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
  });
});

describe('authorization of account routes (API tokens)', () => {
  const create = async (client: TestClient, name: string) => {
    const res = await client.post<{ id: string; token: string }>('/api/tokens', { name });
    if (res.status !== 201) throw new Error(`setup failed: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it("should answer 404 to listing or revoking another person's token, whatever their roles", async () => {
    for (const role of ROLES) {
      const theirs = await create(world.other.founder, `founder's ${role}`);
      const res = await world.own[role].delete(`/api/tokens/${theirs.id}`);
      expect(res.status, role).toBe(404);
      const list = await world.own[role].get<{ data: { id: string }[] }>('/api/tokens');
      expect(list.status, role).toBe(200);
      expect(list.body.data.map((t) => t.id)).not.toContain(theirs.id);
    }
    // Still alive: nothing above touched it.
    const alive = new TestClient(world.ctx.app);
    alive.token = (await create(world.other.founder, 'check')).token;
    expect((await alive.get('/api/me')).status).toBe(200);
  });

  it('should answer 401 on every token route without a session or token', async () => {
    const anonymous = new TestClient(world.ctx.app);
    const mine = await create(world.own.founder, 'target');
    expect((await anonymous.get('/api/tokens')).status).toBe(401);
    expect((await anonymous.post('/api/tokens', { name: 'x' })).status).toBe(401);
    expect((await anonymous.delete(`/api/tokens/${mine.id}`)).status).toBe(401);
  });

  it('should refuse cookie-authenticated token writes without the CSRF token', async () => {
    const mine = await create(world.own.founder, 'csrf target');
    const forged = [
      { method: 'POST', path: '/api/tokens', body: JSON.stringify({ name: 'forged' }) },
      { method: 'DELETE', path: `/api/tokens/${mine.id}`, body: undefined },
    ];
    for (const request of forged) {
      const res = await world.ctx.app.request(request.path, {
        method: request.method,
        headers: { 'content-type': 'application/json', cookie: world.own.founder.cookie },
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      expect(res.status, request.method).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    }
    const list = await world.own.founder.get<{ data: { id: string; name: string }[] }>('/api/tokens');
    expect(list.body.data.map((t) => t.id)).toContain(mine.id);
    expect(list.body.data.map((t) => t.name)).not.toContain('forged');
  });
});
