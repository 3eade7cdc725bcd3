import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstimationSession, Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

/**
 * Accepting a session estimate writes the item, the decision log and the session. A failure
 * injected at the database on a later write must leave the earlier ones undone.
 */

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cto', 'developer', 'product_manager']);
  base = `/api/workspaces/${team.workspaceId}`;
  await ctx.handle.db.execute(sql`
    create function refuse_session_write() returns trigger language plpgsql as $$
    begin raise exception 'injected failure on the session write'; end $$`);
});
afterAll(() => ctx.close());

async function revealedSession(title: string) {
  const created = await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title });
  const item = created.body;
  const opened = await team.cto.post<EstimationSession>(`${base}/estimation-sessions`, {
    title: `${title} refinement`,
    itemIds: [item.id],
  });
  const path = `${base}/estimation-sessions/${opened.body.id}`;
  await team.developer.post(`${path}/votes`, { itemId: item.id, days: 3 });
  await team.cto.post(`${path}/reveal`);
  return { item, path };
}

/** Everything acceptance touches, as the API shows it. */
async function snapshot(item: Item, path: string) {
  const stored = await team.developer.get<Item>(`${base}/items/${item.id}`);
  const session = await team.developer.get<EstimationSession>(path);
  const log = await team.developer.get<{ data: { decision: string }[] }>(
    `${base}/decisions?itemId=${item.id}`,
  );
  return {
    version: stored.body.version,
    estimate: stored.body.estimate,
    state: session.body.state,
    accepted: session.body.items.map((row) => row.accepted),
    estimateDecisions: log.body.data.filter((entry) => entry.decision === 'estimates').length,
  };
}

async function withTrigger(definition: string, run: () => Promise<void>) {
  await ctx.handle.db.execute(sql.raw(`create trigger refuse_session_write ${definition}`));
  try {
    await run();
  } finally {
    await ctx.handle.db.execute(sql`drop trigger refuse_session_write on estimation_sessions`);
  }
}

const estimate = { optimistic: 2, likely: 4, pessimistic: 8 };

describe('accepting a session estimate', () => {
  it('should leave the item and the decision log unchanged when the session write fails', async () => {
    const { item, path } = await revealedSession('Webhooks');
    const before = await snapshot(item, path);
    await withTrigger(
      'before update of accepted on estimation_sessions for each row execute function refuse_session_write()',
      async () => {
        const res = await team.cto.post(`${path}/accept`, {
          itemId: item.id,
          version: item.version,
          estimate,
        });
        expect(res.status).toBe(500);
      },
    );
    expect(await snapshot(item, path)).toEqual(before);
    expect(before.estimate).toBeNull();

    // Nothing was half-written, so the same version is still current and the retry succeeds.
    const retry = await team.cto.post<EstimationSession>(`${path}/accept`, {
      itemId: item.id,
      version: item.version,
      estimate,
    });
    expect(retry.status).toBe(200);
    const after = await snapshot(item, path);
    expect(after).toMatchObject({ version: item.version + 1, state: 'closed', estimateDecisions: 1 });
    expect(after.estimate).toMatchObject(estimate);
  });

  it('should not keep the accepted estimate when closing the session fails', async () => {
    const { item, path } = await revealedSession('Audit log');
    const before = await snapshot(item, path);
    await withTrigger(
      `before update on estimation_sessions for each row when (new.state = 'closed')
       execute function refuse_session_write()`,
      async () => {
        const res = await team.cto.post(`${path}/accept`, {
          itemId: item.id,
          version: item.version,
          estimate,
        });
        expect(res.status).toBe(500);
      },
    );
    const after = await snapshot(item, path);
    expect(after).toEqual(before);
    expect(after.state).toBe('revealed');
    expect(after.accepted).toEqual([null]);
  });
});
