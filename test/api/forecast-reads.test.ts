/**
 * Reading a forecast again with nothing changed writes nothing: the forecast already stored for
 * its subject is the answer (no new row, no `forecastMade` event); a change that moves the
 * forecast stores a new one.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, PlanForecastView } from '../../src/contract';
import { forecasts, workspaceEvents } from '../../src/db/schema';
import { createTestApp } from '../support/app';
import { addEstimatedMilestone, createTeam, type Team } from '../support/team';

type Ok<T> = Extract<T, { status: 'ok' }>;

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;
let milestone: Item;
let task: Item;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'developer']);
  base = `/api/workspaces/${team.workspaceId}`;
  ({ milestone, task } = await addEstimatedMilestone(team));
});
afterAll(() => ctx.close());

const storedPlanForecasts = () =>
  ctx.handle.db
    .select({ id: forecasts.id })
    .from(forecasts)
    .where(and(eq(forecasts.workspaceId, team.workspaceId), eq(forecasts.kind, 'plan')));
const forecastEvents = () =>
  ctx.handle.db
    .select({ id: workspaceEvents.id })
    .from(workspaceEvents)
    .where(and(eq(workspaceEvents.workspaceId, team.workspaceId), eq(workspaceEvents.kind, 'forecastMade')));

describe('reading a plan forecast', () => {
  const ask = async (client = team.developer) => {
    const res = await client.get<Ok<PlanForecastView>>(
      `${base}/forecasts/plan?milestone=${milestone.id}&trials=200&seed=5`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('ok');
    return res.body;
  };

  it('should store a forecast once when it is read twice with nothing changed, by anyone', async () => {
    const first = await ask();
    expect(await storedPlanForecasts()).toHaveLength(1);
    expect(await forecastEvents()).toHaveLength(1);
    const again = await ask();
    const byFounder = await ask(team.founder);
    expect(again.forecastId).toBe(first.forecastId);
    expect(byFounder.forecastId).toBe(first.forecastId);
    expect(again.subject.percentiles).toEqual(first.subject.percentiles);
    expect((await storedPlanForecasts()).map((f) => f.id)).toEqual([first.forecastId]);
    expect(await forecastEvents()).toHaveLength(1);
  });

  it('should store a new forecast when an estimate grows, and again when an item joins the milestone', async () => {
    const before = await ask();
    const grown = await team.developer.patch<Item>(`${base}/items/${task.id}`, {
      version: task.version,
      estimate: { optimistic: 8, likely: 12, pessimistic: 20 },
    });
    expect(grown.status, JSON.stringify(grown.body)).toBe(200);
    const afterGrowth = await ask();
    expect(afterGrowth.forecastId).not.toBe(before.forecastId);
    expect(afterGrowth.subject.percentiles).not.toEqual(before.subject.percentiles);
    expect(await storedPlanForecasts()).toHaveLength(2);
    expect(await forecastEvents()).toHaveLength(2);
    expect((await ask()).forecastId).toBe(afterGrowth.forecastId);
    expect(await storedPlanForecasts()).toHaveLength(2);

    const added = await team.developer.post<Item>(`${base}/items`, {
      type: 'task',
      title: 'Invoices',
      parentId: milestone.id,
      estimate: { optimistic: 2, likely: 3, pessimistic: 5 },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const afterAdding = await ask();
    expect(afterAdding.subject.itemIds).toHaveLength(2);
    expect(afterAdding.forecastId).not.toBe(afterGrowth.forecastId);
    expect(await storedPlanForecasts()).toHaveLength(3);
    expect(await forecastEvents()).toHaveLength(3);
  });

  it('should store the forecast again when it returns to what it was before the latest one', async () => {
    const current = await ask();
    const withTarget = await team.developer.get<Ok<PlanForecastView>>(
      `${base}/forecasts/plan?milestone=${milestone.id}&trials=200&seed=5&target=2031-06-01`,
    );
    expect(withTarget.body.forecastId).not.toBe(current.forecastId);
    // The latest stored forecast of the milestone is now the one with the other target.
    const back = await ask();
    expect(back.forecastId).not.toBe(current.forecastId);
    expect(back.forecastId).not.toBe(withTarget.body.forecastId);
    expect(await storedPlanForecasts()).toHaveLength(5);
    expect(await forecastEvents()).toHaveLength(5);
  });
});
