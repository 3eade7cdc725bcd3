/**
 * The public side of a workspace's ideas portal: no sign-in, no session, never a member. A
 * visitor reads the ideas with their decision and why (and, once promised, the forecast's chance
 * of the date), and sends an idea, evidence, a vote or a follow with their e-mail. What they send
 * is held until the link mailed to them is opened, then until a member approves it (see
 * portal-moderation.ts). Submissions are limited per address, per e-mail and per portal.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import {
  PORTAL_VERIFY_HOURS,
  type PortalReceipt,
  type PortalSubmission,
  type PortalVerified,
  type PublicPortal,
} from '../../contract';
import type { Database } from '../../db/client';
import {
  evidence,
  items,
  portalOptOuts,
  portalSubmissions,
  workspacePortals,
  workspaces,
} from '../../db/schema';
import { createSecret, hashSecret } from '../auth/secrets';
import { type ThrottleKey, takeAttempts } from '../auth/throttle';
import { LIMIT_POLICIES } from '../auth/throttle-policy';
import { AppError, notFound } from '../errors';
import type { MailConfig } from '../mail/brief-digest';
import { requirePortalMail, sendPortalVerification } from '../mail/portal-verify';
import { findIdeaDecisions } from './idea-decisions';
import { summarizeIdeas } from './idea-demand';
import { forecastPromises } from './idea-promises';

const HOUR_MS = 3_600_000;

/** A published portal: its workspace. */
export interface PublishedPortal {
  workspaceId: string;
  workspaceName: string;
  slug: string;
}

/**
 * The published portal at an address.
 * @throws AppError('not_found') when there is none, or it is not published (the same answer)
 */
export async function findPublishedPortal(db: Database, slug: string): Promise<PublishedPortal> {
  const [row] = await db
    .select({ workspaceId: workspacePortals.workspaceId, workspaceName: workspaces.name })
    .from(workspacePortals)
    .innerJoin(workspaces, eq(workspaces.id, workspacePortals.workspaceId))
    .where(and(eq(workspacePortals.slug, slug.toLowerCase()), eq(workspacePortals.published, true)));
  if (!row) throw notFound('Portal');
  return { ...row, slug: slug.toLowerCase() };
}

/**
 * The ideas of a published portal, most accounts first: title, how many requests, the decision
 * and its why, and for an accepted idea with a promised date the chance of meeting it. Nothing
 * about accounts, revenue or requesters.
 * @param db the database
 * @param slug the portal's address
 * @param addressKey the reader's address as limits count it (null when unknown): reads are
 *   limited per address, since each one runs the plan's forecast
 * @throws AppError `not_found` (no such portal), `rate_limited`
 */
export async function getPublicPortal(
  db: Database,
  slug: string,
  addressKey: string | null,
): Promise<PublicPortal> {
  if (addressKey) await takeAttempts(db, [{ policy: LIMIT_POLICIES.portalReadAddress, key: addressKey }]);
  const portal = await findPublishedPortal(db, slug);
  const { ideas } = await summarizeIdeas(db, portal.workspaceId);
  const decisions = await findIdeaDecisions(db, portal.workspaceId);
  const promised = ideas.flatMap(({ itemId, targetDate }) =>
    decisions.get(itemId)?.outcome === 'accepted' && targetDate !== null ? [{ itemId, targetDate }] : [],
  );
  const forecasts = await forecastPromises(db, portal.workspaceId, promised);
  return {
    workspaceName: portal.workspaceName,
    ideas: ideas.map((idea) => {
      const decision = decisions.get(idea.itemId);
      const forecast = forecasts.get(idea.itemId);
      return {
        number: idea.number,
        title: idea.title,
        requests: idea.evidence,
        decision: decision
          ? {
              outcome: decision.outcome,
              reason: decision.reason,
              reviewOn: decision.reviewOn,
              decidedAt: decision.decidedAt,
            }
          : null,
        promise:
          forecast && idea.targetDate !== null
            ? { targetDate: idea.targetDate, probability: forecast.probability, status: forecast.status }
            : null,
      };
    }),
  };
}

/**
 * The idea a portal lists under a number: an item of the workspace with evidence.
 * @throws AppError('not_found') for any other number
 */
async function findListedIdea(db: Database, workspaceId: string, number: number): Promise<string> {
  const [row] = await db
    .select({ id: items.id })
    .from(items)
    .where(
      and(
        eq(items.workspaceId, workspaceId),
        eq(items.number, number),
        sql`exists (select 1 from ${evidence} where ${evidence.itemId} = ${items.id})`,
      ),
    );
  if (!row) throw notFound(`Idea #${number} on this portal`);
  return row.id;
}

/**
 * Takes a visitor's idea, evidence, vote or follow: counted against the limits (per address, per
 * e-mail, per portal), kept unverified, and a link mailed to the visitor. If the mail cannot go,
 * nothing is kept.
 * @param db the database
 * @param options the mail settings, the portal's address, the visitor's address as limits count
 *   it (null when unknown), what they sent, and the current moment
 * @throws AppError `not_found` (no such portal or idea), `unavailable` (no e-mail on this server,
 *   or the SMTP server refused), `rate_limited` (nothing kept)
 */
export async function submitToPortal(
  db: Database,
  options: {
    mail: MailConfig | null | undefined;
    slug: string;
    addressKey: string | null;
    submission: PortalSubmission;
    now?: Date;
  },
): Promise<PortalReceipt> {
  const { submission } = options;
  const now = options.now ?? new Date();
  const mail = requirePortalMail(options.mail);
  const portal = await findPublishedPortal(db, options.slug);
  const itemId =
    submission.kind === 'idea' ? null : await findListedIdea(db, portal.workspaceId, submission.ideaNumber);
  const keys: ThrottleKey[] = [
    { policy: LIMIT_POLICIES.portalEmail, key: submission.email },
    { policy: LIMIT_POLICIES.portalSite, key: portal.workspaceId },
  ];
  if (options.addressKey) keys.push({ policy: LIMIT_POLICIES.portalAddress, key: options.addressKey });
  await takeAttempts(db, keys, now);
  const token = createSecret('hwp');
  const [row] = await db
    .insert(portalSubmissions)
    .values({
      workspaceId: portal.workspaceId,
      kind: submission.kind,
      itemId,
      title: submission.kind === 'idea' ? submission.title : null,
      body: submission.kind === 'idea' || submission.kind === 'evidence' ? submission.text : null,
      importance: submission.kind === 'follow' ? null : submission.importance,
      email: submission.email,
      tokenHash: hashSecret(token),
      tokenExpiresAt: new Date(now.getTime() + PORTAL_VERIFY_HOURS * HOUR_MS),
      createdAt: now,
    })
    .returning({ id: portalSubmissions.id });
  if (!row) throw new Error('insert returned no row');
  try {
    await sendPortalVerification(mail, {
      to: submission.email,
      slug: portal.slug,
      workspaceName: portal.workspaceName,
      kind: submission.kind,
      token,
    });
  } catch (error) {
    await db.delete(portalSubmissions).where(eq(portalSubmissions.id, row.id));
    throw error;
  }
  return {
    status: 'unverified',
    message: `We sent a link to ${submission.email}: open it within ${PORTAL_VERIFY_HOURS} hours to confirm. The team then reviews it before it appears here.`,
  };
}

/**
 * Opens a verification link: a follow is active at once, anything else waits for a member. The
 * link works once.
 * @throws AppError('not_found') for a link that is unknown, used, expired or of another portal
 */
export async function verifyPortalSubmission(
  db: Database,
  options: { slug: string; token: string; now?: Date },
): Promise<PortalVerified> {
  const now = options.now ?? new Date();
  const portal = await findPublishedPortal(db, options.slug);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: portalSubmissions.id, kind: portalSubmissions.kind, email: portalSubmissions.email })
      .from(portalSubmissions)
      .where(
        and(
          eq(portalSubmissions.workspaceId, portal.workspaceId),
          eq(portalSubmissions.tokenHash, hashSecret(options.token)),
          eq(portalSubmissions.status, 'unverified'),
          gt(portalSubmissions.tokenExpiresAt, now),
        ),
      )
      .for('update');
    if (!row) {
      throw new AppError(
        'not_found',
        'This link was used already, has expired, or is not one we sent: send it again from the portal',
      );
    }
    // Confirming something new is asking to hear from the portal again.
    await tx
      .delete(portalOptOuts)
      .where(
        and(
          eq(portalOptOuts.workspaceId, portal.workspaceId),
          eq(portalOptOuts.email, row.email.toLowerCase()),
        ),
      );
    const status = row.kind === 'follow' ? 'approved' : 'pending';
    await tx
      .update(portalSubmissions)
      .set({ status, tokenHash: null, verifiedAt: now, version: sql`${portalSubmissions.version} + 1` })
      .where(eq(portalSubmissions.id, row.id));
    return {
      kind: row.kind,
      status,
      message:
        status === 'approved'
          ? 'Confirmed: you follow this idea.'
          : 'Confirmed: the team reviews it before it appears on the portal.',
    };
  });
}
