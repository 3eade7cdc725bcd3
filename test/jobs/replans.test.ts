/**
 * Scheduled re-plans on the job queue: the daily pass sends one job per active workspace, named
 * by the workspace and the day; the job stores each roadmap milestone's plan forecast, and a
 * second pass the same day with unchanged plan inputs stores nothing, while a changed estimate
 * re-plans.
 */
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import { forecasts } from '../../src/db/schema';
import { replanWorkspace } from '../../src/server/commands/scheduled-replan';
import { type JobData, type JobKind, type JobQueue, startJobQueue } from '../../src/server/jobs/queue';
import { REPLAN_QUEUE, replanJob, replanJobId, sendReplans } from '../../src/server/jobs/replans';
import { createTestApp } from '../support/app';
import { addEstimatedMilestone, createTeam, type Team } from '../support/team';

const logger = pino({ level: 'silent' });

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('scheduled re-plans on the job queue', () => {
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let team: Team;
  let queue: JobQueue | undefined;
  let task: Item;
  let milestone: Item;
  const runs: { id: string; data: JobData }[] = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    // A developer takes planned work; a founder alone plans nothing.
    team = await createTeam(ctx.app, ['founder', 'developer']);
    ({ milestone, task } = await addEstimatedMilestone(team));
  });
  afterAll(async () => {
    await queue?.stop({ timeoutMs: 1000 });
    await ctx.close();
  });

  const planForecasts = () =>
    ctx.handle.db
      .select({ subject: forecasts.subject, inputs: forecasts.inputs, madeBy: forecasts.madeBy })
      .from(forecasts)
      .where(and(eq(forecasts.workspaceId, team.workspaceId), eq(forecasts.kind, 'plan')));

  it("should store each milestone's plan forecast once per workspace and day, and again only when the plan changed", async () => {
    const db = ctx.handle.db;
    const kind = replanJob(db, () => queue, logger);
    const counted: JobKind = {
      ...kind,
      run: async (data, job) => {
        await kind.run(data, job);
        runs.push({ id: job.id, data });
      },
    };
    queue = await startJobQueue({
      executeSql: ctx.handle.executeSql,
      logger,
      kinds: [counted],
      pollingIntervalSeconds: 0.5,
    });

    // The scheduled pass names no workspace: it sends this workspace's job, which re-plans.
    await queue.send({ queue: REPLAN_QUEUE });
    await until(() => runs.some((r) => r.data.workspaceId === team.workspaceId));
    const stored = await planForecasts();
    expect(stored.map((f) => f.subject.milestoneId)).toEqual([milestone.id]);
    expect(stored[0]?.subject.itemIds).toEqual([task.id]);
    expect(stored[0]?.inputs).toMatchObject({ scheduled: true, planDigest: expect.any(String) });
    expect(stored[0]?.madeBy).toBeNull();

    // The same workspace and day is the same job: sending it again sends nothing.
    const now = new Date();
    expect(await sendReplans(db, queue, now)).toEqual([]);
    const day = now.toISOString().slice(0, 10);
    expect(runs.filter((r) => r.data.workspaceId).map((r) => r.id)).toEqual([
      replanJobId(team.workspaceId, day),
    ]);

    // Run again the same day (a retry, a second cron): the plan is as it was, nothing is stored.
    expect(await replanWorkspace(db, team.workspaceId, now)).toEqual({ status: 'unchanged' });
    expect(await planForecasts()).toHaveLength(1);

    // A changed estimate is a changed plan: the milestone is forecast again.
    const changed = await team.developer.patch<Item>(`/api/workspaces/${team.workspaceId}/items/${task.id}`, {
      version: task.version,
      estimate: { optimistic: 3, likely: 5, pessimistic: 9 },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(await replanWorkspace(db, team.workspaceId, now)).toEqual({ status: 'replanned', stored: 1 });
    const after = await planForecasts();
    expect(after).toHaveLength(2);
    expect(new Set(after.map((f) => f.inputs.planDigest)).size).toBe(2);
  });
});
