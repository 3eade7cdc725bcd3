/**
 * Decisions carry their why: given right after a move (as an amendment, by its author only), and
 * required when a committed target date moves, which is stored as a slip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionLogEntry, HeadwayExport, Item, MovedItem, TargetDateSlip } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cpo', 'product_manager', 'cto', 'developer', 'viewer']);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

type ErrorBody = { error: { code: string; message: string } };

async function newItem(title: string, extra: Record<string, unknown> = {}): Promise<Item> {
  const res = await team.cpo.post<Item>(`${base}/items`, { type: 'feature', title, ...extra });
  expect(res.status).toBe(201);
  return res.body;
}

describe('the why of a move', () => {
  it('should attach a why to the mover’s own decision, logged as an amendment', async () => {
    const item = await newItem('Why me');
    const moved = await team.cpo.post<MovedItem>(`${base}/items/${item.id}/move`, { afterId: null });
    expect(moved.status).toBe(200);
    const { id, version } = moved.body.decision;
    expect(version).toBe(1);

    const given = await team.cpo.post<DecisionLogEntry>(`${base}/decisions/${id}/rationale`, {
      version,
      rationale: 'Three customers asked for it this week',
    });
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ id, version: 2, rationale: 'Three customers asked for it this week' });

    const changed = await team.cpo.post<DecisionLogEntry>(`${base}/decisions/${id}/rationale`, {
      version: 2,
      rationale: 'Four customers asked for it this week',
    });
    expect(changed.status).toBe(200);
    const log = await team.cpo.get<{ data: DecisionLogEntry[] }>(`${base}/decisions?itemId=${item.id}`);
    const amendments = log.body.data.filter((d) => d.amendsId === id);
    expect(amendments.map((a) => a.summary)).toEqual([
      expect.stringMatching(/^Changed the why of: Moved #\d+ “Why me” to the top$/),
      expect.stringMatching(/^Gave the why of: Moved/),
    ]);
    expect(amendments[0]?.details).toEqual({ amends: id, before: 'Three customers asked for it this week' });
    expect(log.body.data.find((d) => d.id === id)?.rationale).toBe('Four customers asked for it this week');
  });

  it('should refuse a why from anyone but the author, a stale version, and an empty why', async () => {
    const item = await newItem('Not yours');
    const moved = await team.cpo.post<MovedItem>(`${base}/items/${item.id}/move`, { afterId: null });
    const path = `${base}/decisions/${moved.body.decision.id}/rationale`;
    const other = await team.product_manager.post<ErrorBody>(path, { version: 1, rationale: 'mine now' });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/Only the person who made a decision/);
    expect((await team.viewer.post<ErrorBody>(path, { version: 1, rationale: 'x' })).status).toBe(403);
    const empty = await team.cpo.post<ErrorBody>(path, { version: 1, rationale: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/write the why/);
    expect((await team.cpo.post(path, { version: 1, rationale: 'first' })).status).toBe(200);
    const stale = await team.cpo.post<ErrorBody>(path, { version: 1, rationale: 'second' });
    expect(stale.status).toBe(409);
    const entry = (
      await team.cpo.get<{ data: DecisionLogEntry[] }>(`${base}/decisions?itemId=${item.id}`)
    ).body.data.find((d) => d.id === moved.body.decision.id);
    expect(entry?.rationale).toBe('first');
  });

  it('should refuse to amend an amendment, and answer 404 for an entry that is not in the workspace', async () => {
    const item = await newItem('Amend once');
    const moved = await team.cpo.post<MovedItem>(`${base}/items/${item.id}/move`, { afterId: null });
    await team.cpo.post(`${base}/decisions/${moved.body.decision.id}/rationale`, {
      version: 1,
      rationale: 'a',
    });
    const log = await team.cpo.get<{ data: DecisionLogEntry[] }>(`${base}/decisions?itemId=${item.id}`);
    const amendment = log.body.data.find((d) => d.amendsId !== null) as DecisionLogEntry;
    const again = await team.cpo.post<ErrorBody>(`${base}/decisions/${amendment.id}/rationale`, {
      version: 1,
      rationale: 'b',
    });
    expect(again.status).toBe(400);
    expect(
      (await team.cpo.post(`${base}/decisions/99999999/rationale`, { version: 1, rationale: 'x' })).status,
    ).toBe(404);
    expect(
      (await team.cpo.post(`${base}/decisions/abc/rationale`, { version: 1, rationale: 'x' })).status,
    ).toBe(404);
    const elsewhere = await createTeam(ctx.app, ['founder']);
    const foreign = await elsewhere.founder.post(
      `/api/workspaces/${elsewhere.workspaceId}/decisions/${moved.body.decision.id}/rationale`,
      { version: 2, rationale: 'x' },
    );
    expect(foreign.status).toBe(404);
  });
});

describe('slips of committed target dates', () => {
  it('should let a date move freely until a roadmap version commits it', async () => {
    const item = await newItem('Free date', { type: 'initiative' });
    const res = await team.product_manager.patch<Item>(`${base}/items/${item.id}`, {
      version: item.version,
      targetDate: '2031-03-01',
    });
    expect(res.status).toBe(200);
    expect(res.body.targetDateCommittedAt).toBeNull();
    const again = await team.product_manager.patch<Item>(`${base}/items/${item.id}`, {
      version: res.body.version,
      targetDate: '2031-04-01',
    });
    expect(again.status).toBe(200);
  });

  it('should ask for a reason when a committed date moves, then store the slip', async () => {
    const milestone = await newItem('Billing launch', { type: 'initiative' });
    const dated = await team.product_manager.patch<Item>(`${base}/items/${milestone.id}`, {
      version: milestone.version,
      targetDate: '2031-03-01',
    });
    expect((await team.cpo.post(`${base}/roadmap/snapshots`, { note: 'Q1 plan' })).status).toBe(201);
    const committed = (await team.cpo.get<Item>(`${base}/items/${milestone.id}`)).body;
    expect(committed.targetDateCommittedAt).not.toBeNull();
    expect(committed.version).toBe(dated.body.version);

    const bare = await team.product_manager.patch<ErrorBody>(`${base}/items/${milestone.id}`, {
      version: committed.version,
      targetDate: '2031-03-15',
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toMatch(
      /^rationale: the target date of #\d+ “Billing launch” \(2031-03-01\) is committed/,
    );
    expect(bare.body.error.message).toMatch(/say why in "rationale"/);
    expect((await team.cpo.get<Item>(`${base}/items/${milestone.id}`)).body.targetDate).toBe('2031-03-01');

    const moved = await team.product_manager.patch<Item>(`${base}/items/${milestone.id}`, {
      version: committed.version,
      targetDate: '2031-03-15',
      rationale: 'The payment provider moved its API launch',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.targetDateCommittedAt).not.toBeNull();

    const slips = await team.developer.get<TargetDateSlip[]>(`${base}/slips?itemId=${milestone.id}`);
    expect(slips.status).toBe(200);
    expect(slips.body).toEqual([
      expect.objectContaining({
        itemId: milestone.id,
        itemTitle: 'Billing launch',
        fromDate: '2031-03-01',
        toDate: '2031-03-15',
        slipDays: 14,
        reason: 'The payment provider moved its API launch',
        movedBy: team.product_manager.userId,
        movedByName: 'Dana',
      }),
    ]);
    const entry = (
      await team.developer.get<{ data: DecisionLogEntry[] }>(
        `${base}/decisions?decision=delivery_dates&itemId=${milestone.id}`,
      )
    ).body.data[0];
    expect(entry?.id).toBe(slips.body[0]?.decisionId);
    expect(entry?.summary).toMatch(/from 2031-03-01 to 2031-03-15 \(14 days later\)$/);
    expect(entry?.rationale).toBe('The payment provider moved its API launch');

    // Clearing a committed date is a slip too, and the date is no longer committed.
    const cleared = await team.product_manager.patch<Item>(`${base}/items/${milestone.id}`, {
      version: moved.body.version,
      targetDate: null,
      rationale: 'Billing is folded into the platform release',
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.targetDateCommittedAt).toBeNull();
    const all = await team.developer.get<TargetDateSlip[]>(`${base}/slips?itemId=${milestone.id}`);
    expect(all.body.map((s) => [s.fromDate, s.toDate, s.slipDays])).toEqual([
      ['2031-03-15', null, null],
      ['2031-03-01', '2031-03-15', 14],
    ]);
  });

  it('should refuse a slip by someone who does not hold delivery dates before asking for a reason', async () => {
    const item = await newItem('Dated by product');
    const res = await team.developer.patch<ErrorBody>(`${base}/items/${item.id}`, {
      version: item.version,
      targetDate: '2031-05-01',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
  });

  it('should answer 404 for slips of an item of another workspace', async () => {
    const elsewhere = await createTeam(ctx.app, ['founder']);
    const foreign = await elsewhere.founder.post<Item>(`/api/workspaces/${elsewhere.workspaceId}/items`, {
      type: 'feature',
      title: 'Theirs',
    });
    expect((await team.cpo.get(`${base}/slips?itemId=${foreign.body.id}`)).status).toBe(404);
    expect((await team.cpo.get(`${base}/slips?itemId=nope`)).status).toBe(404);
  });
});

describe('Headway JSON', () => {
  it('should carry slips, whys and amendments through export → import → export', async () => {
    const first = await team.founder.get<HeadwayExport>(`${base}/export`);
    expect(first.status).toBe(200);
    expect(first.body.slips.length).toBeGreaterThanOrEqual(2);
    const slip = first.body.slips.find((s) => s.reason === 'The payment provider moved its API launch');
    expect(slip).toMatchObject({ from: '2031-03-01', to: '2031-03-15' });
    expect(first.body.decisions[slip?.decision as number]?.summary).toMatch(/committed target date/);
    const amendment = first.body.decisions.find((d) => d.amends !== null && d.amends !== undefined);
    expect(amendment).toBeDefined();
    expect(first.body.decisions[amendment?.amends as number]?.version).toBeGreaterThan(1);
    expect(first.body.items.some((it) => it.targetDateCommittedAt)).toBe(true);

    const imported = await team.founder.post<{ id: string }>('/api/workspaces/import', first.body);
    expect(imported.status).toBe(201);
    const second = await team.founder.get<HeadwayExport>(`/api/workspaces/${imported.body.id}/export`);
    expect(second.body.slips).toEqual(first.body.slips);
    expect(second.body.decisions).toEqual(first.body.decisions);
    expect(second.body.items).toEqual(first.body.items);
    const slips = await team.founder.get<TargetDateSlip[]>(`/api/workspaces/${imported.body.id}/slips`);
    expect(slips.body.map((s) => s.reason)).toContain('The payment provider moved its API launch');
    expect(slips.body.every((s) => s.decisionId !== null)).toBe(true);
  });

  it('should refuse a file whose amendment or slip points at no decision, naming the row', async () => {
    const doc = (await team.founder.get<HeadwayExport>(`${base}/export`)).body;
    const broken = {
      ...doc,
      decisions: doc.decisions.map((d, i) => (i === 0 ? { ...d, amends: 5 } : d)),
      slips: doc.slips.map((s, i) => (i === 0 ? { ...s, decision: 100000 } : s)),
    };
    const res = await team.founder.post<ErrorBody>('/api/workspaces/import', broken);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/decisions\[0\]\.amends/);
    expect(res.body.error.message).toMatch(/slips\[0\]\.decision: there is no decisions\[100000\]/);
  });
});
