/**
 * Background jobs on a PostgreSQL-backed queue (pg-boss): a job is a row in the `pgboss` schema of
 * the same database, so it survives a restart, and any server sharing the database may run it.
 * pg-boss talks to the database through the handle's raw SQL, so the queue runs on the embedded
 * database as well as on a server. A job that fails is retried with exponential backoff; one
 * that fails its last try is copied to the dead-letter queue, where the dead-letter view lists it.
 */
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ExecuteSql } from '../../db/client';

/** Where jobs go once their last retry failed; nothing works this queue, people look at it. */
export const DEAD_LETTER_QUEUE = 'dead-letter';
/** pg-boss's own schema, created and migrated by pg-boss under its own advisory lock. */
export const JOB_SCHEMA = 'pgboss';

/** Every job carries the queue it was sent to, so a dead letter can be sent back there. */
export interface JobData {
  queue: string;
  /** The workspace the job works for, when it works for one (the dead-letter view is per workspace). */
  workspaceId?: string;
  [key: string]: unknown;
}

/** What every job's payload holds; a kind's own schema extends it with its fields. */
export const JobDataSchema = z.looseObject({ queue: z.string(), workspaceId: z.string().optional() });

/**
 * Reads a job's payload as its kind expects it. A payload is read back from the database, so it
 * is checked like any input: a malformed one fails the try with what is wrong, instead of running.
 * @throws Error naming the queue and the fields that are wrong
 */
export function readJob<T extends JobData>(schema: z.ZodType<T>, data: JobData): T {
  const read = schema.safeParse(data);
  if (!read.success) {
    const fields = read.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`);
    throw new Error(`A ${data.queue} job's payload is malformed (${fields.join('; ')})`);
  }
  return read.data;
}

/**
 * A job id from a key: the same key is the same job, however many servers or passes send it.
 * @param key what makes the job one, e.g. its queue, workspace and hour
 */
export function jobIdOf(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  // Shaped as a version-4-like UUID, which pg-boss requires of a job id.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A schedule's cron expression from the environment, or its default.
 * @throws Error saying what the variable should look like
 */
export function readCron(env: NodeJS.ProcessEnv, variable: string, fallback: string): string {
  const cron = env[variable]?.trim() || fallback;
  if (cron.split(/\s+/).length !== 5) {
    throw new Error(
      `${variable} must be a cron expression of five fields, such as "${fallback}", not "${cron}"`,
    );
  }
  return cron;
}

/** One kind of job: its queue, how it is retried, and what runs it. */
export interface JobKind {
  queue: string;
  /** Retries after the first try. */
  retryLimit: number;
  /** The first retry waits about this long; each next one about twice as long. */
  retryDelaySeconds: number;
  /**
   * Runs one job; a throw fails this try (and retries it while retries are left). A kind whose
   * payload has fields of its own reads them with `readJob` first.
   */
  run: (data: JobData, job: { id: string }) => Promise<void>;
}

/** A repeated job: pg-boss sends `data` to `queue` on the cron schedule, once across servers. */
export interface ScheduledJob {
  queue: string;
  cron: string;
  data: JobData;
}

export interface StartJobQueueOptions {
  executeSql: ExecuteSql;
  logger: Logger;
  kinds: readonly JobKind[];
  schedules?: readonly ScheduledJob[];
  /** How often an idle worker looks for new jobs (seconds, at least 0.5; default 2). */
  pollingIntervalSeconds?: number;
  /** Run the workers (default true); false only sends jobs (a process that must not run them). */
  work?: boolean;
}

export interface JobQueue {
  /**
   * Sends a job; with an `id` (a UUID) the same id sent again while the job is kept is one job.
   * @returns the job's id, or null when a job with that id already exists
   */
  send: (data: JobData, options?: { id?: string; startAfterSeconds?: number }) => Promise<string | null>;
  /** Stops taking jobs, waits for the running ones (up to `timeoutMs`), and stops pg-boss. */
  stop: (options?: { timeoutMs?: number }) => Promise<void>;
  executeSql: ExecuteSql;
}

/**
 * Starts pg-boss on the database: creates or migrates its schema (safe when several servers start
 * at once: pg-boss takes an advisory lock), creates each queue with its retry policy and the
 * dead-letter queue, and starts a worker per queue.
 */
export async function startJobQueue(options: StartJobQueueOptions): Promise<JobQueue> {
  const { logger } = options;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => options.executeSql(text, values) },
    schema: JOB_SCHEMA,
    schedule: (options.schedules?.length ?? 0) > 0,
    // Maintenance and state monitoring run now and then on whichever server gets there first.
    supervise: true,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  await ensureQueue(boss, { name: DEAD_LETTER_QUEUE });
  for (const kind of options.kinds) {
    await ensureQueue(boss, {
      name: kind.queue,
      retryLimit: kind.retryLimit,
      retryDelay: kind.retryDelaySeconds,
      retryBackoff: true,
      deadLetter: DEAD_LETTER_QUEUE,
    });
    if (options.work === false) continue;
    await boss.work<JobData>(
      kind.queue,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
      async ([job]) => {
        if (!job) return;
        try {
          await kind.run(readJob(JobDataSchema, job.data), { id: job.id });
        } catch (error) {
          logger.warn({ err: error, queue: kind.queue, jobId: job.id }, 'job failed');
          throw error;
        }
      },
    );
  }
  for (const scheduled of options.schedules ?? []) {
    await boss.schedule(scheduled.queue, scheduled.cron, scheduled.data);
  }
  return {
    send: (data, sendOptions = {}) =>
      boss.send(data.queue, data, {
        ...(sendOptions.id ? { id: sendOptions.id } : {}),
        ...(sendOptions.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
      }),
    stop: ({ timeoutMs = 10_000 } = {}) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs }),
    executeSql: options.executeSql,
  };
}

/** PostgreSQL's "deadlock detected": one of two transactions was rolled back and may try again. */
function isDeadlock(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '40P01';
}

/**
 * Creates a queue, or updates its retry policy when another server (or an older one) made it.
 * Two servers starting at once may both see no queue: the second create loses the race (the
 * queue then exists), or PostgreSQL breaks a deadlock between the two by rolling one back, which
 * tries again.
 */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const existing = await boss.getQueue(queue.name);
    try {
      if (existing) await boss.updateQueue(queue.name, queue);
      else await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if (!existing && (await boss.getQueue(queue.name))) return;
      if (!isDeadlock(error) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 50));
    }
  }
}
