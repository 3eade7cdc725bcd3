/**
 * Every state transition × who may make it. Moving work along the workflow is open to every
 * contributor; taking an item out of scope (into `cancelled`) or bringing it back (out of
 * `cancelled`) is the scope decision, held by default by the CPO (A) and the founder, CTPO,
 * product manager and designer (R). Reopening done work stays workflow: whoever finished it may
 * find it is not finished.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_STATES, type Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cpo', 'product_manager', 'cto', 'developer']);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

interface ErrorBody {
  error: { code: string; message: string; details: { decision: string } };
}

/** An item the CPO (who holds scope) has put in the given state. */
async function itemIn(state: string): Promise<Item> {
  const created = await team.cpo.post<Item>(`${base}/items`, { type: 'task', title: `In ${state}` });
  if (state === 'new') return created.body;
  const moved = await team.cpo.patch<Item>(`${base}/items/${created.body.id}`, {
    version: created.body.version,
    state,
  });
  if (moved.status !== 200) throw new Error(`setup failed: ${JSON.stringify(moved.body)}`);
  return moved.body;
}

describe('item state transitions', () => {
  it('should refuse a developer un-cancelling what the CPO cancelled, naming who decides', async () => {
    const cut = await itemIn('cancelled');
    const res = await team.developer.patch<ErrorBody>(`${base}/items/${cut.id}`, {
      version: cut.version,
      state: 'in_progress',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
    expect(res.body.error.details.decision).toBe('scope');
    expect(res.body.error.message).toBe('Scope belongs to the product function: ask Chris (CPO)');
    const now = await team.developer.get<Item>(`${base}/items/${cut.id}`);
    expect(now.body.state).toBe('cancelled');
    expect(now.body.version).toBe(cut.version);
    const history = await team.developer.get<{ data: { toState: string }[] }>(
      `${base}/items/${cut.id}/history`,
    );
    expect(history.body.data.map((h) => h.toState)).toEqual(['new', 'cancelled']);
  });

  it('should log bringing an item back into scope as a scope decision', async () => {
    const cut = await itemIn('cancelled');
    const back = await team.product_manager.patch<Item>(`${base}/items/${cut.id}`, {
      version: cut.version,
      state: 'ready',
      rationale: 'the customer came back',
    });
    expect(back.status).toBe(200);
    const log = await team.developer.get<{
      data: { decision: string; summary: string; rationale: string }[];
    }>(`${base}/decisions?itemId=${cut.id}`);
    expect(log.body.data[0]).toMatchObject({
      decision: 'scope',
      summary: `Brought #${cut.number} “${cut.title}” back into scope (ready)`,
      rationale: 'the customer came back',
    });
  });

  it('should allow exactly the declared transitions for a developer and for the CPO', async () => {
    const unexpected: string[] = [];
    let checked = 0;
    for (const from of ITEM_STATES) {
      for (const to of ITEM_STATES) {
        const scope = from === 'cancelled' || to === 'cancelled';
        for (const [who, allowed] of [
          ['developer', !scope],
          ['cto', !scope],
          ['cpo', true],
        ] as const) {
          const item = await itemIn(from);
          const res = await team[who].patch<Item | ErrorBody>(`${base}/items/${item.id}`, {
            version: item.version,
            state: to,
          });
          checked += 1;
          if (allowed && res.status !== 200) unexpected.push(`denied: ${who} ${from} → ${to}: ${res.status}`);
          if (!allowed && res.status !== 403)
            unexpected.push(`allowed: ${who} ${from} → ${to}: ${res.status}`);
          const now = await team.cpo.get<Item>(`${base}/items/${item.id}`);
          const expected = allowed ? to : from;
          if (now.body.state !== expected) unexpected.push(`${who} ${from} → ${to} left ${now.body.state}`);
        }
      }
    }
    expect(checked).toBe(ITEM_STATES.length * ITEM_STATES.length * 3);
    expect(unexpected).toEqual([]);
  }, 180_000);
});
