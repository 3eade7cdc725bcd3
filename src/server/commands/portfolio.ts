/**
 * The portfolio of one person: for every workspace they belong to, the brief's headlines (what
 * waits on them, each milestone's chance of its target and latest health call, the last
 * assessment's score), each computed as that workspace's member with their role there, by the
 * same commands as the brief and the pages it summarises. A workspace whose part fails is listed
 * with why, so one broken company never hides the others.
 */

import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import {
  CLOSED_ITEM_STATES,
  FORECAST_DEFAULTS,
  type PortfolioView,
  type PortfolioWorkspace,
} from '../../contract';
import type { Database } from '../../db/client';
import { items } from '../../db/schema';
import { PORTFOLIO_ORDER_RULE, rankByNeed } from '../../domain/brief';
import type { Decision } from '../../domain/decision-rights';
import { MS_PER_DAY } from '../../domain/shared';
import { AppError } from '../errors';
import { type Actor, findActor, mayDecide } from '../policies/access';
import { findAssessments } from './assessments';
import { findLatestHealthUpdates } from './health-updates';
import { forecastMilestones } from './milestone-forecasts';
import { findInbox, INBOX_DECISIONS } from './waiting';
import { findWorkspacesOf } from './workspaces';

/** Milestones done or cancelled are no longer headlines. */

type Membership = Awaited<ReturnType<typeof findWorkspacesOf>>[number];

/** Days from an ISO timestamp to now, whole days down. */
function daysSince(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / MS_PER_DAY));
}

/** The milestones' forecasts with their numbers, titles and latest health calls. */
async function loadMilestones(
  db: Database,
  actor: Actor,
  base: string,
): Promise<PortfolioWorkspace['milestones']> {
  // One simulation of the whole plan, as the roadmap's cards make it: the same trials and seed.
  const forecast = await forecastMilestones(
    { db, actor },
    { trials: FORECAST_DEFAULTS.planTrials, seed: FORECAST_DEFAULTS.seed },
  );
  const healthOf = new Map((await findLatestHealthUpdates(db, actor.workspaceId)).map((h) => [h.itemId, h]));
  const forecastOf = new Map(forecast.milestones.map((m) => [m.id, m]));
  // A milestone with a health call but no planned work yet still shows its call.
  const ids = [...new Set([...forecastOf.keys(), ...healthOf.keys()])];
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ id: items.id, number: items.number, title: items.title, targetDate: items.targetDate })
          .from(items)
          .where(
            and(
              eq(items.workspaceId, actor.workspaceId),
              inArray(items.id, ids),
              notInArray(items.state, [...CLOSED_ITEM_STATES]),
            ),
          )
          .orderBy(asc(items.targetDate), asc(items.number));
  return rows.map((row) => {
    const health = healthOf.get(row.id);
    const m = forecastOf.get(row.id);
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      targetDate: row.targetDate,
      p85: m?.p85 ?? null,
      probabilityOnTime: m && row.targetDate !== null ? m.probabilityOnTime : null,
      health: health
        ? {
            status: health.status,
            note: health.note,
            authorName: health.authorName,
            createdAt: health.createdAt,
          }
        : null,
      href: `${base}/forecasts?mode=milestone&milestone=${encodeURIComponent(row.id)}`,
    };
  });
}

/** One workspace's headline, computed as its member. */
async function buildHeadline(
  db: Database,
  actor: Actor,
  ws: Membership,
  now: Date,
): Promise<PortfolioWorkspace> {
  const base = `/w/${ws.slug}`;
  const inbox = await findInbox(db, actor, now);
  const waitingSince = [
    ...inbox.entries.map((e) => e.since),
    ...inbox.proposals.map((p) => p.createdAt),
  ].sort();
  const oldestSince = waitingSince[0] ?? null;
  const decides: Decision[] = [];
  for (const decision of INBOX_DECISIONS) if (await mayDecide(db, actor, decision)) decides.push(decision);
  const [assessment] = await findAssessments(db, actor);
  return {
    workspaceId: ws.id,
    name: ws.name,
    slug: ws.slug,
    role: actor.role,
    decides,
    failed: null,
    waiting: {
      count: inbox.entries.length + inbox.proposals.length,
      counts: { ...inbox.counts, proposals: inbox.proposals.length },
      oldestSince,
      oldestDays: oldestSince === null ? null : daysSince(oldestSince, now),
      href: `${base}/inbox`,
    },
    milestones: await loadMilestones(db, actor, base),
    assessment: assessment
      ? {
          number: assessment.number,
          overall: assessment.overall,
          createdAt: assessment.createdAt,
          href: `${base}/assessment/${assessment.number}`,
        }
      : null,
    briefHref: `${base}/brief`,
  };
}

/** A workspace listed with why its headline is missing. */
function failedHeadline(ws: Membership, why: string): PortfolioWorkspace {
  const base = `/w/${ws.slug}`;
  return {
    workspaceId: ws.id,
    name: ws.name,
    slug: ws.slug,
    role: ws.role,
    decides: [],
    failed: why,
    waiting: {
      count: 0,
      counts: { order: 0, estimate: 0, scope: 0, review: 0, proposals: 0 },
      oldestSince: null,
      oldestDays: null,
      href: `${base}/inbox`,
    },
    milestones: [],
    assessment: null,
    briefHref: `${base}/brief`,
  };
}

/** What a failed part says: an AppError's own message, anything else in general words (logged by the caller). */
function describeFailure(error: unknown): string {
  if (error instanceof AppError) return `Could not compute this workspace's figures: ${error.message}`;
  return "Could not compute this workspace's figures; open its brief to see what is there";
}

/**
 * The portfolio of a person: every workspace they belong to (and none other), each computed with
 * their role and rights there, sorted by what needs them most (PORTFOLIO_ORDER_RULE). The work per
 * workspace is bounded: a few reads and one plan simulation of the roadmap's size.
 * @param db the database
 * @param userId the person asking
 * @param options `now` (ages count from it) and `onFailure`, told of a workspace whose part failed
 */
export async function getPortfolio(
  db: Database,
  userId: string,
  options: { now?: Date; onFailure?: (workspaceId: string, error: unknown) => void } = {},
): Promise<PortfolioView> {
  const now = options.now ?? new Date();
  const memberships = await findWorkspacesOf(db, userId);
  const headlines: PortfolioWorkspace[] = [];
  // One workspace after another: the embedded database runs one query at a time anyway, and a
  // server's pool stays free for other requests.
  for (const ws of memberships) {
    try {
      const actor = await findActor(db, userId, ws.id);
      if (!actor) continue; // left the workspace meanwhile
      headlines.push(await buildHeadline(db, actor, ws, now));
    } catch (error) {
      options.onFailure?.(ws.id, error);
      headlines.push(failedHeadline(ws, describeFailure(error)));
    }
  }
  const ranked = rankByNeed(
    headlines.map((h) => {
      const chances = h.milestones.flatMap((m) =>
        m.probabilityOnTime === null ? [] : [m.probabilityOnTime],
      );
      return {
        headline: h,
        name: h.name,
        ok: h.failed === null,
        waitingCount: h.waiting.count,
        oldestWaitDays: h.waiting.oldestDays,
        lowestChanceOnTime: chances.length === 0 ? null : Math.min(...chances),
        troubledMilestones: h.milestones.filter((m) => m.health && m.health.status !== 'on_track').length,
      };
    }),
  );
  return { order: PORTFOLIO_ORDER_RULE, workspaces: ranked.map((r) => r.headline) };
}
