/**
 * GET /metrics on a hand-built history: items and state changes written directly with known
 * times, the week of Monday 2 March 2026 asked for, every figure computed by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowMetricsView, ItemState, ItemType } from '../../src/contract';
import { itemStateChanges, items } from '../../src/db/schema';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { buildMembership, buildUser, buildWorkspace, signInDirectly } from '../support/factories';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let owner: TestClient;
let base: string;
let samEmail: string;

type Step = [ItemState, string];

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.handle.db;
  const founder = await buildUser(db, { name: 'Fran Founder' });
  const sam = await buildUser(db, { name: 'Sam Dev' });
  samEmail = sam.email;
  const ws = await buildWorkspace(db, founder.id);
  await buildMembership(db, { workspaceId: ws.id, userId: sam.id, role: 'developer' });
  owner = new TestClient(ctx.app);
  await signInDirectly(db, owner, founder);
  base = `/api/workspaces/${ws.id}`;

  const add = async (
    number: number,
    type: ItemType,
    steps: Step[],
    who: { assigneeId?: string; importedAssignee?: string } = {},
  ) => {
    const state = steps.at(-1)![0];
    const [row] = await db
      .insert(items)
      .values({
        workspaceId: ws.id,
        number,
        type,
        title: `Item ${number}`,
        rank: `a${number}`,
        state,
        ...who,
      })
      .returning({ id: items.id });
    let from: ItemState | null = null;
    for (const [to, at] of steps) {
      await db.insert(itemStateChanges).values({
        workspaceId: ws.id,
        itemId: row!.id,
        fromState: from,
        toState: to,
        changedAt: new Date(at),
      });
      from = to;
    }
  };
  // Cycle time 3 days.
  await add(
    1,
    'task',
    [
      ['new', '2026-02-20T09:00Z'],
      ['in_progress', '2026-03-02T12:00Z'],
      ['in_review', '2026-03-04T00:00Z'],
      ['done', '2026-03-05T12:00Z'],
    ],
    { assigneeId: sam.id },
  );
  // Started before the period; cycle time 3.25 days.
  await add(2, 'bug', [
    ['new', '2026-02-25T00:00Z'],
    ['in_progress', '2026-02-28T00:00Z'],
    ['done', '2026-03-03T06:00Z'],
  ]);
  // Still in progress: about 3 days old at the end of Sunday 8 March.
  await add(
    3,
    'feature',
    [
      ['new', '2026-03-01T00:00Z'],
      ['in_progress', '2026-03-06T00:00Z'],
    ],
    { assigneeId: sam.id },
  );
  // About 8 days old.
  await add(4, 'task', [
    ['new', '2026-02-20T00:00Z'],
    ['in_progress', '2026-03-01T00:00Z'],
  ]);
  // About 3.25 days old.
  await add(
    5,
    'task',
    [
      ['new', '2026-03-01T00:00Z'],
      ['in_progress', '2026-03-05T18:00Z'],
    ],
    { assigneeId: sam.id },
  );
  // Initiatives do not flow: left out.
  await add(6, 'initiative', [
    ['new', '2026-02-01T00:00Z'],
    ['in_progress', '2026-03-01T00:00Z'],
    ['done', '2026-03-03T00:00Z'],
  ]);
  // Cycle time 5 days, assigned by an imported file.
  await add(
    7,
    'task',
    [
      ['new', '2026-02-20T00:00Z'],
      ['in_progress', '2026-03-02T00:00Z'],
      ['done', '2026-03-07T00:00Z'],
    ],
    { importedAssignee: 'Zoë Ångström' },
  );
});
afterAll(() => ctx.close());

const week = '?from=2026-03-02&to=2026-03-08';

describe('GET /metrics', () => {
  it('should give cycle-time percentiles, throughput and cumulative flow computed by hand', async () => {
    const res = await owner.get<FlowMetricsView>(`${base}/metrics${week}`);
    expect(res.status).toBe(200);
    const m = res.body;
    expect(m.asOf).toBe('2026-03-08T23:59:59.999Z');
    expect(m.definition).toContain('first entry into a started state');
    // [3, 3.25, 5] with linear interpolation at positions 1, 1.4, 1.7, 1.9.
    expect(m.cycleTimeDays.count).toBe(3);
    expect(m.cycleTimeDays['50']).toBeCloseTo(3.25, 9);
    expect(m.cycleTimeDays['70']).toBeCloseTo(3.95, 9);
    expect(m.cycleTimeDays['85']).toBeCloseTo(4.475, 9);
    expect(m.cycleTimeDays['95']).toBeCloseTo(4.825, 9);
    expect(m.cycleTimes.map((c) => [c.number, c.days])).toEqual([
      [2, 3.25],
      [1, 3],
      [7, 5],
    ]);
    expect(m.throughput.daily.map((d) => d.count)).toEqual([0, 1, 0, 1, 0, 1, 0]);
    expect(m.throughput.weekly).toEqual([{ weekStart: '2026-03-02', days: 7, count: 3 }]);
    expect(m.cumulativeFlow.states).toEqual([
      'new',
      'ready',
      'in_progress',
      'in_review',
      'done',
      'cancelled',
    ]);
    expect(m.cumulativeFlow.days[0]).toEqual({ date: '2026-03-02', counts: [2, 0, 4, 0, 0, 0] });
    expect(m.cumulativeFlow.days[6]).toEqual({ date: '2026-03-08', counts: [0, 0, 3, 0, 3, 0] });
    expect(m.flowEfficiency).toMatchObject({ available: false });
    expect(m.blockedTime).toMatchObject({ available: false });
  });

  it('should show each started item’s age and the share of finished work it is older than', async () => {
    const m = (await owner.get<FlowMetricsView>(`${base}/metrics${week}`)).body;
    expect(
      m.aging.map((a) => [
        a.number,
        Math.round(a.ageDays * 100) / 100,
        Math.round(a.olderThanPercent! * 100) / 100,
      ]),
    ).toEqual([
      [4, 8, 100],
      [5, 3.25, 33.33],
      [3, 3, 0],
    ]);
    expect(m.aging[1]?.assignee).toEqual({ key: samEmail, name: 'Sam Dev' });
    expect(m.wip.total).toBe(3);
    expect(m.wip.byState).toEqual([
      { state: 'in_progress', count: 3 },
      { state: 'in_review', count: 0 },
    ]);
  });

  it('should count only a person’s items when filtered by e-mail or an imported name', async () => {
    const sam = (
      await owner.get<FlowMetricsView>(
        `${base}/metrics${week}&person=${encodeURIComponent(samEmail.toUpperCase())}`,
      )
    ).body;
    expect(sam.person?.key).toBe(samEmail);
    expect(sam.cycleTimeDays).toEqual({ count: 1, '50': 3, '70': 3, '85': 3, '95': 3 });
    expect(sam.aging.map((a) => [a.number, a.olderThanPercent])).toEqual([
      [5, 100],
      [3, 0],
    ]);
    const zoe = (
      await owner.get<FlowMetricsView>(`${base}/metrics${week}&person=${encodeURIComponent('zoë ångström')}`)
    ).body;
    expect(zoe.throughput.total).toBe(1);
    expect(zoe.people.map((p) => p.name)).toEqual(['Fran Founder', 'Sam Dev', 'Zoë Ångström']);
  });

  it('should refuse bad dates, a reversed or too long period and an unknown person with a 400', async () => {
    for (const [query, field] of [
      ['?from=2026-02-30', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=2026-03-09&to=2026-03-08', 'from'],
      ['?from=2020-01-01&to=2026-03-08', 'from'],
      ['?person=nobody@example.com', 'person'],
    ] as const) {
      const res = await owner.get<{ error: { code: string; message: string } }>(`${base}/metrics${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message, query).toContain(field);
    }
  });

  it('should default to the 90 days up to today', async () => {
    const m = (await owner.get<FlowMetricsView>(`${base}/metrics`)).body;
    expect(m.cumulativeFlow.days).toHaveLength(90);
    expect(m.to).toBe(new Date().toISOString().slice(0, 10));
  });
});
