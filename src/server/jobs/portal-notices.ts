/**
 * The portal's notices on a schedule: with e-mail configured, `headway serve` tells the people who
 * asked for an idea on a published ideas portal of each new decision on it and of a promised date
 * whose chance fell below the workspace's threshold (HEADWAY_PORTAL_NOTICE_CRON, default hourly).
 * Each notice is kept as sent before it goes and forgotten if it did not, so it goes once and a
 * failed one is tried on the next run.
 */
import type { Logger } from 'pino';
import type { Database } from '../../db/client';
import {
  claimPortalNotice,
  findDuePortalNotices,
  listPublishedPortals,
  releasePortalNotice,
} from '../commands/portal-notices';
import type { MailConfig } from '../mail/brief-digest';
import { renderPortalNotice, sendPortalNotice } from '../mail/portal-notice';
import { type JobKind, readCron, type ScheduledJob } from './queue';

export const PORTAL_NOTICE_QUEUE = 'portal-notices';

/** Every hour, at 20 past: a falling chance is told the same day it falls. */
export const DEFAULT_PORTAL_NOTICE_CRON = '20 * * * *';

/**
 * The schedule's cron expression from the environment.
 * @throws Error saying what HEADWAY_PORTAL_NOTICE_CRON should look like
 */
export function readPortalNoticeCron(env: NodeJS.ProcessEnv): string {
  return readCron(env, 'HEADWAY_PORTAL_NOTICE_CRON', DEFAULT_PORTAL_NOTICE_CRON);
}

/**
 * Sends every notice due on every published portal. One address's failure (a refused address, an
 * unreachable server) is logged, its notice forgotten so the next run tries it again, and the
 * others still go.
 * @param db the database
 * @param options.config the mail settings; options.logger where failures go; options.now the moment kept as sent
 * @returns how many notices went out and how many failed
 */
export async function sendPortalNotices(
  db: Database,
  options: { config: MailConfig; logger: Logger; now?: Date },
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const portal of await listPublishedPortals(db)) {
    const portalUrl = `${options.config.publicUrl}/portal/${portal.slug}`;
    for (const notice of await findDuePortalNotices(db, portal)) {
      const claimed = await claimPortalNotice(db, portal.workspaceId, notice, options.now ?? new Date());
      if (!claimed) continue;
      try {
        await sendPortalNotice(options.config, {
          to: notice.email,
          workspaceName: portal.workspaceName,
          notice: renderPortalNotice(notice.idea, notice.body, {
            follows: notice.follows,
            portalUrl,
            stopUrl: `${portalUrl}/stop?token=${encodeURIComponent(claimed.stopToken)}`,
          }),
        });
        sent++;
      } catch (err) {
        failed++;
        await releasePortalNotice(db, claimed.id);
        options.logger.error(
          { err, workspaceId: portal.workspaceId, itemId: notice.itemId, kind: notice.kind },
          'portal notice: e-mail not sent',
        );
      }
    }
  }
  return { sent, failed };
}

/** The job that sends the portal's notices. */
export function portalNoticeJob(db: Database, config: MailConfig, logger: Logger): JobKind {
  return {
    queue: PORTAL_NOTICE_QUEUE,
    retryLimit: 0,
    retryDelaySeconds: 300,
    run: async () => {
      const { sent, failed } = await sendPortalNotices(db, { config, logger });
      if (sent > 0 || failed > 0) logger.info({ sent, failed }, 'portal notices sent');
    },
  };
}

/** The cron entry that sends the portal notice job. */
export function portalNoticeScheduled(cron: string): ScheduledJob {
  return { queue: PORTAL_NOTICE_QUEUE, cron, data: { queue: PORTAL_NOTICE_QUEUE } };
}
