/**
 * Plan forecasts and re-plans on compute threads: the same answers as in the calling thread for
 * the same seed, and an event loop that keeps answering other requests while a long simulation
 * runs. The figures for the same measurement are printed by `npm run bench:compute`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MilestoneForecastsView, PlanForecastView, Roadmap } from '../../src/contract';
import { createComputePool, setComputePool } from '../../src/server/compute/pool';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-workspace';
import { loadDemo } from '../../src/server/demo/load-demo';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let base: string;
let dana: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  const ws = await loadDemo(ctx.handle.db);
  base = `/api/workspaces/${ws.id}`;
  dana = new TestClient(ctx.app);
  const res = await dana.post<{ csrfToken: string }>('/api/auth/signin', {
    email: 'dana@demo.headway.dev',
    password: DEMO_PASSWORD,
  });
  dana.csrf = res.body.csrfToken;
});
afterAll(async () => {
  await setComputePool(null);
  await ctx.close();
});

/** Every task on a compute thread, however small, or every task in this thread. */
const onThreads = () => setComputePool(createComputePool({ threads: 1, inlineBelow: 0 }));
const inThisThread = () => setComputePool(createComputePool({ threads: 0 }));

describe('compute threads', () => {
  it('should answer the same forecasts and roadmap on a compute thread as in this thread', async () => {
    const milestone = (await dana.get<Roadmap>(`${base}/roadmap`)).body.milestones.find(
      (m) => m.plannedItems > 0,
    )!;
    const ask = async () => {
      const milestones = await dana.get<MilestoneForecastsView>(
        `${base}/forecasts/milestones?trials=120&seed=4`,
      );
      const plan = await dana.get<PlanForecastView>(
        `${base}/forecasts/plan?milestone=${milestone.id}&trials=120&seed=4`,
      );
      const roadmap = await dana.get<Roadmap>(`${base}/roadmap`);
      expect([milestones.status, plan.status, roadmap.status]).toEqual([200, 200, 200]);
      if (plan.body.status !== 'ok') throw new Error(`no forecast: ${plan.body.reason}`);
      // Each plan forecast is stored under its own id: everything else must agree.
      const { forecastId: _id, record, ...forecast } = plan.body;
      return { milestones: milestones.body, forecast, roadmap: roadmap.body };
    };
    await onThreads();
    const threaded = await ask();
    await inThisThread();
    const inline = await ask();
    expect(threaded.milestones.milestones.length).toBeGreaterThan(0);
    expect(threaded).toEqual(inline);
  });

  it('should keep answering other requests while a long plan simulation runs on a compute thread', async () => {
    /**
     * Runs one long forecast while asking /api/health every 20 ms: the event loop's delay and the
     * longest wait between two health answers meanwhile.
     */
    const measure = async () => {
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      // The histogram records from its second tick on: let it tick before the loop is held.
      await new Promise((resolve) => setTimeout(resolve, 50));
      let done = false;
      let last = performance.now();
      let longestGap = 0;
      const forecast = dana.get<MilestoneForecastsView>(`${base}/forecasts/milestones?trials=1500&seed=2`);
      const probe = (async () => {
        while (!done) {
          const res = await ctx.app.request('/api/health');
          expect(res.status).toBe(200);
          longestGap = Math.max(longestGap, performance.now() - last);
          last = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const res = await forecast;
      longestGap = Math.max(longestGap, performance.now() - last);
      done = true;
      await probe;
      delay.disable();
      expect(res.status).toBe(200);
      return { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6, longestGap };
    };
    await onThreads();
    await dana.get(`${base}/forecasts/milestones?trials=50&seed=2`); // the thread starts here
    const threaded = await measure();
    await inThisThread();
    const inline = await measure();
    // In this thread the simulation holds the loop for its whole length; on a thread it does not
    // (the embedded database still runs its queries in this thread). The held loop is read from the
    // health answers' gaps: on PostgreSQL the delay histogram sometimes records no tick during the
    // hold (a 494 ms gap beside a 12 ms histogram maximum), so it only bounds the threaded run.
    // Bounds are generous: the machine running the tests may be busy.
    expect(threaded.p99).toBeLessThan(400);
    expect(threaded.longestGap).toBeLessThan(inline.longestGap / 2);
  });
});
