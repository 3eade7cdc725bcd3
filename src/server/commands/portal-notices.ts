/**
 * What the people who asked for an idea on a published portal are due to be told by e-mail (see
 * findDueNotices), read per workspace: every address of an approved submission on an idea (an
 * idea, a note, a vote or a follow), the ideas' decisions and, for an accepted idea with a
 * promised date, the forecast's chance of it against the workspace's threshold. A notice is
 * claimed (kept in `portal_notices`) before it is sent and released if it could not go.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { PortalStopped } from '../../contract';
import type { Database } from '../../db/client';
import {
  evidence,
  items,
  portalNotices,
  portalOptOuts,
  portalSubmissions,
  workspacePortals,
  workspaces,
} from '../../db/schema';
import {
  type DueNotice,
  findDueNotices,
  type NoticeIdea,
  type PortalNoticeKind,
} from '../../domain/discovery';
import { createSecret, hashSecret } from '../auth/secrets';
import { notFound } from '../errors';
import type { NoticeSubject, PortalNoticeBody } from '../mail/portal-notice';
import { getIdeaAlertThreshold } from './idea-alert-threshold';
import { findIdeaDecisions } from './idea-decisions';
import { forecastPromises } from './idea-promises';
import { findPublishedPortal, type PublishedPortal } from './portal-public';

/** A notice due, with what its e-mail says. */
export interface PreparedNotice extends DueNotice {
  idea: NoticeSubject;
  /** True when the address only follows the idea; else it asked for it. */
  follows: boolean;
  body: PortalNoticeBody;
}

/** Every published portal, with its workspace's name. */
export async function listPublishedPortals(db: Database): Promise<PublishedPortal[]> {
  return db
    .select({
      workspaceId: workspacePortals.workspaceId,
      workspaceName: workspaces.name,
      slug: workspacePortals.slug,
    })
    .from(workspacePortals)
    .innerJoin(workspaces, eq(workspaces.id, workspacePortals.workspaceId))
    .where(eq(workspacePortals.published, true))
    .orderBy(workspacePortals.slug);
}

/** The addresses tied to ideas of the workspace by an approved submission, once per idea. */
async function findSubscribers(db: Database, workspaceId: string) {
  const email = sql<string>`lower(${portalSubmissions.email})`;
  const rows = await db
    .select({
      itemId: sql<string>`${portalSubmissions.itemId}`,
      email,
      since: sql<number>`(extract(epoch from min(${portalSubmissions.createdAt})) * 1000)::float8`.mapWith(
        Number,
      ),
      follows: sql<boolean>`bool_and(${portalSubmissions.kind} = 'follow')`,
    })
    .from(portalSubmissions)
    .where(
      and(
        eq(portalSubmissions.workspaceId, workspaceId),
        eq(portalSubmissions.status, 'approved'),
        isNotNull(portalSubmissions.itemId),
        sql`not exists (select 1 from ${portalOptOuts} where ${portalOptOuts.workspaceId} = ${workspaceId} and ${portalOptOuts.email} = lower(${portalSubmissions.email}))`,
      ),
    )
    .groupBy(portalSubmissions.itemId, email);
  return rows;
}

/**
 * The notices due on a published portal, in the order they should go.
 * @param db the database
 * @param portal the published portal
 */
export async function findDuePortalNotices(db: Database, portal: PublishedPortal): Promise<PreparedNotice[]> {
  const { workspaceId } = portal;
  const subscribers = await findSubscribers(db, workspaceId);
  if (subscribers.length === 0) return [];
  const ideaRows = await db
    .select({ id: items.id, number: items.number, title: items.title, targetDate: items.targetDate })
    .from(items)
    .where(
      and(
        eq(items.workspaceId, workspaceId),
        inArray(items.id, [...new Set(subscribers.map((s) => s.itemId))]),
        sql`exists (select 1 from ${evidence} where ${evidence.itemId} = ${items.id})`,
      ),
    );
  const decisions = await findIdeaDecisions(db, workspaceId);
  const promised = ideaRows.flatMap(({ id, targetDate }) =>
    decisions.get(id)?.outcome === 'accepted' && targetDate !== null ? [{ itemId: id, targetDate }] : [],
  );
  const forecasts = await forecastPromises(db, portal.workspaceId, promised);
  const { alertBelow } = await getIdeaAlertThreshold(db, workspaceId);
  const ideas: NoticeIdea[] = ideaRows.map((row) => {
    const decision = decisions.get(row.id);
    const forecast = forecasts.get(row.id);
    return {
      itemId: row.id,
      decision: decision
        ? { id: decision.decisionId, outcome: decision.outcome, decidedAt: Date.parse(decision.decidedAt) }
        : null,
      promise:
        forecast && row.targetDate !== null
          ? { targetDate: row.targetDate, probability: forecast.probability }
          : null,
    };
  });
  const told = await db
    .select({
      itemId: portalNotices.itemId,
      email: portalNotices.email,
      kind: portalNotices.kind,
      key: portalNotices.key,
    })
    .from(portalNotices)
    .where(eq(portalNotices.workspaceId, workspaceId));
  const rows = new Map(ideaRows.map((row) => [row.id, row]));
  const follows = new Map(subscribers.map((s) => [`${s.itemId} ${s.email}`, s.follows]));
  return findDueNotices({ ideas, subscribers, told, alertBelow }).flatMap((due) => {
    const row = rows.get(due.itemId);
    const decision = decisions.get(due.itemId);
    const probability = forecasts.get(due.itemId)?.probability ?? null;
    if (!row || !decision) return [];
    const body: PortalNoticeBody =
      due.kind === 'decision'
        ? {
            kind: 'decision',
            outcome: decision.outcome,
            reason: decision.reason,
            reviewOn: decision.reviewOn,
            targetDate: row.targetDate,
          }
        : { kind: 'at-risk', targetDate: due.key, probability: probability ?? 0, alertBelow };
    return [
      {
        ...due,
        idea: {
          workspaceName: portal.workspaceName,
          slug: portal.slug,
          number: row.number,
          title: row.title,
        },
        follows: follows.get(`${due.itemId} ${due.email}`) ?? false,
        body,
      },
    ];
  });
}

/**
 * Keeps a notice as sent before it goes, so it goes once, with the secret of its link that stops
 * all notices to the address (only its SHA-256 is kept).
 * @returns the row's id and that secret, or null when it was sent already (by another run)
 */
export async function claimPortalNotice(
  db: Database,
  workspaceId: string,
  notice: { itemId: string; email: string; kind: PortalNoticeKind; key: string },
  now: Date,
): Promise<{ id: string; stopToken: string } | null> {
  const stopToken = createSecret('hws');
  const [row] = await db
    .insert(portalNotices)
    .values({ workspaceId, ...notice, stopTokenHash: hashSecret(stopToken), sentAt: now })
    .onConflictDoNothing()
    .returning({ id: portalNotices.id });
  return row ? { id: row.id, stopToken } : null;
}

/** Forgets a claimed notice whose e-mail did not go, so the next run tries it again. */
export async function releasePortalNotice(db: Database, id: string): Promise<void> {
  await db.delete(portalNotices).where(eq(portalNotices.id, id));
}

/**
 * Stops every notice from a portal to the address a notice's link was sent to. The link keeps
 * working (opening it again changes nothing); confirming a new submission on the portal lifts it.
 * @param db the database
 * @param options the portal's address and the secret of the link
 * @throws AppError('not_found') for a portal that is not published or a link it did not send
 */
export async function stopPortalNotices(
  db: Database,
  options: { slug: string; token: string },
): Promise<PortalStopped> {
  const portal = await findPublishedPortal(db, options.slug);
  const [notice] = await db
    .select({ email: portalNotices.email })
    .from(portalNotices)
    .where(
      and(
        eq(portalNotices.workspaceId, portal.workspaceId),
        eq(portalNotices.stopTokenHash, hashSecret(options.token)),
      ),
    );
  if (!notice) throw notFound('This link');
  await db
    .insert(portalOptOuts)
    .values({ workspaceId: portal.workspaceId, email: notice.email.toLowerCase() })
    .onConflictDoNothing();
  return {
    message: `Done: the ${portal.workspaceName} ideas portal sends no more e-mails to this address. Confirming something new on the portal starts them again.`,
  };
}
