/**
 * GET /metrics on a workspace that renamed its states and added a waiting one: the metrics follow
 * the states' categories and flags, never their names. History written directly with known times,
 * the week of Monday 2 March 2026 asked for, every figure computed by hand.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowMetricsView, ItemState, ItemType } from '../../src/contract';
import { itemStateChanges, items, workflowStates } from '../../src/db/schema';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { buildUser, buildWorkspace, signInDirectly } from '../support/factories';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let metrics: FlowMetricsView;

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.handle.db;
  const founder = await buildUser(db, { name: 'Fran Founder' });
  const ws = await buildWorkspace(db, founder.id);
  const owner = new TestClient(ctx.app);
  await signInDirectly(db, owner, founder);

  // The default workflow made New, Ready, Building, In review, Waiting for QA (waiting), Shipped, Cancelled.
  const seeded = await db.select().from(workflowStates).where(eq(workflowStates.workspaceId, ws.id));
  const id = (name: string) => seeded.find((s) => s.name === name)!.id;
  await db
    .update(workflowStates)
    .set({ name: 'Building' })
    .where(eq(workflowStates.id, id('In progress')));
  await db
    .update(workflowStates)
    .set({ name: 'Shipped', position: 5 })
    .where(eq(workflowStates.id, id('Done')));
  await db
    .update(workflowStates)
    .set({ position: 6 })
    .where(eq(workflowStates.id, id('Cancelled')));
  const [waiting] = await db
    .insert(workflowStates)
    .values({
      workspaceId: ws.id,
      name: 'Waiting for QA',
      builtinState: 'in_review',
      category: 'started',
      position: 4,
      waiting: true,
    })
    .returning({ id: workflowStates.id });
  const W = waiting!.id;

  // A step: the built-in state, the moment, and the workflow state when it is not the first of its built-in one.
  type Step = [ItemState, string, string?];
  const add = async (number: number, type: ItemType, steps: Step[]) => {
    const [state, , workflowStateId] = steps.at(-1)!;
    const [row] = await db
      .insert(items)
      .values({
        workspaceId: ws.id,
        number,
        type,
        title: `Item ${number}`,
        rank: `a${number}`,
        state,
        workflowStateId: workflowStateId ?? null,
      })
      .returning({ id: items.id });
    let from: ItemState | null = null;
    for (const [to, at, toWorkflowStateId] of steps) {
      await db.insert(itemStateChanges).values({
        workspaceId: ws.id,
        itemId: row!.id,
        fromState: from,
        toState: to,
        toWorkflowStateId: toWorkflowStateId ?? null,
        changedAt: new Date(at),
      });
      from = to;
    }
  };
  // Cycle time 3.5 days, 1.5 of them waiting for QA.
  await add(1, 'task', [
    ['new', '2026-02-25T00:00Z'],
    ['in_progress', '2026-03-03T00:00Z'],
    ['in_review', '2026-03-04T00:00Z'],
    ['in_review', '2026-03-05T00:00Z', W],
    ['done', '2026-03-06T12:00Z'],
  ]);
  // Cycle time 4 days, half a day waiting for QA, sent back to Building.
  await add(2, 'bug', [
    ['new', '2026-02-27T00:00Z'],
    ['ready', '2026-03-02T00:00Z'],
    ['in_progress', '2026-03-04T00:00Z'],
    ['in_review', '2026-03-05T00:00Z', W],
    ['in_progress', '2026-03-05T12:00Z'],
    ['done', '2026-03-08T00:00Z'],
  ]);
  // Building since Friday: about 3 days old at the end of Sunday.
  await add(3, 'feature', [
    ['new', '2026-03-02T00:00Z'],
    ['in_progress', '2026-03-06T00:00Z'],
  ]);
  await add(4, 'task', [
    ['new', '2026-03-03T00:00Z'],
    ['cancelled', '2026-03-04T00:00Z'],
  ]);
  // Started on Monday, waiting for QA since Saturday: about 7 days old.
  await add(5, 'task', [
    ['new', '2026-02-20T00:00Z'],
    ['in_progress', '2026-03-02T00:00Z'],
    ['in_review', '2026-03-07T00:00Z', W],
  ]);
  metrics = (
    await owner.get<FlowMetricsView>(`/api/workspaces/${ws.id}/metrics?from=2026-03-02&to=2026-03-08`)
  ).body;
});

afterAll(async () => {
  await ctx.close();
});

describe('flow metrics on renamed and added states', () => {
  it('should time cycles from the first started state to done, whatever the states are called', () => {
    expect(metrics.cycleTimes.map((c) => [c.number, c.days])).toEqual([
      [1, 3.5],
      [2, 4],
    ]);
    const c = metrics.cycleTimeDays;
    expect([c.count, c['50'], c['70'], c['85'], c['95']].map((v) => Math.round(v! * 1000) / 1000)).toEqual([
      2, 3.75, 3.85, 3.925, 3.975,
    ]);
    expect(metrics.throughput.daily.map((d) => d.count)).toEqual([0, 0, 0, 0, 1, 0, 1]);
  });

  it('should count the time in the waiting state against flow efficiency', () => {
    expect(metrics.flowEfficiency).toMatchObject({
      available: true,
      items: 2,
      waitingDays: 2,
      activeDays: 5.5,
    });
    const efficiency = metrics.flowEfficiency as { percent: number };
    expect(Math.round(efficiency.percent * 100) / 100).toBe(73.33);
  });

  it('should stack the cumulative flow by the workspace’s states in board order', () => {
    const { names, states, days } = metrics.cumulativeFlow;
    expect(names).toEqual([
      'New',
      'Ready',
      'Building',
      'In review',
      'Waiting for QA',
      'Shipped',
      'Cancelled',
    ]);
    expect(states).toEqual(['new', 'ready', 'in_progress', 'in_review', 'in_review', 'done', 'cancelled']);
    expect(days[0]).toEqual({ date: '2026-03-02', counts: [2, 1, 1, 0, 0, 0, 0] });
    expect(days[3]).toEqual({ date: '2026-03-05', counts: [1, 0, 2, 0, 1, 0, 1] });
    expect(days[6]).toEqual({ date: '2026-03-08', counts: [0, 0, 1, 0, 1, 2, 1] });
  });

  it('should age started work in a waiting state like any started work, by the state’s name', () => {
    expect(
      metrics.aging.map((a) => [a.number, a.stateName, a.state, Math.round(a.ageDays), a.olderThanPercent]),
    ).toEqual([
      [5, 'Waiting for QA', 'in_review', 7, 100],
      [3, 'Building', 'in_progress', 3, 0],
    ]);
    expect(metrics.wip.byState).toEqual([
      { state: 'in_progress', count: 1 },
      { state: 'in_review', count: 1 },
    ]);
  });
});
