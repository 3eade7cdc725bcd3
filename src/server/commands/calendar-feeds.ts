/**
 * Calendar feeds: a member's subscribable address for one workspace's milestones. Calendar apps
 * cannot sign in, so the address carries a random secret (256 bits) of which only the SHA-256 is
 * kept, as for API tokens. A feed reads that one workspace and nothing else, as its member: it
 * answers 404 once revoked, and once its member has left the workspace.
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { type CalendarFeed, type CreateCalendarFeed, type CreatedCalendarFeed, LIMITS } from '../../contract';
import type { Database } from '../../db/client';
import { calendarFeeds, memberships, workspaces } from '../../db/schema';
import { type CalendarEvent, renderIcalendar } from '../../domain/export';
import { createSecret, hashSecret } from '../auth/secrets';
import { AppError, notFound } from '../errors';
import { isUuid } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { getRoadmap } from './roadmap';

/** The prefix of a feed secret, so a leaked one is recognisable. */
const FEED_PREFIX = 'hwc';
/** What a feed secret looks like: the prefix and 32 random bytes in base64url. */
const FEED_SECRET = /^hwc_[A-Za-z0-9_-]{43}$/;

/** The address of a feed on this server. */
export function calendarFeedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

const present = (row: typeof calendarFeeds.$inferSelect): CalendarFeed => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

/**
 * Creates a calendar feed of the actor's workspace for the actor; the secret is returned once.
 * @throws AppError `conflict` when the member already keeps LIMITS.calendarFeedsPerMember feeds.
 */
export async function createCalendarFeed(
  ctx: CommandContext,
  input: CreateCalendarFeed,
): Promise<CreatedCalendarFeed> {
  return inTransaction(ctx, async ({ db, actor }) => {
    const mine = and(
      eq(calendarFeeds.workspaceId, actor.workspaceId),
      eq(calendarFeeds.userId, actor.userId),
      isNull(calendarFeeds.revokedAt),
    );
    const [open] = await db.select({ n: count() }).from(calendarFeeds).where(mine);
    if ((open?.n ?? 0) >= LIMITS.calendarFeedsPerMember) {
      throw new AppError(
        'conflict',
        `You already have ${LIMITS.calendarFeedsPerMember} calendar feeds in this workspace: revoke one you no longer use first`,
      );
    }
    const token = createSecret(FEED_PREFIX);
    const [row] = await db
      .insert(calendarFeeds)
      .values({
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        name: input.name,
        tokenHash: hashSecret(token),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { ...present(row), token, path: calendarFeedPath(token) };
  });
}

/** The actor's feeds of their workspace that are not revoked, newest first (never the secret). */
export async function findCalendarFeeds(ctx: CommandContext): Promise<CalendarFeed[]> {
  const rows = await ctx.db
    .select()
    .from(calendarFeeds)
    .where(
      and(
        eq(calendarFeeds.workspaceId, ctx.actor.workspaceId),
        eq(calendarFeeds.userId, ctx.actor.userId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .orderBy(desc(calendarFeeds.createdAt), desc(calendarFeeds.id));
  return rows.map(present);
}

/**
 * Revokes one of the actor's own feeds of this workspace; its address answers 404 from then on.
 * @throws AppError `not_found` for another member's feed, another workspace's, an unknown one or
 *   one already revoked.
 */
export async function revokeCalendarFeed(ctx: CommandContext, input: { feedId: string }): Promise<void> {
  if (!isUuid(input.feedId)) throw notFound('Calendar feed');
  await inTransaction(ctx, async ({ db, actor }) => {
    const revoked = await db
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(calendarFeeds.id, input.feedId),
          eq(calendarFeeds.workspaceId, actor.workspaceId),
          eq(calendarFeeds.userId, actor.userId),
          isNull(calendarFeeds.revokedAt),
        ),
      )
      .returning({ id: calendarFeeds.id });
    if (revoked.length === 0) throw notFound('Calendar feed');
  });
}

/** The workspace a feed secret reads, while the feed stands and its member still belongs there. */
async function resolveFeed(db: Database, secret: string) {
  if (!FEED_SECRET.test(secret)) return null;
  const [row] = await db
    .select({ workspaceId: calendarFeeds.workspaceId, name: workspaces.name })
    .from(calendarFeeds)
    .innerJoin(
      memberships,
      and(
        eq(memberships.workspaceId, calendarFeeds.workspaceId),
        eq(memberships.userId, calendarFeeds.userId),
      ),
    )
    .innerJoin(workspaces, eq(workspaces.id, calendarFeeds.workspaceId))
    .where(and(eq(calendarFeeds.tokenHash, hashSecret(secret)), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** "Target 2027-03-01 · 4 days late · 6 planned items": what a calendar shows under the title. */
function describeMilestone(m: {
  targetDate: string | null;
  date: string | null;
  slipDays: number | null;
  plannedItems: number;
}): string {
  const parts = [m.targetDate ? `Target ${m.targetDate}` : 'No target date'];
  if (m.date === null) parts.push('no open planned work');
  else if (m.slipDays !== null && m.slipDays !== 0) {
    parts.push(m.slipDays > 0 ? `planned ${m.slipDays} days late` : `planned ${-m.slipDays} days early`);
  } else if (m.slipDays === 0) parts.push('planned on target');
  if (m.plannedItems > 0) parts.push(`${m.plannedItems} planned items`);
  return `${parts.join(' · ')}. Dates are the current plan's, from Headway's roadmap.`;
}

/**
 * The iCalendar text of a feed: one all-day event per milestone of the workspace's roadmap, on
 * its planned date (its target date when no open work is planned for it).
 * @param options.secret the secret from the feed's address
 * @param options.uidDomain the host the event UIDs are made unique with
 * @throws AppError `not_found` for an unknown or revoked feed, or one whose member has left.
 */
export async function renderCalendarFeed(
  db: Database,
  options: { secret: string; uidDomain: string; now?: Date },
): Promise<string> {
  const feed = await resolveFeed(db, options.secret);
  if (!feed) {
    throw new AppError(
      'not_found',
      'This calendar feed is unknown or was revoked: subscribe again from the roadmap page in Headway',
    );
  }
  const roadmap = await getRoadmap(db, feed.workspaceId);
  const events: CalendarEvent[] = roadmap.milestones.flatMap((m) => {
    const date = m.date ?? m.targetDate;
    if (!date) return [];
    return [{ id: `milestone-${m.id}`, title: m.title, date, description: describeMilestone(m) }];
  });
  return renderIcalendar({
    name: `${feed.name}: milestones`,
    events,
    stamp: (options.now ?? new Date()).toISOString(),
    uidDomain: options.uidDomain,
  });
}
