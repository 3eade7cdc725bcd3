import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { forecasts } from '../../src/db/schema';
import { recordForecastOutcomes } from '../../src/server/commands/forecast-track-record';
import {
  FORECAST_SCORING_QUEUE,
  forecastScoringJob,
  forecastScoringJobId,
  sendForecastScoring,
} from '../../src/server/jobs/forecast-scoring';
import { type JobData, type JobKind, type JobQueue, startJobQueue } from '../../src/server/jobs/queue';
import { createTestDatabase } from '../support/database';
import { buildUser, buildWorkspace } from '../support/factories';

const logger = pino({ level: 'silent' });

async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('forecast scoring on the job queue', () => {
  let handle: DatabaseHandle;
  let queue: JobQueue | undefined;
  const runs: { id: string; data: JobData }[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await queue?.stop({ timeoutMs: 1000 });
    await handle.close();
  });

  it('should refuse a malformed payload, saying which field is wrong, before it runs', async () => {
    const kind = forecastScoringJob(handle.db, () => undefined);
    await expect(
      kind.run({ queue: FORECAST_SCORING_QUEUE, workspaceId: '', hour: 7 }, { id: 'x' }),
    ).rejects.toThrow(
      "A forecast-scoring job's payload is malformed (hour: Invalid input: expected string, received number)",
    );
    await expect(kind.run({ queue: 'replans' }, { id: 'y' })).rejects.toThrow(/queue: /);
  });

  it('should record the outcome of finished forecasts once per workspace job id, leaving the rest pending', async () => {
    const user = await buildUser(handle.db);
    const ws = await buildWorkspace(handle.db, user.id);
    const forecast = (by: string) => ({
      workspaceId: ws.id,
      kind: 'throughput_count' as const,
      subject: { by },
      method: 'monte-carlo',
      inputs: {},
      startDate: daysFromNow(-20),
      percentiles: [{ level: 85, count: 1 }],
    });
    const [finished, open] = await handle.db
      .insert(forecasts)
      .values([forecast(daysFromNow(-10)), forecast(daysFromNow(10))])
      .returning({ id: forecasts.id });

    const kind = forecastScoringJob(handle.db, () => queue);
    const counted: JobKind = {
      ...kind,
      run: async (data, job) => {
        runs.push({ id: job.id, data });
        await kind.run(data, job);
      },
    };
    queue = await startJobQueue({
      executeSql: handle.executeSql,
      logger,
      kinds: [counted],
      pollingIntervalSeconds: 0.5,
    });
    const scoredAt = async () =>
      new Map(
        (await handle.db.select({ id: forecasts.id, at: forecasts.scoredAt }).from(forecasts)).map((r) => [
          r.id,
          r.at,
        ]),
      );

    // The scheduled pass names no workspace: it sends this workspace's job, which scores.
    await queue.send({ queue: FORECAST_SCORING_QUEUE });
    await until(async () => (await scoredAt()).get(finished?.id ?? '') != null);
    const first = await scoredAt();
    expect(first.get(open?.id ?? '')).toBeNull();
    const [scored] = await handle.db
      .select({ outcome: forecasts.outcome })
      .from(forecasts)
      .where(eq(forecasts.id, finished?.id ?? ''));
    // Nothing was done in the workspace by that day: 0 items, at its end.
    expect(scored?.outcome).toEqual({ date: daysFromNow(-10), dayOffset: 10, count: 0 });

    // The same workspace and hour is the same job: sending it again sends nothing.
    const now = new Date();
    const hour = `${now.toISOString().slice(0, 13)}:00Z`;
    expect(await sendForecastScoring(handle.db, queue, now)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1200));
    const byWorkspace = runs.filter((r) => r.data.workspaceId === ws.id);
    expect(byWorkspace.map((r) => r.id)).toEqual([forecastScoringJobId(ws.id, hour)]);

    // Another hour's job runs, records nothing new and leaves the first outcome as it was.
    const later = new Date(now.getTime() + 3_600_000);
    expect(await sendForecastScoring(handle.db, queue, later)).toEqual([ws.id]);
    await until(() => runs.filter((r) => r.data.workspaceId === ws.id).length === 2);
    await until(async () => {
      const { rows } = await handle.executeSql(
        `select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'`,
        [FORECAST_SCORING_QUEUE],
      );
      return (rows as { n: number }[])[0]?.n === 3;
    });
    expect(await scoredAt()).toEqual(first);
    expect(await recordForecastOutcomes(handle.db, ws.id)).toBe(0);
  });
});
