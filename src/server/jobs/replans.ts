/**
 * Scheduled re-plans on the job queue: each week (HEADWAY_REPLAN_CRON, default Monday 02:40 UTC) the
 * pass sends one job per active workspace, whose id is the workspace and the day, so a second
 * pass that day, from any server, is the same job. A workspace's job stores each milestone's plan
 * forecast (`replanWorkspace`), unless its plan inputs have not changed since that day's last.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { findActiveWorkspaces, replanWorkspace } from '../commands/scheduled-replan';
import {
  type JobData,
  JobDataSchema,
  type JobKind,
  type JobQueue,
  jobIdOf,
  readCron,
  readJob,
  type ScheduledJob,
} from './queue';

export const REPLAN_QUEUE = 'replans';

/**
 * Mondays 02:40 UTC: before the Monday brief (07:00), off the hour. Weekly, not daily: each stored
 * forecast enters the track record and the plan's recalibration, and seven near-identical forecasts
 * of one milestone a week would count as seven independent past forecasts there.
 */
export const DEFAULT_REPLAN_CRON = '40 2 * * 1';

/** A re-plan job: one workspace's, or (without one) the pass that sends a job per workspace. */
export interface ReplanJob extends JobData {
  queue: typeof REPLAN_QUEUE;
  workspaceId?: string;
  /** The day (UTC) the job re-plans for: part of its id. */
  day?: string;
}

const ReplanJobSchema: z.ZodType<ReplanJob> = JobDataSchema.extend({
  queue: z.literal(REPLAN_QUEUE),
  day: z.string().optional(),
});

/**
 * The schedule's cron expression from the environment.
 * @throws Error saying what HEADWAY_REPLAN_CRON should look like
 */
export function readReplanCron(env: NodeJS.ProcessEnv): string {
  return readCron(env, 'HEADWAY_REPLAN_CRON', DEFAULT_REPLAN_CRON);
}

/** The id of a workspace's re-plan for a day: the same workspace and day is one job. */
export function replanJobId(workspaceId: string, day: string): string {
  return jobIdOf(`${REPLAN_QUEUE}:${workspaceId}:${day}`);
}

/**
 * Sends one re-plan job per active workspace.
 * @param now the moment whose day names the jobs
 * @returns the workspaces a job was sent for (a job already sent that day is not sent again)
 */
export async function sendReplans(db: Database, queue: JobQueue, now = new Date()): Promise<string[]> {
  const day = now.toISOString().slice(0, 10);
  const sent: string[] = [];
  for (const workspaceId of await findActiveWorkspaces(db)) {
    const id = await queue.send({ queue: REPLAN_QUEUE, workspaceId, day } satisfies ReplanJob, {
      id: replanJobId(workspaceId, day),
    });
    if (id) sent.push(workspaceId);
  }
  return sent;
}

/**
 * The re-plan job: a workspace's stores its milestones' forecasts; the scheduled pass, which
 * names no workspace, sends the workspaces' jobs.
 * @param queue the queue the pass sends to, once started
 */
export function replanJob(db: Database, queue: () => JobQueue | undefined, logger: Logger): JobKind {
  return {
    queue: REPLAN_QUEUE,
    retryLimit: 2,
    retryDelaySeconds: 300,
    run: async (data) => {
      const job = readJob(ReplanJobSchema, data);
      if (job.workspaceId) {
        const outcome = await replanWorkspace(db, job.workspaceId);
        logger.info({ workspaceId: job.workspaceId, ...outcome }, 'scheduled re-plan');
        return;
      }
      const started = queue();
      if (started) await sendReplans(db, started);
    },
  };
}

/** The daily pass, sent once across servers by pg-boss's scheduler. */
export function replanScheduled(cron: string): ScheduledJob {
  return { queue: REPLAN_QUEUE, cron, data: { queue: REPLAN_QUEUE } };
}
