/**
 * Forecast scoring on the job queue: each hour, every workspace with stored forecasts still
 * waiting for their outcome gets one job that records the outcomes of those whose work has
 * finished (`recordForecastOutcomes`), so the track record is current before anyone opens it.
 */
import { isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { forecasts } from '../../db/schema';
import { recordForecastOutcomes } from '../commands/forecast-track-record';
import {
  type JobData,
  JobDataSchema,
  type JobKind,
  type JobQueue,
  jobIdOf,
  readJob,
  type ScheduledJob,
} from './queue';

export const FORECAST_SCORING_QUEUE = 'forecast-scoring';

/** A scoring job: one workspace's, or (without one) the pass that sends a job per workspace. */
export interface ForecastScoringJob extends JobData {
  queue: typeof FORECAST_SCORING_QUEUE;
  workspaceId?: string;
  /** The hour the job scores for (ISO, to the hour): part of its id. */
  hour?: string;
}

const ForecastScoringJobSchema: z.ZodType<ForecastScoringJob> = JobDataSchema.extend({
  queue: z.literal(FORECAST_SCORING_QUEUE),
  hour: z.string().optional(),
});

/** Minute 17 of every hour, away from the top of the hour where other schedules crowd. */
export const FORECAST_SCORING_CRON = '17 * * * *';

/**
 * The id of a workspace's scoring job for an hour: the same workspace and hour is one job, however
 * many servers or passes send it.
 */
export function forecastScoringJobId(workspaceId: string, hour: string): string {
  return jobIdOf(`${FORECAST_SCORING_QUEUE}:${workspaceId}:${hour}`);
}

/**
 * Sends one scoring job per workspace that has forecasts without an outcome.
 * @param now the time whose hour names the jobs
 * @returns the workspaces a job was sent for (a job already sent this hour is not sent again)
 */
export async function sendForecastScoring(
  db: Database,
  queue: JobQueue,
  now = new Date(),
): Promise<string[]> {
  const hour = `${now.toISOString().slice(0, 13)}:00Z`;
  const pending = await db
    .selectDistinct({ workspaceId: forecasts.workspaceId })
    .from(forecasts)
    .where(isNull(forecasts.scoredAt));
  const sent: string[] = [];
  for (const { workspaceId } of pending) {
    const id = await queue.send(
      { queue: FORECAST_SCORING_QUEUE, workspaceId, hour } satisfies ForecastScoringJob,
      { id: forecastScoringJobId(workspaceId, hour) },
    );
    if (id) sent.push(workspaceId);
  }
  return sent;
}

/**
 * The scoring job. A workspace's job records its outcomes (running it again records nothing new);
 * the scheduled pass, which names no workspace, sends the workspaces' jobs.
 * @param queue the queue the pass sends to, once started
 */
export function forecastScoringJob(db: Database, queue: () => JobQueue | undefined): JobKind {
  return {
    queue: FORECAST_SCORING_QUEUE,
    retryLimit: 3,
    retryDelaySeconds: 60,
    run: async (data) => {
      const job = readJob(ForecastScoringJobSchema, data);
      if (job.workspaceId) {
        await recordForecastOutcomes(db, job.workspaceId);
        return;
      }
      const started = queue();
      if (started) await sendForecastScoring(db, started);
    },
  };
}

/** The hourly pass, sent once across servers by pg-boss's scheduler. */
export const forecastScoringScheduled: ScheduledJob = {
  queue: FORECAST_SCORING_QUEUE,
  cron: FORECAST_SCORING_CRON,
  data: { queue: FORECAST_SCORING_QUEUE },
};
