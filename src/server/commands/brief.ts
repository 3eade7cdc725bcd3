/**
 * The weekly brief of one member: loads what happened since a date (their decision inbox, the
 * decision log, milestone forecasts now and as stored then, slips, flow metrics, calibration, the
 * plan) and hands it to the brief engine. Reads only; every figure comes from the same commands
 * as the pages it summarises, so the brief and those pages agree.
 */
import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import {
  BRIEF_DEFAULTS,
  type BriefQuery,
  type DecisionLogEntry,
  FORECAST_DEFAULTS,
  todayIso,
} from '../../contract';
import { companies, forecasts, users, workspaces } from '../../db/schema';
import {
  type AccountIdeaDecision,
  type Brief,
  buildBrief,
  type EstimateChange,
  type IdeaAtRisk,
  type MilestoneForecastMove,
  ORDER_AND_SCOPE_DECISIONS,
  type StoredMilestoneForecast,
  type ThroughputChange,
  type UnownedAccount,
} from '../../domain/brief';
import { addDays, countDaysBetween } from '../../domain/shared';
import { findTeam } from '../policies/access';
import { calibrateOpenEstimates } from './calibration';
import type { CommandContext } from './context';
import { findAllDecisions } from './decision-log';
import { buildFlowMetrics } from './flow-metrics';
import { summarizeIdeas } from './idea-demand';
import { listIdeas } from './ideas';
import { forecastMilestones } from './milestone-forecasts';
import { getRoadmap } from './roadmap';
import { findSlips } from './slips';
import { loadUserNames } from './user-names';
import { findInbox } from './waiting';

/** Log entries read for a brief: enough for a busy year, bounded so one page stays quick. */
const MAX_LOG_ENTRIES = 2000;
/** Weeks of throughput before the brief that "throughput fell" compares with. */
const THROUGHPUT_WEEKS_BEFORE = 4;

/** The likely value of an estimate as the decision log stores it (a list before, an object after). */
function likelyOf(value: unknown): number | null {
  if (Array.isArray(value)) return typeof value[1] === 'number' ? value[1] : null;
  if (value && typeof value === 'object' && 'likely' in value) {
    const likely = (value as { likely: unknown }).likely;
    return typeof likely === 'number' ? likely : null;
  }
  return null;
}

/** Three-point estimate changes of the log (story points and actual effort are not estimates of days). */
function readEstimateChanges(entries: readonly DecisionLogEntry[]): EstimateChange[] {
  return entries.flatMap((e) => {
    if (e.decision !== 'estimates' || !e.itemId || e.itemNumber === null) return [];
    const details = e.details as { before?: unknown; after?: unknown } | null;
    if (!details || !Array.isArray(details.before)) return [];
    return [
      {
        itemId: e.itemId,
        number: e.itemNumber,
        title: e.itemTitle ?? '',
        before: likelyOf(details.before),
        after: likelyOf(details.after),
        at: e.createdAt,
      },
    ];
  });
}

/** The latest plan forecast stored for each milestone before the end of `since`. */
async function loadStoredMilestoneForecasts(
  ctx: CommandContext,
  since: string,
): Promise<Map<string, StoredMilestoneForecast>> {
  const rows = await ctx.db
    .select({ subject: forecasts.subject, percentiles: forecasts.percentiles, madeAt: forecasts.madeAt })
    .from(forecasts)
    .where(
      and(
        eq(forecasts.workspaceId, ctx.actor.workspaceId),
        eq(forecasts.kind, 'plan'),
        lt(forecasts.madeAt, new Date(`${addDays(since, 1)}T00:00:00.000Z`)),
      ),
    )
    .orderBy(desc(forecasts.madeAt));
  const stored = new Map<string, StoredMilestoneForecast>();
  for (const row of rows) {
    const id = row.subject.milestoneId;
    if (typeof id !== 'string' || stored.has(id)) continue;
    const p85 = row.percentiles.find((p) => p.level === 85)?.date;
    const itemIds = Array.isArray(row.subject.itemIds)
      ? row.subject.itemIds.filter((i) => typeof i === 'string')
      : [];
    stored.set(id, { madeAt: row.madeAt.toISOString(), p85: typeof p85 === 'string' ? p85 : null, itemIds });
  }
  return stored;
}

/**
 * The people a team decision since the start names who are no longer members: they left (or
 * were removed) since then.
 */
async function findPeopleWhoLeft(
  ctx: CommandContext,
  entries: readonly DecisionLogEntry[],
): Promise<string[]> {
  const named = new Set(
    entries.flatMap((e) => {
      const userId = e.decision === 'team' ? (e.details as { userId?: unknown } | null)?.userId : undefined;
      return typeof userId === 'string' ? [userId] : [];
    }),
  );
  const members = new Set((await findTeam(ctx.db, ctx.actor.workspaceId)).map((m) => m.userId));
  const left = [...named].filter((id) => !members.has(id));
  if (left.length === 0) return [];
  const rows = await ctx.db.select({ name: users.name }).from(users).where(inArray(users.id, left));
  return rows.map((u) => u.name).sort();
}

/**
 * For a founder: the companies whose owner was removed from the team since the start (the
 * removal's log entry names them) and that still have no owner.
 */
async function findUnownedAccounts(
  ctx: CommandContext,
  entries: readonly DecisionLogEntry[],
): Promise<UnownedAccount[]> {
  if (ctx.actor.role !== 'founder') return [];
  const formerOwnerOf = new Map<string, string>();
  for (const e of entries) {
    const details = e.details as { userId?: unknown; unownedCompanies?: unknown } | null;
    if (e.decision !== 'team' || !Array.isArray(details?.unownedCompanies)) continue;
    for (const c of details.unownedCompanies as { companyId?: unknown }[]) {
      if (typeof c.companyId === 'string' && typeof details.userId === 'string')
        formerOwnerOf.set(c.companyId, details.userId);
    }
  }
  if (formerOwnerOf.size === 0) return [];
  const rows = await ctx.db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(
      and(
        eq(companies.workspaceId, ctx.actor.workspaceId),
        inArray(companies.id, [...formerOwnerOf.keys()]),
        isNull(companies.ownerUserId),
      ),
    );
  const names = await loadUserNames(
    ctx.db,
    rows.map((r) => formerOwnerOf.get(r.id)),
  );
  return rows.map((r) => ({
    name: r.name,
    formerOwner: names.get(formerOwnerOf.get(r.id) ?? '') ?? 'a member',
  }));
}

/** Completed items per week since the start against the weeks before it, from daily throughput. */
function compareThroughput(
  daily: readonly { date: string; count: number }[],
  since: string,
  today: string,
): ThroughputChange | null {
  const first = daily[0]?.date;
  const before = addDays(since, -7 * THROUGHPUT_WEEKS_BEFORE);
  const daysSince = countDaysBetween(since, today) + 1;
  if (!first || first > before || daysSince < 1) return null;
  const sum = (from: string, to: string) =>
    daily.filter((d) => d.date >= from && d.date < to).reduce((total, d) => total + d.count, 0);
  return {
    perWeekBefore: sum(before, since) / THROUGHPUT_WEEKS_BEFORE,
    perWeekSince: (sum(since, addDays(today, 1)) / daysSince) * 7,
  };
}

/** What an idea decision keeps in its log entry's details (see idea-decisions.ts). */
function readIdeaOutcome(
  details: unknown,
): { outcome: AccountIdeaDecision['outcome']; reviewOn: string | null } | null {
  const idea = (details as { idea?: { outcome?: unknown; reviewOn?: unknown } } | null)?.idea;
  const outcome = idea?.outcome;
  if (outcome !== 'accepted' && outcome !== 'declined' && outcome !== 'parked') return null;
  return { outcome, reviewOn: typeof idea?.reviewOn === 'string' ? idea.reviewOn : null };
}

/**
 * The brief's lines about ideas: the promised dates at risk that are the member's (they hold the
 * decision or own an account that asked, the same alerts as the Ideas page), and the decisions
 * in the log on ideas their accounts asked for.
 */
async function loadIdeaLines(
  ctx: CommandContext,
  entries: readonly DecisionLogEntry[],
): Promise<{ ideasAtRisk: IdeaAtRisk[]; accountDecisions: AccountIdeaDecision[] }> {
  const { db, actor } = ctx;
  const { ideas: demand } = await summarizeIdeas(db, actor.workspaceId);
  const myAccounts = new Map<string, string[]>();
  for (const idea of demand) {
    const companies = idea.accountOwners.filter((o) => o.userId === actor.userId).map((o) => o.company);
    if (companies.length > 0) myAccounts.set(idea.itemId, [...new Set(companies)].sort());
  }
  const list = await listIdeas(db, actor);
  const ideasAtRisk = list.alerts.flatMap((alert) => {
    if (!alert.mine) return [];
    const idea = list.ideas.find((i) => i.itemId === alert.itemId);
    const holder = alert.holders.some((h) => h.userId === actor.userId);
    return [
      {
        itemId: alert.itemId,
        number: idea?.number ?? 0,
        title: alert.title,
        targetDate: alert.targetDate,
        probability: alert.probability,
        alertBelow: list.alertBelow,
        companies: holder ? (idea?.companies ?? []) : (myAccounts.get(alert.itemId) ?? []),
      },
    ];
  });
  const accountDecisions = entries.flatMap((e) => {
    const companies = e.itemId ? myAccounts.get(e.itemId) : undefined;
    const idea = readIdeaOutcome(e.details);
    if (e.decision !== 'scope' || e.amendsId !== null || !companies || !idea || e.itemNumber === null)
      return [];
    return [
      {
        decisionId: e.id,
        itemId: e.itemId as string,
        number: e.itemNumber,
        title: e.itemTitle ?? '',
        ...idea,
        reason: e.rationale ?? '',
        decidedBy: e.actorName,
        at: e.createdAt,
        companies,
      },
    ];
  });
  return { ideasAtRisk, accountDecisions };
}

/**
 * The weekly brief of the member asking, since a date.
 * @param ctx the database and the member (the brief lists what waits on *them*)
 * @param query the first day (default: 7 days ago)
 * @param now the current moment
 * @returns the brief's sections, each line with the app path where it can be acted on
 */
export async function getBrief(ctx: CommandContext, query: BriefQuery, now = new Date()): Promise<Brief> {
  const { db, actor } = ctx;
  const today = todayIso(now);
  const since = query.since ?? addDays(today, -BRIEF_DEFAULTS.days);
  const [workspace] = await db
    .select({ slug: workspaces.slug })
    .from(workspaces)
    .where(eq(workspaces.id, actor.workspaceId));
  const [person] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  const inbox = await findInbox(db, actor, now);
  const log = await findAllDecisions(
    db,
    actor.workspaceId,
    { from: since, decision: [...ORDER_AND_SCOPE_DECISIONS, 'estimates', 'team'].join(',') },
    MAX_LOG_ENTRIES,
  );
  const roadmap = await getRoadmap(db, actor.workspaceId, { start: today });
  const simulated = await forecastMilestones(ctx, {
    trials: FORECAST_DEFAULTS.planTrials,
    seed: FORECAST_DEFAULTS.seed,
  });
  const p85Now = new Map(simulated.milestones.map((m) => [m.id, m.p85]));
  const stored = await loadStoredMilestoneForecasts(ctx, since);
  const milestones: MilestoneForecastMove[] = roadmap.milestones.map((m) => ({
    id: m.id,
    number: m.number,
    title: m.title,
    targetDate: m.targetDate,
    p85Now: p85Now.get(m.id) ?? null,
    itemsNow: roadmap.items
      .filter((it) => it.milestoneId === m.id)
      .map((it) => ({ itemId: it.itemId, number: it.number, title: it.title })),
    stored: stored.get(m.id) ?? null,
  }));
  const peopleLeft = await findPeopleWhoLeft(ctx, log.data);
  const flow = await buildFlowMetrics(db, actor.workspaceId, {}, now);
  const estimateChanges = readEstimateChanges(log.data);
  const estimated = [...new Set(estimateChanges.filter((c) => c.after !== null).map((c) => c.itemId))];
  return buildBrief({
    since,
    today,
    basePath: `/w/${workspace?.slug ?? ''}`,
    person: { name: person?.name ?? '' },
    waiting: inbox.entries,
    decisions: log.data,
    milestones,
    estimateChanges,
    throughput: compareThroughput(flow.throughput.daily, since, today),
    peopleLeft,
    slips: (await findSlips(db, actor.workspaceId)).map((s) => ({
      ...s,
      number: s.itemNumber,
      title: s.itemTitle,
    })),
    aging: flow.aging.map((a) => ({ ...a, assigneeName: a.assignee?.name ?? null })),
    cycleTimeP85: flow.cycleTimeDays['85'],
    estimates: await calibrateOpenEstimates(db, actor.workspaceId, estimated),
    lateMilestones: roadmap.milestones.flatMap((m) =>
      m.targetDate !== null && m.date !== null && m.slipDays !== null && m.slipDays > 0
        ? [{ ...m, targetDate: m.targetDate, date: m.date, slipDays: m.slipDays }]
        : [],
    ),
    problems: roadmap.problems,
    ...(await loadIdeaLines(ctx, log.data)),
    unownedAccounts: await findUnownedAccounts(ctx, log.data),
  });
}
