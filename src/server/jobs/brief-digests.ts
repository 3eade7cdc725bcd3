/**
 * The weekly brief by e-mail on a schedule: with e-mail configured, `headway serve` sends every
 * member who asked for it their brief (HEADWAY_BRIEF_CRON, default Mondays at 07:00 UTC). The
 * schedule is pg-boss's, so with several servers on one database each brief goes out once.
 */
import type { Logger } from 'pino';
import type { Database } from '../../db/client';
import { findBriefSubscribers } from '../commands/brief-email';
import { type MailConfig, sendBriefDigest } from '../mail/brief-digest';
import { findActor } from '../policies/access';
import { type JobKind, readCron, type ScheduledJob } from './queue';

export const BRIEF_DIGEST_QUEUE = 'brief-digests';

/** Mondays at 07:00 UTC: the brief is waiting when the week starts. */
export const DEFAULT_BRIEF_CRON = '0 7 * * 1';

/**
 * The schedule's cron expression from the environment.
 * @throws Error saying what HEADWAY_BRIEF_CRON should look like
 */
export function readBriefDigestCron(env: NodeJS.ProcessEnv): string {
  return readCron(env, 'HEADWAY_BRIEF_CRON', DEFAULT_BRIEF_CRON);
}

/**
 * Sends the brief to every member who asked for it. One member's failure (a refused address)
 * is logged and the others still get theirs; the job is not retried, since a retry would send
 * everyone's brief a second time.
 * @param db the database
 * @param options.config the mail settings; options.logger where failures go; options.now the moment
 * @returns how many briefs went out and how many failed
 */
export async function sendBriefDigests(
  db: Database,
  options: { config: MailConfig; logger: Logger; now?: Date },
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const { workspaceId, userId } of await findBriefSubscribers(db)) {
    const actor = await findActor(db, userId, workspaceId);
    if (!actor) continue;
    try {
      await sendBriefDigest(db, {
        config: options.config,
        actor,
        ...(options.now ? { now: options.now } : {}),
      });
      sent++;
    } catch (err) {
      failed++;
      options.logger.error({ err, workspaceId, userId }, 'weekly brief: e-mail not sent');
    }
  }
  return { sent, failed };
}

/** The job that sends the week's briefs. */
export function briefDigestJob(db: Database, config: MailConfig, logger: Logger): JobKind {
  return {
    queue: BRIEF_DIGEST_QUEUE,
    retryLimit: 0,
    retryDelaySeconds: 300,
    run: async () => {
      const { sent, failed } = await sendBriefDigests(db, { config, logger });
      logger.info({ sent, failed }, 'weekly briefs sent');
    },
  };
}

/** The cron entry that sends the brief job. */
export function briefDigestScheduled(cron: string): ScheduledJob {
  return { queue: BRIEF_DIGEST_QUEUE, cron, data: { queue: BRIEF_DIGEST_QUEUE } };
}
