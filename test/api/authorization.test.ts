/**
 * The authorization matrix: every API route × every role × own/other workspace, against one
 * declared table of who may do what. The table is written here from the product's rules (the
 * default decision rights), not derived from the server's code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import { ROLES, type Role } from '../../src/domain/decision-rights';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { createTeam, type Team } from '../support/team';

const ALL: readonly Role[] = ROLES;
const CONTRIBUTORS: readonly Role[] = ROLES.filter((r) => r !== 'viewer');
const ORDER: readonly Role[] = ['product_manager', 'cpo', 'ctpo', 'designer'];
const REQUIREMENTS: readonly Role[] = ['product_manager', 'cpo', 'ctpo', 'designer'];
const SCOPE: readonly Role[] = ['cpo', 'founder', 'ctpo', 'product_manager', 'designer'];
const DATES: readonly Role[] = ['product_manager', 'cpo', 'ctpo'];
const ASSIGN: readonly Role[] = ['product_manager', 'cpo', 'ctpo', 'cto', 'developer'];
const TECH: readonly Role[] = ['cto', 'ctpo', 'developer'];
const FOUNDER: readonly Role[] = ['founder'];
const METHOD: readonly Role[] = ['cpo', 'ctpo', 'product_manager'];
const ROADMAP: readonly Role[] = ['cpo', 'ctpo', 'product_manager', 'founder'];

interface Target {
  ws: string;
  item: Item;
  other: Item;
  memberId: string;
  rightsVersion: number;
  formulaId: string;
  sessionId: string;
}

interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: (t: Target) => string;
  body?: (t: Target) => unknown;
  allowed: readonly Role[];
  /** Prepares fresh data for each call so an allowed call cannot fail for another reason. */
  needs?:
    | 'dependency'
    | 'member'
    | 'formula'
    | 'assessment'
    | 'session'
    | 'revealed-session'
    | 'cancelled-item';
}

const W = (t: Target) => `/api/workspaces/${t.ws}`;
const I = (t: Target) => `${W(t)}/items/${t.item.id}`;

/**
 * Workspace routes the matrix does not call, each with the test that covers its rights instead.
 */
const LEFT_OUT = new Map<string, string>([
  ['POST /api/workspaces/{}/sample-data', 'founder only, once: getting-started.test.ts'],
  ['POST /api/workspaces/{}/decisions/{}/rationale', "the entry's author only: decision-whys.test.ts"],
  ['DELETE /api/workspaces/{}/roadmap/snapshots/{}', 'the roadmap decision: roadmap.test.ts'],
  ['DELETE /api/workspaces/{}/assessments/{}', 'the team decision: assessments.test.ts'],
  [
    'POST /api/workspaces/{}/assessments/{}/apply-decision-rights',
    'the team decision, with a preview: assessments.test.ts',
  ],
]);

const CASES: RouteCase[] = [
  { name: 'get workspace', method: 'GET', path: W, allowed: ALL },
  { name: 'list members', method: 'GET', path: (t) => `${W(t)}/members`, allowed: ALL },
  { name: 'get decision rights', method: 'GET', path: (t) => `${W(t)}/decision-rights`, allowed: ALL },
  { name: 'list items', method: 'GET', path: (t) => `${W(t)}/items`, allowed: ALL },
  { name: 'get item', method: 'GET', path: I, allowed: ALL },
  { name: 'item history', method: 'GET', path: (t) => `${I(t)}/history`, allowed: ALL },
  { name: 'list comments', method: 'GET', path: (t) => `${I(t)}/comments`, allowed: ALL },
  { name: 'inbox', method: 'GET', path: (t) => `${W(t)}/inbox`, allowed: ALL },
  { name: 'decision log', method: 'GET', path: (t) => `${W(t)}/decisions`, allowed: ALL },
  { name: 'decision log CSV', method: 'GET', path: (t) => `${W(t)}/decisions.csv`, allowed: ALL },
  { name: 'what waits on whom', method: 'GET', path: (t) => `${W(t)}/waiting`, allowed: ALL },
  { name: 'slips', method: 'GET', path: (t) => `${W(t)}/slips`, allowed: ALL },
  { name: 'getting started', method: 'GET', path: (t) => `${W(t)}/getting-started`, allowed: ALL },
  { name: 'export', method: 'GET', path: (t) => `${W(t)}/export`, allowed: ALL },
  {
    name: 'create item',
    method: 'POST',
    path: (t) => `${W(t)}/items`,
    body: () => ({ type: 'task', title: 'x' }),
    allowed: CONTRIBUTORS,
  },
  {
    name: 'comment',
    method: 'POST',
    path: (t) => `${I(t)}/comments`,
    body: () => ({ body: 'hi' }),
    allowed: CONTRIBUTORS,
  },
  {
    name: 'move state along',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, state: 'in_progress' }),
    allowed: CONTRIBUTORS,
  },
  {
    name: 'edit title',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, title: 'New title' }),
    allowed: REQUIREMENTS,
  },
  {
    name: 'cancel item',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, state: 'cancelled' }),
    allowed: SCOPE,
  },
  {
    name: 'bring a cancelled item back',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, state: 'ready' }),
    allowed: SCOPE,
    needs: 'cancelled-item',
  },
  {
    name: 'set scores',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, scores: { rice_reach: 10 } }),
    allowed: ORDER,
  },
  {
    name: 'set target date',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, targetDate: '2027-01-15' }),
    allowed: DATES,
  },
  {
    name: 'assign',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, assigneeId: t.memberId }),
    allowed: ASSIGN,
  },
  {
    name: 'set skills',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, skills: ['backend'] }),
    allowed: TECH,
  },
  {
    name: 'estimate',
    method: 'PATCH',
    path: I,
    body: (t) => ({ version: t.item.version, estimate: { optimistic: 1, likely: 2, pessimistic: 4 } }),
    allowed: TECH,
  },
  {
    name: 'reorder',
    method: 'POST',
    path: (t) => `${I(t)}/move`,
    body: () => ({ afterId: null }),
    allowed: ORDER,
  },
  {
    // Adding to and changing the backlog needs scope and order; who holds both is ORDER here.
    name: 'import a file into the workspace',
    method: 'POST',
    path: (t) => `${W(t)}/import`,
    body: () => ({
      format: 'jira',
      text: 'Summary,Issue key,Issue Type,Status\nFrom Jira,AUTH-1,Task,To Do\n',
    }),
    allowed: ORDER,
  },
  {
    name: 'add dependency',
    method: 'POST',
    path: (t) => `${I(t)}/dependencies`,
    body: (t) => ({ dependsOnId: t.other.id }),
    allowed: TECH,
  },
  {
    name: 'remove dependency',
    method: 'DELETE',
    path: (t) => `${I(t)}/dependencies/${t.other.id}`,
    allowed: TECH,
    needs: 'dependency',
  },
  {
    name: 'invite',
    method: 'POST',
    path: (t) => `${W(t)}/invitations`,
    body: () => ({ role: 'developer' }),
    allowed: FOUNDER,
  },
  {
    name: 'invite a founder',
    method: 'POST',
    path: (t) => `${W(t)}/invitations`,
    body: () => ({ role: 'founder' }),
    allowed: FOUNDER,
  },
  {
    name: 'make a member founder',
    method: 'PATCH',
    path: (t) => `${W(t)}/members/${t.memberId}`,
    body: () => ({ version: 1, role: 'founder' }),
    allowed: FOUNDER,
    needs: 'member',
  },
  {
    name: 'update member',
    method: 'PATCH',
    path: (t) => `${W(t)}/members/${t.memberId}`,
    body: () => ({ version: 1, fte: 0.5 }),
    allowed: FOUNDER,
    needs: 'member',
  },
  {
    name: 'remove member',
    method: 'DELETE',
    path: (t) => `${W(t)}/members/${t.memberId}`,
    allowed: FOUNDER,
    needs: 'member',
  },
  {
    name: 'edit decision rights',
    method: 'PUT',
    path: (t) => `${W(t)}/decision-rights`,
    body: (t) => ({ version: t.rightsVersion, matrix: MATRIX }),
    allowed: FOUNDER,
  },
  // Prioritization and estimation.
  { name: 'ranking', method: 'GET', path: (t) => `${W(t)}/ranking?framework=rice`, allowed: ALL },
  {
    name: 'compare rankings',
    method: 'GET',
    path: (t) => `${W(t)}/ranking/compare?a=rice&b=manual`,
    allowed: ALL,
  },
  {
    name: 'ranking sensitivity',
    method: 'GET',
    path: (t) => `${W(t)}/ranking/sensitivity?framework=rice`,
    allowed: ALL,
  },
  {
    name: 'apply ranking',
    method: 'POST',
    path: (t) => `${W(t)}/ranking/apply`,
    body: () => ({ framework: 'rice' }),
    allowed: ORDER,
  },
  { name: 'list formulas', method: 'GET', path: (t) => `${W(t)}/formulas`, allowed: ALL },
  {
    name: 'create formula',
    method: 'POST',
    path: (t) => `${W(t)}/formulas`,
    body: () => ({ name: `F ${Math.random()}`, expression: 'rice_reach * 2' }),
    allowed: METHOD,
  },
  {
    name: 'edit formula',
    method: 'PATCH',
    path: (t) => `${W(t)}/formulas/${t.formulaId}`,
    body: () => ({ version: 1, expression: 'rice_reach * 3' }),
    allowed: METHOD,
    needs: 'formula',
  },
  {
    name: 'delete formula',
    method: 'DELETE',
    path: (t) => `${W(t)}/formulas/${t.formulaId}`,
    allowed: METHOD,
    needs: 'formula',
  },
  { name: 'calibration', method: 'GET', path: (t) => `${W(t)}/calibration`, allowed: ALL },
  { name: 'calibrated estimate', method: 'GET', path: (t) => `${I(t)}/calibrated-estimate`, allowed: ALL },
  {
    name: 'list estimation sessions',
    method: 'GET',
    path: (t) => `${W(t)}/estimation-sessions`,
    allowed: ALL,
  },
  {
    name: 'start estimation session',
    method: 'POST',
    path: (t) => `${W(t)}/estimation-sessions`,
    body: (t) => ({ title: 'Refinement', itemIds: [t.item.id] }),
    allowed: TECH,
  },
  {
    name: 'get estimation session',
    method: 'GET',
    path: (t) => `${W(t)}/estimation-sessions/${t.sessionId}`,
    allowed: ALL,
    needs: 'session',
  },
  {
    name: 'vote in estimation session',
    method: 'POST',
    path: (t) => `${W(t)}/estimation-sessions/${t.sessionId}/votes`,
    body: (t) => ({ itemId: t.item.id, days: 3 }),
    allowed: TECH,
    needs: 'session',
  },
  {
    name: 'reveal estimation session',
    method: 'POST',
    path: (t) => `${W(t)}/estimation-sessions/${t.sessionId}/reveal`,
    allowed: TECH,
    needs: 'session',
  },
  {
    name: 'accept session estimate',
    method: 'POST',
    path: (t) => `${W(t)}/estimation-sessions/${t.sessionId}/accept`,
    body: (t) => ({
      itemId: t.item.id,
      version: t.item.version,
      estimate: { optimistic: 1, likely: 3, pessimistic: 6 },
    }),
    allowed: TECH,
    needs: 'revealed-session',
  },
  { name: 'estimation scale', method: 'GET', path: (t) => `${W(t)}/estimation-scale`, allowed: ALL },
  {
    name: 'set estimation scale',
    method: 'PUT',
    path: (t) => `${W(t)}/estimation-scale`,
    body: () => ({
      sizes: [
        { size: 'S', min: 1, max: 2 },
        { size: 'M', min: 2, max: 5 },
        { size: 'L', min: 5, max: 10 },
      ],
    }),
    allowed: TECH,
  },
  // Roadmap and forecasts.
  { name: 'roadmap', method: 'GET', path: (t) => `${W(t)}/roadmap`, allowed: ALL },
  {
    name: 'what-if scenario',
    method: 'POST',
    path: (t) => `${W(t)}/roadmap/scenarios`,
    body: () => ({ changes: [{ kind: 'add_person', name: 'New developer', fte: 1, skills: ['backend'] }] }),
    allowed: ALL,
  },
  { name: 'list snapshots', method: 'GET', path: (t) => `${W(t)}/roadmap/snapshots`, allowed: ALL },
  {
    name: 'publish snapshot',
    method: 'POST',
    path: (t) => `${W(t)}/roadmap/snapshots`,
    body: () => ({}),
    allowed: ROADMAP,
  },
  {
    name: 'throughput forecast',
    method: 'GET',
    path: (t) => `${W(t)}/forecasts/throughput?items=10`,
    allowed: ALL,
  },
  {
    name: 'plan forecast',
    method: 'GET',
    path: (t) => `${W(t)}/forecasts/plan?items=${t.item.id}&trials=50`,
    allowed: ALL,
  },
  {
    name: 'forecast track record',
    method: 'GET',
    path: (t) => `${W(t)}/forecasts/track-record`,
    allowed: ALL,
  },
  // Assessment.
  {
    name: 'questionnaire',
    method: 'GET',
    path: (t) => `${W(t)}/assessments/questionnaire?variant=short`,
    allowed: ALL,
  },
  { name: 'prefill', method: 'GET', path: (t) => `${W(t)}/assessments/prefill?variant=short`, allowed: ALL },
  {
    name: 'assess',
    method: 'POST',
    path: (t) => `${W(t)}/assessments`,
    body: () => ({ variant: 'short', answers: {} }),
    allowed: FOUNDER,
  },
  {
    name: 'list assessments',
    method: 'GET',
    path: (t) => `${W(t)}/assessments`,
    allowed: ALL,
    needs: 'assessment',
  },
  {
    name: 'get assessment',
    method: 'GET',
    path: (t) => `${W(t)}/assessments/1`,
    allowed: ALL,
    needs: 'assessment',
  },
  {
    name: 'assessment report',
    method: 'GET',
    path: (t) => `${W(t)}/assessments/1/report?format=md`,
    allowed: ALL,
    needs: 'assessment',
  },
  {
    name: 'compare assessments',
    method: 'GET',
    path: (t) => `${W(t)}/assessments/compare?from=1&to=1`,
    allowed: ALL,
    needs: 'assessment',
  },
  {
    name: 'apply assessment decision rights',
    method: 'POST',
    path: (t) => `${W(t)}/assessments/1/apply-decision-rights?preview=true`,
    body: (t) => ({ version: t.rightsVersion }),
    allowed: FOUNDER,
    needs: 'assessment',
  },
];

let MATRIX: Record<string, Record<string, string>>;
let ctx: Awaited<ReturnType<typeof createTestApp>>;
let own: Team;
let other: Team;

beforeAll(async () => {
  ctx = await createTestApp();
  own = await createTeam(ctx.app);
  other = await createTeam(ctx.app, ['founder', 'product_manager', 'cto', 'cpo', 'ctpo']);
  const rights = await own.founder.get<{ matrix: Record<string, Record<string, string>> }>(
    `/api/workspaces/${own.workspaceId}/decision-rights`,
  );
  MATRIX = rights.body.matrix;
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
  const rights = await team.founder.get<{ version: number }>(`/api/workspaces/${ws}/decision-rights`);
  return {
    ws,
    item,
    other: otherItem,
    memberId,
    rightsVersion: rights.body.version,
    formulaId,
    sessionId,
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
