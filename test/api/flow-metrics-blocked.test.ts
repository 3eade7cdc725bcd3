/**
 * A workspace adds a "Blocked" state and marks it blocked through the API: GET /metrics then
 * measures blocked time, and once a queue is marked waiting, flow efficiency counts blocked time
 * as waiting too. History written
 * directly with known times, the week of Monday 2 March 2026 asked for, figures computed by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowMetricsView, ItemState, Workflow, WorkflowState } from '../../src/contract';
import { itemStateChanges, items } from '../../src/db/schema';
import { NO_BLOCKED_STATE, NO_WAITING_STATE } from '../../src/domain/flow';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { buildUser, buildWorkspace, signInDirectly } from '../support/factories';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let owner: TestClient;
let W: string;
let blocked: WorkflowState;

const METRICS = () => `${W}/metrics?from=2026-03-02&to=2026-03-08`;
const stateNamed = async (name: string) =>
  (await owner.get<Workflow>(`${W}/workflow`)).body.states.find((s) => s.name === name)!;

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.handle.db;
  const founder = await buildUser(db, { name: 'Fran Founder' });
  const ws = await buildWorkspace(db, founder.id);
  owner = new TestClient(ctx.app);
  await signInDirectly(db, owner, founder);
  W = `/api/workspaces/${ws.id}`;
  const created = await owner.post<WorkflowState>(`${W}/workflow/states`, {
    name: 'Blocked',
    builtinState: 'in_progress',
  });
  expect(created.status).toBe(201);
  expect(created.body.blocked).toBe(false);
  blocked = created.body;

  // A step: the built-in state, the moment, and the workflow state when it is not the first of its built-in one.
  type Step = [ItemState, string, string?];
  const add = async (number: number, steps: Step[]) => {
    const [state, , workflowStateId] = steps.at(-1)!;
    const [row] = await db
      .insert(items)
      .values({
        workspaceId: ws.id,
        number,
        type: 'task',
        title: `Item ${number}`,
        rank: `a${number}`,
        state,
        workflowStateId: workflowStateId ?? null,
      })
      .returning({ id: items.id });
    for (const [to, at, toWorkflowStateId] of steps) {
      await db.insert(itemStateChanges).values({
        workspaceId: ws.id,
        itemId: row!.id,
        toState: to,
        toWorkflowStateId: toWorkflowStateId ?? null,
        changedAt: new Date(at),
      });
    }
  };
  const B = blocked.id;
  // Cycle time 4 days, 1.5 of them blocked (Tuesday to Wednesday noon).
  await add(1, [
    ['new', '2026-02-25T00:00Z'],
    ['in_progress', '2026-03-02T00:00Z'],
    ['in_progress', '2026-03-03T00:00Z', B],
    ['in_progress', '2026-03-04T12:00Z'],
    ['in_review', '2026-03-05T00:00Z'],
    ['done', '2026-03-06T00:00Z'],
  ]);
  // Cycle time 2 days, never blocked.
  await add(2, [
    ['new', '2026-02-26T00:00Z'],
    ['in_progress', '2026-03-03T00:00Z'],
    ['done', '2026-03-05T00:00Z'],
  ]);
  // Blocked since Friday and unfinished: its blocked time is not in any finished cycle time yet.
  await add(3, [
    ['new', '2026-02-27T00:00Z'],
    ['in_progress', '2026-03-04T00:00Z'],
    ['in_progress', '2026-03-06T00:00Z', B],
  ]);
});

afterAll(async () => {
  await ctx.close();
});

describe('blocked time from a state marked blocked', () => {
  it('should say blocked time and flow efficiency are unavailable while no state is marked', async () => {
    const before = (await owner.get<FlowMetricsView>(METRICS())).body;
    expect(before.blockedTime).toEqual({ available: false, reason: NO_BLOCKED_STATE });
    expect(before.flowEfficiency).toEqual({ available: false, reason: NO_WAITING_STATE });
    expect(before.aging.map((a) => [a.number, a.stateName])).toEqual([[3, 'Blocked']]);
  });

  it('should refuse a bad value, a state that is not started and a stale version, changing nothing', async () => {
    const bad = await owner.patch(`${W}/workflow/states/${blocked.id}`, {
      version: blocked.version,
      blocked: 'yes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect(JSON.stringify(bad.body)).toContain('blocked');

    const ready = await stateNamed('Ready');
    const unstarted = await owner.patch(`${W}/workflow/states/${ready.id}`, {
      version: ready.version,
      blocked: true,
    });
    expect(unstarted.status).toBe(400);
    expect(unstarted.body).toMatchObject({
      error: {
        code: 'validation_failed',
        message:
          'blocked: “Ready” stands for ready (unstarted); only a state of started work (in_progress, in_review) can be marked blocked',
        details: { field: 'blocked' },
      },
    });
    const added = await owner.post(`${W}/workflow/states`, {
      name: 'On hold',
      builtinState: 'done',
      blocked: true,
    });
    expect(added.status).toBe(400);
    expect(JSON.stringify(added.body)).toContain('only a state of started work');
    const waitingNew = await owner.post(`${W}/workflow/states`, {
      name: 'Parked',
      builtinState: 'new',
      waiting: true,
    });
    expect(waitingNew.status).toBe(400);
    expect(JSON.stringify(waitingNew.body)).toContain('can be marked waiting');

    // Someone sets a WIP limit meanwhile: marking from the version seen before answers 409.
    const limited = await owner.patch<WorkflowState>(`${W}/workflow/states/${blocked.id}`, {
      version: blocked.version,
      wipLimit: 3,
    });
    expect(limited.status).toBe(200);
    const stale = await owner.patch(`${W}/workflow/states/${blocked.id}`, {
      version: blocked.version,
      blocked: true,
    });
    expect(stale.status).toBe(409);
    blocked = limited.body;
    const states = (await owner.get<Workflow>(`${W}/workflow`)).body.states;
    expect(states.map((s) => s.name)).not.toContain('On hold');
    expect(states.map((s) => s.name)).not.toContain('Parked');
    expect(states.filter((s) => s.blocked || s.waiting)).toEqual([]);
  });

  it('should measure blocked time once the state is marked blocked', async () => {
    const marked = await owner.patch<WorkflowState>(`${W}/workflow/states/${blocked.id}`, {
      version: blocked.version,
      blocked: true,
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ blocked: true, waiting: false, version: blocked.version + 1 });
    expect((await stateNamed('Blocked')).blocked).toBe(true);

    const after = (await owner.get<FlowMetricsView>(METRICS())).body;
    // Items 1 and 2 finished: 4 + 2 = 6 days of cycle time, 1.5 of them in Blocked (item 1).
    expect(after.cycleTimes.map((c) => [c.number, c.days])).toEqual([
      [2, 2],
      [1, 4],
    ]);
    expect(after.blockedTime).toEqual({ available: true, items: 2, blockedDays: 1.5, share: 0.25 });
    // No queue is marked yet: time waiting there cannot be told from time worked.
    expect(after.flowEfficiency).toEqual({ available: false, reason: NO_WAITING_STATE });
  });

  it('should count blocked time as waiting in flow efficiency once a waiting state is marked', async () => {
    const review = await stateNamed('In review');
    const waiting = await owner.patch(`${W}/workflow/states/${review.id}`, {
      version: review.version,
      waiting: true,
    });
    expect(waiting.status).toBe(200);
    const after = (await owner.get<FlowMetricsView>(METRICS())).body;
    // Item 1 waited 1.5 days blocked and 1 day in review: 2.5 of the 6 days; 3.5 worked.
    expect(after.flowEfficiency).toMatchObject({
      available: true,
      items: 2,
      activeDays: 3.5,
      waitingDays: 2.5,
    });
    const efficiency = after.flowEfficiency as { percent: number };
    expect(Math.round(efficiency.percent * 100) / 100).toBe(58.33);
    expect(after.blockedTime).toMatchObject({ blockedDays: 1.5, share: 0.25 });
  });
});
