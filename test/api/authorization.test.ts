/**
 * The authorization matrix: every API route × every role × own/other workspace, against one
 * declared table of who may do what. The table is written here from the product's rules (the
 * default decision rights), not derived from the server's code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import { ROLES } from '../../src/domain/decision-rights';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { createTeam, type Team } from '../support/team';

import { LEFT_OUT, type RouteCase, type Target, WORKSPACE_CASES } from './authorization-cases';
import { PLANNING_CASES } from './authorization-cases-planning';

const CASES: RouteCase[] = [...WORKSPACE_CASES, ...PLANNING_CASES];

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let own: Team;
let other: Team;

beforeAll(async () => {
  ctx = await createTestApp();
  own = await createTeam(ctx.app);
  other = await createTeam(ctx.app, ['founder', 'product_manager', 'cto', 'cpo', 'ctpo']);
});
afterAll(() => ctx.close());

async function prepare(team: Team, needs: RouteCase['needs']): Promise<Target> {
  const ws = team.workspaceId;
  const mk = async (title: string) => {
    // The CTPO may set scores and an estimate at once, so every route has what it needs.
    const res = await team.ctpo.post<Item>(`/api/workspaces/${ws}/items`, {
      type: 'feature',
      title,
      scores: { rice_reach: 100, rice_impact: 1, rice_confidence: 80, rice_effort: 1 },
      estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
    });
    if (res.status !== 201) throw new Error(`setup failed: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  let item = await mk('target');
  const otherItem = await mk('other');
  if (needs === 'dependency') {
    const dep = await team.cto.post<Item>(`/api/workspaces/${ws}/items/${item.id}/dependencies`, {
      dependsOnId: otherItem.id,
    });
    item = dep.body;
  }
  if (needs === 'cancelled-item') {
    const cut = await team.ctpo.patch<Item>(`/api/workspaces/${ws}/items/${item.id}`, {
      version: item.version,
      state: 'cancelled',
    });
    if (cut.status !== 200) throw new Error(`setup failed: ${JSON.stringify(cut.body)}`);
    item = cut.body;
  }
  let memberId = team.cto.userId;
  if (needs === 'member') {
    const invite = await team.founder.post<{ token: string }>(`/api/workspaces/${ws}/invitations`, {
      role: 'developer',
    });
    const joiner = new TestClient(ctx.app);
    await joiner.signUp('Temp');
    await joiner.post('/api/invitations/accept', { token: invite.body.token });
    memberId = joiner.userId;
  }
  let formulaId = '00000000-0000-4000-8000-000000000000';
  if (needs === 'formula') {
    const f = await team.cpo.post<{ id: string }>(`/api/workspaces/${ws}/formulas`, {
      name: `Formula ${Math.random()}`,
      expression: 'rice_reach',
    });
    if (f.status !== 201) throw new Error(`setup failed: ${JSON.stringify(f.body)}`);
    formulaId = f.body.id;
  }
  if (needs === 'assessment') {
    const list = await team.founder.get<{ data: unknown[] }>(`/api/workspaces/${ws}/assessments`);
    if (list.body.data.length === 0) {
      const a = await team.founder.post(`/api/workspaces/${ws}/assessments`, {
        variant: 'short',
        answers: {},
      });
      if (a.status !== 201) throw new Error(`setup failed: ${JSON.stringify(a.body)}`);
    }
  }
  let sessionId = '00000000-0000-4000-8000-000000000000';
  if (needs === 'session' || needs === 'revealed-session') {
    const session = await team.cto.post<{ id: string }>(`/api/workspaces/${ws}/estimation-sessions`, {
      title: 'Refinement',
      itemIds: [item.id],
    });
    if (session.status !== 201) throw new Error(`setup failed: ${JSON.stringify(session.body)}`);
    sessionId = session.body.id;
    if (needs === 'revealed-session') {
      await team.cto.post(`/api/workspaces/${ws}/estimation-sessions/${sessionId}/votes`, {
        itemId: item.id,
        days: 2,
      });
      await team.cto.post(`/api/workspaces/${ws}/estimation-sessions/${sessionId}/reveal`);
    }
  }
  let viewId = '00000000-0000-4000-8000-000000000000';
  if (needs === 'shared-view') {
    const view = await team.cto.post<{ id: string }>(`/api/workspaces/${ws}/saved-views`, {
      name: `View ${Math.random()}`,
      shared: true,
      query: { state: 'ready' },
    });
    if (view.status !== 201) throw new Error(`setup failed: ${JSON.stringify(view.body)}`);
    viewId = view.body.id;
  }
  let linkId = '00000000-0000-4000-8000-000000000000';
  let leadId = linkId;
  if (needs === 'assessment-link' || needs === 'assessment-lead') {
    const link = await team.founder.post<{ id: string; token: string }>(
      `/api/workspaces/${ws}/assessment-links`,
      {
        name: 'Website',
      },
    );
    if (link.status !== 201) throw new Error(`setup failed: ${JSON.stringify(link.body)}`);
    linkId = link.body.id;
    if (needs === 'assessment-lead') {
      const visitor = new TestClient(ctx.app);
      const email = `lead.${Math.random().toString(36).slice(2, 10)}@example.com`;
      await visitor.post(`/api/public/assessments/${link.body.token}/report`, {
        answers: {},
        consent: true,
        email,
      });
      const leads = await team.founder.get<{ data: { id: string; email: string }[] }>(
        `/api/workspaces/${ws}/assessment-leads`,
      );
      leadId = leads.body.data.find((l) => l.email === email)?.id ?? leadId;
    }
  }
  let proposalId = '00000000-0000-4000-8000-000000000000';
  if (needs === 'proposal') {
    const proposed = await team.cto.post<{ id: string }>(`/api/workspaces/${ws}/proposals`, {
      itemId: item.id,
      change: { kind: 'cut' },
      reason: 'Nobody uses it',
    });
    if (proposed.status !== 201) throw new Error(`setup failed: ${JSON.stringify(proposed.body)}`);
    proposalId = proposed.body.id;
  }
  const rights = await team.founder.get<{ version: number; matrix: Record<string, Record<string, string>> }>(
    `/api/workspaces/${ws}/decision-rights`,
  );
  return {
    ws,
    item,
    other: otherItem,
    memberId,
    rightsVersion: rights.body.version,
    rightsMatrix: rights.body.matrix,
    formulaId,
    sessionId,
    viewId,
    linkId,
    leadId,
    proposalId,
  };
}

describe('authorization matrix', () => {
  // One test per route, so a slow machine never hits one long timeout and a failure names its route.
  it.each(CASES.map((route) => [route.name, route] as const))(
    'should allow and deny %s exactly as declared for every role × own/other workspace',
    async (_name, route) => {
      const unexpected: string[] = [];
      let checked = 0;
      for (const role of ROLES) {
        const target = await prepare(own, route.needs);
        const res = await own[role].request(route.method, route.path(target), route.body?.(target));
        const allowed = route.allowed.includes(role);
        checked += 1;
        if (allowed && (res.status < 200 || res.status >= 300)) {
          unexpected.push(
            `denied: ${role} ${route.name} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`,
          );
        }
        if (!allowed && res.status !== 403) unexpected.push(`allowed: ${role} ${route.name} → ${res.status}`);
        if (!allowed && res.status === 403) {
          const message = (res.body as { error: { message: string } }).error.message;
          if (!message) unexpected.push(`403 without a reason: ${role} ${route.name}`);
        }
      }
      // Another tenant's data answers 404, whatever the caller's role in their own workspace.
      const foreign = await prepare(other, route.needs);
      for (const role of ROLES) {
        const res = await own[role].request(route.method, route.path(foreign), route.body?.(foreign));
        checked += 1;
        if (res.status !== 404) unexpected.push(`other workspace: ${role} ${route.name} → ${res.status}`);
      }
      expect(checked).toBe(ROLES.length * 2);
      expect(unexpected).toEqual([]);
    },
    // A plan forecast simulates the schedule sixteen times here; a loaded 2-core machine needs room.
    180_000,
  );

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
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
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
    const target = await prepare(own, undefined);
    const anonymous = new TestClient(ctx.app);
    for (const route of CASES) {
      const res = await anonymous.request(route.method, route.path(target), route.body?.(target));
      expect(res.status, route.name).toBe(401);
    }
  });

  it('should refuse a cookie-authenticated write without the CSRF token', async () => {
    const target = await prepare(own, undefined);
    const res = await ctx.app.request(`/api/workspaces/${target.ws}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: own.product_manager.cookie },
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
      const theirs = await create(other.founder, `founder's ${role}`);
      const res = await own[role].delete(`/api/tokens/${theirs.id}`);
      expect(res.status, role).toBe(404);
      const list = await own[role].get<{ data: { id: string }[] }>('/api/tokens');
      expect(list.status, role).toBe(200);
      expect(list.body.data.map((t) => t.id)).not.toContain(theirs.id);
    }
    // Still alive: nothing above touched it.
    const alive = new TestClient(ctx.app);
    alive.token = (await create(other.founder, 'check')).token;
    expect((await alive.get('/api/me')).status).toBe(200);
  });

  it('should answer 401 on every token route without a session or token', async () => {
    const anonymous = new TestClient(ctx.app);
    const mine = await create(own.founder, 'target');
    expect((await anonymous.get('/api/tokens')).status).toBe(401);
    expect((await anonymous.post('/api/tokens', { name: 'x' })).status).toBe(401);
    expect((await anonymous.delete(`/api/tokens/${mine.id}`)).status).toBe(401);
  });

  it('should refuse cookie-authenticated token writes without the CSRF token', async () => {
    const mine = await create(own.founder, 'csrf target');
    const forged = [
      { method: 'POST', path: '/api/tokens', body: JSON.stringify({ name: 'forged' }) },
      { method: 'DELETE', path: `/api/tokens/${mine.id}`, body: undefined },
    ];
    for (const request of forged) {
      const res = await ctx.app.request(request.path, {
        method: request.method,
        headers: { 'content-type': 'application/json', cookie: own.founder.cookie },
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      expect(res.status, request.method).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    }
    const list = await own.founder.get<{ data: { id: string; name: string }[] }>('/api/tokens');
    expect(list.body.data.map((t) => t.id)).toContain(mine.id);
    expect(list.body.data.map((t) => t.name)).not.toContain('forged');
  });
});
