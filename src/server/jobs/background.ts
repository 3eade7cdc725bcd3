/**
 * What `headway serve` runs in the background, on the job queue: webhook deliveries (and the
 * pass that turns committed changes into them, on every change and each minute to catch up),
 * forecast scoring each hour, re-plans each week and, when configured, scheduled backups, the weekly
 * briefs by e-mail and the ideas portal's notices to the people who asked for an idea.
 */
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../../db/client';
import { LIVE_CHANNEL } from '../live/record';
import type { MailConfig } from '../mail/brief-digest';
import { createPendingDeliveries, enqueueDeliveries, webhookDeliveryJob } from '../webhooks/dispatch';
import type { SendOptions } from '../webhooks/send';
import { type BackupSchedule, backupJob, backupScheduled } from './backups';
import { briefDigestJob, briefDigestScheduled } from './brief-digests';
import { forecastScoringJob, forecastScoringScheduled } from './forecast-scoring';
import { portalNoticeJob, portalNoticeScheduled } from './portal-notices';
import { type JobKind, type JobQueue, type ScheduledJob, startJobQueue } from './queue';
import { DEFAULT_REPLAN_CRON, replanJob, replanScheduled } from './replans';

const FANOUT_QUEUE = 'webhook-fanout';

export interface BackgroundOptions {
  database: DatabaseHandle;
  logger: Logger;
  webhooks: SendOptions & { retryLimit?: number; retryDelaySeconds?: number };
  backups?: BackupSchedule | null | undefined;
  /** The weekly briefs by e-mail: the mail settings and the cron schedule; none when e-mail is off. */
  briefDigests?: { mail: MailConfig; cron: string } | null | undefined;
  /** The ideas portal's notices by e-mail: the mail settings and the cron schedule; none when e-mail is off. */
  portalNotices?: { mail: MailConfig; cron: string } | null | undefined;
  /** When the weekly re-plans run (cron, UTC; HEADWAY_REPLAN_CRON). */
  replanCron?: string | undefined;
  pollingIntervalSeconds?: number;
}

export interface Background {
  queue: JobQueue;
  /** Turns committed changes into deliveries now (also runs on every change notification). */
  dispatchWebhooks: () => Promise<void>;
  /** Stops listening, lets running jobs finish, and stops the queue. */
  stop: () => Promise<void>;
}

/** Starts the job queue with Headway's jobs and schedules. */
export async function startBackground(options: BackgroundOptions): Promise<Background> {
  const { database, logger } = options;
  let queue: JobQueue | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  // One pass at a time in this process; a change during a pass runs one more pass after it.
  const dispatchWebhooks = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        if (!queue) return;
        const jobs = await createPendingDeliveries(database.db);
        await enqueueDeliveries(database.db, queue, jobs);
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const kinds: JobKind[] = [
    webhookDeliveryJob(database.db, options.webhooks),
    {
      queue: FANOUT_QUEUE,
      retryLimit: 0,
      retryDelaySeconds: 1,
      run: () => dispatchWebhooks(),
    } satisfies JobKind,
    forecastScoringJob(database.db, () => queue),
    replanJob(database.db, () => queue, logger),
  ];
  const schedules: ScheduledJob[] = [
    { queue: FANOUT_QUEUE, cron: '* * * * *', data: { queue: FANOUT_QUEUE } },
    forecastScoringScheduled,
    replanScheduled(options.replanCron ?? DEFAULT_REPLAN_CRON),
  ];
  if (options.backups) {
    kinds.push(backupJob(database.db, options.backups));
    schedules.push(backupScheduled(options.backups));
  }
  if (options.briefDigests) {
    kinds.push(briefDigestJob(database.db, options.briefDigests.mail, logger));
    schedules.push(briefDigestScheduled(options.briefDigests.cron));
  }
  if (options.portalNotices) {
    kinds.push(portalNoticeJob(database.db, options.portalNotices.mail, logger));
    schedules.push(portalNoticeScheduled(options.portalNotices.cron));
  }
  queue = await startJobQueue({
    executeSql: database.executeSql,
    logger,
    kinds,
    schedules,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
  });
  const started = queue;
  const unlisten = await database.listen(
    LIVE_CHANNEL,
    () =>
      void dispatchWebhooks().catch((error: unknown) =>
        logger.error({ err: error }, 'webhook dispatch failed'),
      ),
    (error) => logger.warn({ err: error }, 'webhook dispatch stopped listening; the minute pass catches up'),
  );
  return {
    queue: started,
    dispatchWebhooks,
    stop: async () => {
      await unlisten();
      await running?.catch(() => undefined);
      await started.stop();
    },
  };
}
