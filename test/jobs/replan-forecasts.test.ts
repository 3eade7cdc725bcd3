/**
 * The scheduled re-plan stores every roadmap milestone's plan forecast from one simulation of the
 * whole plan, and each is the forecast its page gives with the default trials and seed: the same
 * items, dates and distribution, marked scheduled, with no author.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, PlanForecastView } from '../../src/contract';
import { forecasts } from '../../src/db/schema';
import { replanWorkspace } from '../../src/server/commands/scheduled-replan';
import { type ComputePool, createComputePool, setComputePool } from '../../src/server/compute/pool';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

type Ok<T> = Extract<T, { status: 'ok' }>;

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;
const milestones: Item[] = [];
/** The tasks the compute pool ran, by name. */
const ran: string[] = [];

/** A pool in this thread that remembers nothing and notes every task it runs. */
function countingPool(): ComputePool {
  const pool = createComputePool({ threads: 0 });
  return {
    threads: pool.threads,
    memo: pool.memo,
    close: () => pool.close(),
    run: (task, input, cost) => {
      ran.push(task);
      return pool.run(task, input, cost);
    },
  };
}

async function addMilestone(title: string, targetDate: string): Promise<Item> {
  const created = (await team.founder.post<Item>(`${base}/items`, { type: 'initiative', title })).body;
  const res = await team.founder.patch<Item>(`${base}/items/${created.id}`, {
    version: created.version,
    targetDate,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function addTask(parentId: string, title: string, likely: number | null): Promise<Item> {
  const res = await team.developer.post<Item>(`${base}/items`, {
    type: 'task',
    title,
    parentId,
    ...(likely === null ? {} : { estimate: { optimistic: likely / 2, likely, pessimistic: likely * 2 } }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'developer']);
  base = `/api/workspaces/${team.workspaceId}`;
  const launch = await addMilestone('Launch', '2031-03-01');
  const billing = await addMilestone('Billing', '2031-06-01');
  milestones.push(launch, billing);
  await addTask(launch.id, 'Payments', 2);
  await addTask(launch.id, 'Sign-up', 3);
  await addTask(billing.id, 'Invoices', 4);
  // Nobody estimated it: every trial draws its effort from the team's sizes.
  await addTask(billing.id, 'Refunds', null);
});
afterAll(async () => {
  await setComputePool(null);
  await ctx.close();
});

describe('a scheduled re-plan', () => {
  it("should store each milestone's forecast as its forecast page gives it, from one simulation", async () => {
    const db = ctx.handle.db;
    await setComputePool(countingPool());
    expect(await replanWorkspace(db, team.workspaceId)).toEqual({ status: 'replanned', stored: 2 });
    expect(ran.filter((task) => task === 'simulatePlan')).toHaveLength(1);
    const scheduled = await db
      .select()
      .from(forecasts)
      .where(and(eq(forecasts.workspaceId, team.workspaceId), eq(forecasts.kind, 'plan')));
    expect(scheduled.map((f) => f.subject.milestoneId).sort()).toEqual(milestones.map((m) => m.id).sort());
    for (const milestone of milestones) {
      const stored = scheduled.find((f) => f.subject.milestoneId === milestone.id)!;
      const page = await team.developer.get<Ok<PlanForecastView>>(
        `${base}/forecasts/plan?milestone=${milestone.id}`,
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      const [asked] = await db.select().from(forecasts).where(eq(forecasts.id, page.body.forecastId));
      expect(asked!.id).not.toBe(stored.id);
      expect(stored.subject).toEqual(asked!.subject);
      expect(stored.startDate).toBe(asked!.startDate);
      expect(stored.method).toBe(asked!.method);
      expect(stored.percentiles).toEqual(asked!.percentiles);
      expect(stored.distribution).toEqual(asked!.distribution);
      const { scheduled: mark, planDigest, ...inputs } = stored.inputs;
      expect(mark).toBe(true);
      expect(planDigest).toEqual(expect.any(String));
      expect(inputs).toEqual(asked!.inputs);
      expect(stored.madeBy).toBeNull();
    }
    const billing = scheduled.find((f) => f.subject.milestoneId === milestones[1]!.id)!;
    expect(billing.inputs.unestimatedDrawn).toBe(1);
    expect(billing.subject.itemIds).toHaveLength(2);
  });
});
