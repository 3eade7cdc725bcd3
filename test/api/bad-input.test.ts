import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadwayExport, Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;
let item: Item;

interface ErrorBody {
  error: { code: string; message: string };
}

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'product_manager', 'cto']);
  base = `/api/workspaces/${team.workspaceId}`;
  item = (await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title: 'Stable' })).body;
});
afterAll(() => ctx.close());

/** The whole workspace as JSON: compared before and after each bad request. */
async function snapshot(): Promise<string> {
  const res = await team.founder.get(`${base}/export`);
  return JSON.stringify(res.body);
}

async function expectRefused(
  send: () => Promise<{ status: number; body: unknown }>,
  status: number,
  message: RegExp,
): Promise<void> {
  const before = await snapshot();
  const res = await send();
  expect(res.status).toBe(status);
  const body = res.body as ErrorBody;
  expect(body.error.message).toMatch(message);
  expect(await snapshot()).toBe(before);
}

describe('bad input', () => {
  it('should refuse malformed JSON with a hint', async () => {
    await expectRefused(
      () => team.product_manager.request('POST', `${base}/items`, '{"type": "task", "title": '),
      400,
      /not valid JSON/,
    );
  });

  it('should refuse wrong types naming the field', async () => {
    await expectRefused(
      () => team.product_manager.post(`${base}/items`, { type: 'story', title: 42 }),
      400,
      /type: .*title: /,
    );
  });

  it('should refuse unknown fields naming them', async () => {
    await expectRefused(
      () => team.product_manager.post(`${base}/items`, { type: 'task', title: 'ok', colour: 'red' }),
      400,
      /unknown field "colour": remove it/,
    );
  });

  it('should refuse an oversized body', async () => {
    await expectRefused(
      () =>
        team.product_manager.post(`${base}/items`, {
          type: 'task',
          title: 'big',
          description: 'x'.repeat(400_000),
        }),
      413,
      /larger than/,
    );
  });

  it('should refuse a body that is not JSON', async () => {
    await expectRefused(
      () =>
        team.product_manager.request('POST', `${base}/items`, 'title=x', {
          'content-type': 'application/x-www-form-urlencoded',
        }),
      415,
      /Content-Type: application\/json/,
    );
  });

  it('should refuse an estimate whose points are out of order', async () => {
    await expectRefused(
      () =>
        team.cto.patch(`${base}/items/${item.id}`, {
          version: item.version,
          estimate: { optimistic: 5, likely: 2, pessimistic: 9 },
        }),
      400,
      /optimistic ≤ likely ≤ pessimistic/,
    );
  });

  it('should refuse an update without a version', async () => {
    await expectRefused(
      () => team.product_manager.patch(`${base}/items/${item.id}`, { title: 'x' }),
      400,
      /version/,
    );
  });

  it('should refuse a self-dependency and a cycle', async () => {
    await expectRefused(
      () => team.cto.post(`${base}/items/${item.id}/dependencies`, { dependsOnId: item.id }),
      400,
      /itself/,
    );
    const other = (
      await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title: 'Other' })
    ).body;
    expect(
      (await team.cto.post(`${base}/items/${other.id}/dependencies`, { dependsOnId: item.id })).status,
    ).toBe(201);
    await expectRefused(
      () => team.cto.post(`${base}/items/${item.id}/dependencies`, { dependsOnId: other.id }),
      400,
      /cycle/,
    );
  });

  it('should refuse a parent on the wrong level', async () => {
    await expectRefused(
      () =>
        team.product_manager.post(`${base}/items`, {
          type: 'epic',
          title: 'Under a feature',
          parentId: item.id,
        }),
      400,
      /an epic cannot sit under a feature|a epic cannot sit under a feature/,
    );
  });

  it('should import nothing from a file with one bad row and list the problem', async () => {
    const exported = (await team.founder.get<HeadwayExport>(`${base}/export`)).body;
    const bad: HeadwayExport = structuredClone(exported);
    const first = bad.items[0];
    if (!first) throw new Error('no items');
    bad.items.push({ ...first, number: 999, rank: 'zz', parent: 12345 });
    bad.workspace.nextItemNumber = 1000;
    const before = await team.founder.get<{ data: unknown[] }>('/api/workspaces');
    const res = await team.founder.post<ErrorBody>('/api/workspaces/import', bad);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/items\[\d+\]\.parent: there is no item #12345/);
    expect(res.body.error.message).toMatch(/nothing was imported/);
    const after = await team.founder.get<{ data: unknown[] }>('/api/workspaces');
    expect(after.body.data.length).toBe(before.body.data.length);
  });

  it('should refuse an import row with a wrong type naming its path', async () => {
    const exported = (await team.founder.get<HeadwayExport>(`${base}/export`)).body;
    const bad = structuredClone(exported) as unknown as { items: { state: string }[] };
    if (bad.items[0]) bad.items[0].state = 'almost-done';
    const res = await team.founder.post<ErrorBody>('/api/workspaces/import', bad);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/items\.0\.state/);
  });

  it('should refuse a decision-rights matrix without exactly one accountable role', async () => {
    const rights = (
      await team.founder.get<{ version: number; matrix: Record<string, Record<string, string>> }>(
        `${base}/decision-rights`,
      )
    ).body;
    const matrix = structuredClone(rights.matrix);
    if (matrix.backlog_order) matrix.backlog_order.cto = 'A';
    await expectRefused(
      () => team.founder.put(`${base}/decision-rights`, { version: rights.version, matrix }),
      400,
      /Ordering the backlog needs exactly one accountable \(A\) role, found 2/,
    );
  });

  it('should refuse text with a lone surrogate naming the field, and keep a well-formed pair', async () => {
    await expectRefused(
      () => team.product_manager.post(`${base}/items`, { type: 'task', title: '\ud800<script>x</script>' }),
      400,
      /^title: the text holds a lone UTF-16 surrogate/,
    );
    await expectRefused(
      () => team.product_manager.post(`${base}/items/${item.id}/comments`, { body: 'fine', 'k\udc00': 1 }),
      400,
      /lone UTF-16 surrogate/,
    );
    const pair = await team.product_manager.post<Item>(`${base}/items`, { type: 'task', title: 'Ship 😀' });
    expect(pair.status).toBe(201);
    expect(pair.body.title).toBe('Ship 😀');
  });

  it('should answer a search for an undecodable query with a 400 or results, never a 500', async () => {
    const res = await team.product_manager.get(`${base}/items?q=%ED%A0%80`);
    expect([200, 400]).toContain(res.status);
  });

  it('should refuse a forecast question its rules refuse, saying which parameter and why', async () => {
    const refused = async (path: string, message: RegExp) => {
      const res = await team.cto.get<ErrorBody>(`${base}/forecasts/${path}`);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toMatch(message);
    };
    await refused('throughput', /^give exactly one of items=N .* or by=YYYY-MM-DD/);
    await refused('throughput?items=abc', /^items: must be a whole number from 1 to 100,000$/);
    await refused(
      'throughput?by=2026-01-01&start=2026-02-01',
      /^by: 2026-01-01 is before the start 2026-02-01$/,
    );
    await refused(
      `throughput?items=5&start=2026-02-30`,
      /^start: must be a calendar date written YYYY-MM-DD$/,
    );
    await refused(
      `plan?milestone=${item.id}&items=${item.id}`,
      /^give exactly one of milestone=<itemId> or items=/,
    );
    await refused('plan?items=,,', /^items: give 1 to 500 item ids, separated by commas$/);
    await refused('plan?items=x&trials=10', /^trials: must be a whole number from 50 to 5,000$/);
  });

  it('should refuse a scenario estimate out of order and a decision filter that cannot match', async () => {
    await expectRefused(
      () =>
        team.cto.post(`${base}/roadmap/scenarios`, {
          changes: [{ kind: 'set_estimate', itemId: item.id, optimistic: 5, likely: 2, pessimistic: 9 }],
        }),
      400,
      /^changes\.0: an estimate needs optimistic ≤ likely ≤ pessimistic$/,
    );
    const unknown = await team.cto.get<ErrorBody>(`${base}/decisions?decision=backlog_order,vibes`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^decision: unknown vibes; known: backlog_order, /);
    const backwards = await team.cto.get<ErrorBody>(`${base}/decisions.csv?from=2026-03-01&to=2026-02-01`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toBe('from: 2026-03-01 is after to: 2026-02-01; swap them');
  });

  it('should answer unknown API paths with the error shape', async () => {
    const res = await team.founder.get<ErrorBody>('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('imported people', () => {
  it('should give whoever signs up with an address an import named a fresh account with no membership', async () => {
    const exported = (await team.founder.get<HeadwayExport>(`${base}/export`)).body;
    const doc = structuredClone(exported);
    doc.members.push({
      ...doc.members[0]!,
      email: 'imported.person@example.com',
      name: 'Imported',
      role: 'developer',
    });
    const imported = await team.founder.post<{ id: string }>('/api/workspaces/import', doc);
    expect(imported.status).toBe(201);
    // The import neither blocks the address nor hands its owner (or a stranger) the workspace.
    const stranger = new TestClient(ctx.app);
    const res = await stranger.post('/api/auth/signup', {
      email: 'imported.person@example.com',
      name: 'Stranger',
      password: 'correct horse battery',
    });
    expect(res.status).toBe(201);
    expect((await stranger.get<{ workspaces: unknown[] }>('/api/me')).body.workspaces).toEqual([]);
    expect((await stranger.get(`/api/workspaces/${imported.body.id}/items`)).status).toBe(404);
  });
});
