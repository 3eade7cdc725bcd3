/**
 * What waits on a decision, and on whom: new items nobody has ordered yet, features, tasks and
 * bugs without an estimate, items blocked on a scope question, parked ideas whose review day has
 * come (computed on read from the latest idea decision: no job marks them). Each waits on the people who hold
 * its decision in this team (see `findEffectiveHolders`: the accountable role, else the
 * responsible ones, else a founder in the interim). The caller's share is their inbox; everyone's
 * is "what waits on whom".
 */

import { and, eq, inArray, isNotNull, isNull, notInArray } from 'drizzle-orm';
import {
  CLOSED_ITEM_STATES,
  INBOX_KINDS,
  type Inbox,
  type InboxEntry,
  todayIso,
  type WaitsOnWhom,
} from '../../contract';
import type { Database } from '../../db/client';
import { items } from '../../db/schema';
import { type Decision, findEffectiveHolders } from '../../domain/decision-rights';
import { MS_PER_DAY } from '../../domain/shared';
import { type Actor, findTeam } from '../policies/access';
import { findIdeaDecisions } from './idea-decisions';
import { findProposalsToDecide } from './proposals';

/** The decisions whose waiting work an inbox lists. */
export const INBOX_DECISIONS: Decision[] = ['backlog_order', 'estimates', 'scope'];
/** How many of the oldest entries each group of "what waits on whom" lists. */
const OLDEST_SHOWN = 5;

/** Every open entry waiting on a decision in the workspace, oldest first. */
export async function findWaitingEntries(
  db: Database,
  workspaceId: string,
  now = new Date(),
): Promise<InboxEntry[]> {
  const open = and(eq(items.workspaceId, workspaceId), notInArray(items.state, [...CLOSED_ITEM_STATES]));
  const cols = { id: items.id, number: items.number, title: items.title };
  const entries: InboxEntry[] = [];
  const push = (
    kind: InboxEntry['kind'],
    decision: Decision,
    rows: { id: string; number: number; title: string; since: Date | null; question: string | null }[],
  ) => {
    for (const r of rows) {
      const since = r.since ?? now;
      entries.push({
        kind,
        decision,
        itemId: r.id,
        number: r.number,
        title: r.title,
        since: since.toISOString(),
        ageDays: Math.max(0, Math.floor((now.getTime() - since.getTime()) / MS_PER_DAY)),
        question: r.question,
      });
    }
  };
  const unordered = await db
    .select({ ...cols, since: items.createdAt })
    .from(items)
    .where(and(open, isNull(items.orderedAt)));
  push(
    'order',
    'backlog_order',
    unordered.map((r) => ({ ...r, question: null })),
  );
  const unestimated = await db
    .select({ ...cols, since: items.createdAt })
    .from(items)
    .where(and(open, isNull(items.estimateLikely), inArray(items.type, ['feature', 'task', 'bug'])));
  push(
    'estimate',
    'estimates',
    unestimated.map((r) => ({ ...r, question: null })),
  );
  push(
    'scope',
    'scope',
    await db
      .select({ ...cols, since: items.scopeQuestionAt, question: items.scopeQuestion })
      .from(items)
      .where(and(open, isNotNull(items.scopeQuestion))),
  );
  push('review', 'scope', await findIdeasDueForReview(db, workspaceId, now));
  entries.sort((a, b) => a.since.localeCompare(b.since) || a.number - b.number);
  return entries;
}

/**
 * Open ideas whose latest decision parked them until a day that is today or past: they wait on
 * the scope decision again, since their review day, with why they were parked. A later decision
 * (accept, decline, park again with a new day) takes them off.
 */
async function findIdeasDueForReview(db: Database, workspaceId: string, now: Date) {
  const today = todayIso(now);
  const due = [...(await findIdeaDecisions(db, workspaceId)).entries()].filter(
    ([, d]) => d.outcome === 'parked' && d.reviewOn !== null && d.reviewOn <= today,
  );
  if (due.length === 0) return [];
  const decisions = new Map(due);
  const rows = await db
    .select({ id: items.id, number: items.number, title: items.title })
    .from(items)
    .where(
      and(
        eq(items.workspaceId, workspaceId),
        notInArray(items.state, [...CLOSED_ITEM_STATES]),
        inArray(items.id, [...decisions.keys()]),
      ),
    );
  return rows.map((r) => {
    const decision = decisions.get(r.id);
    return {
      ...r,
      since: new Date(`${decision?.reviewOn}T00:00:00.000Z`),
      question: `Parked because: ${decision?.reason ?? ''}`,
    };
  });
}

/**
 * What waits on the caller's decision, oldest first, with counts per kind, and the open proposals
 * of changes the caller decides.
 * @param db the database
 * @param actor the member asking
 * @param now the current time (ages count from it)
 */
export async function findInbox(db: Database, actor: Actor, now = new Date()): Promise<Inbox> {
  const team = await findTeam(db, actor.workspaceId);
  const mine = new Set(
    INBOX_DECISIONS.filter((d) =>
      findEffectiveHolders(actor.matrix, d, team).some((h) => h.userId === actor.userId),
    ),
  );
  const entries = (await findWaitingEntries(db, actor.workspaceId, now)).filter((e) => mine.has(e.decision));
  const count = (kind: InboxEntry['kind']) => entries.filter((e) => e.kind === kind).length;
  return {
    entries,
    counts: {
      order: count('order'),
      estimate: count('estimate'),
      scope: count('scope'),
      review: count('review'),
    },
    proposals: await findProposalsToDecide(db, actor),
  };
}

type Group = WaitsOnWhom['unheld'][number];

function groupEntries(entries: readonly InboxEntry[], interim: (decision: Decision) => boolean): Group[] {
  const groups: Group[] = [];
  for (const kind of INBOX_KINDS) {
    const list = entries.filter((e) => e.kind === kind);
    const oldest = list[0];
    if (!oldest) continue;
    groups.push({
      kind,
      decision: oldest.decision,
      count: list.length,
      oldestDays: oldest.ageDays,
      oldestSince: oldest.since,
      interim: interim(oldest.decision),
      items: list.slice(0, OLDEST_SHOWN).map((e) => ({
        itemId: e.itemId,
        number: e.number,
        title: e.title,
        ageDays: e.ageDays,
      })),
    });
  }
  return groups;
}

/**
 * What waits on whom: per person, what waits on their decision, how many, and how long the oldest
 * has waited ("15 estimates waiting on the CTO for up to 175 days"). People with the most waiting
 * come first; people with nothing waiting are left out.
 * @param db the database
 * @param actor the member asking (any member may read it)
 * @param now the current time
 */
export async function findWaitsOnWhom(db: Database, actor: Actor, now = new Date()): Promise<WaitsOnWhom> {
  const team = await findTeam(db, actor.workspaceId);
  const entries = await findWaitingEntries(db, actor.workspaceId, now);
  const decisions = [...new Set(entries.map((e) => e.decision))];
  const holders = new Map(decisions.map((d) => [d, findEffectiveHolders(actor.matrix, d, team)] as const));
  const people: WaitsOnWhom['people'] = [];
  for (const member of team) {
    const held = (d: Decision) => holders.get(d)?.find((h) => h.userId === member.userId);
    const theirs = entries.filter((e) => held(e.decision));
    if (theirs.length === 0) continue;
    const groups = groupEntries(theirs, (d) => held(d)?.interim ?? false);
    people.push({
      ...member,
      total: theirs.length,
      oldestDays: Math.max(...groups.map((g) => g.oldestDays)),
      groups,
    });
  }
  people.sort((a, b) => b.total - a.total || b.oldestDays - a.oldestDays || a.name.localeCompare(b.name));
  const unheld = entries.filter((e) => (holders.get(e.decision) ?? []).length === 0);
  return { people, unheld: groupEntries(unheld, () => false) };
}
