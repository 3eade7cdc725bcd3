/**
 * Scheduled re-plans: each week (by default) every active workspace stores a plan forecast for each roadmap
 * milestone, as if someone had asked on the forecast page, so the weekly brief has a "then" to
 * compare with "now" even when nobody opened the roadmap that week.
 */

import { and, asc, eq, gte, isNull, notInArray, sql } from 'drizzle-orm';
import { CLOSED_ITEM_STATES, FORECAST_DEFAULTS, todayIso } from '../../contract';
import type { Database } from '../../db/client';
import { forecasts, items, memberships, workspaces } from '../../db/schema';
import { findOpenLeaves, type PlanSource } from '../../domain/planning';
import { digestOf } from '../compute/memo';
import { findActor } from '../policies/access';
import { buildPlanForecastRow } from './forecast-plan';
import { storeChangedForecast } from './forecast-store';
import { loadPlanSource } from './plan-input';
import { loadPlanTrackRecord } from './plan-record';
import { prepareSimulation, simulatePlan } from './plan-simulation';

/** What a re-plan did: stored forecasts, or nothing because nothing changed (or nobody plans there). */
export type ReplanOutcome =
  | { status: 'replanned'; stored: number }
  | { status: 'unchanged' }
  | { status: 'no-founder' };

/**
 * The workspaces worth re-planning: fully imported, with open work.
 * @returns their ids
 */
export async function findActiveWorkspaces(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: workspaces.id })
    .from(workspaces)
    .innerJoin(items, eq(items.workspaceId, workspaces.id))
    .where(and(isNull(workspaces.importStatus), notInArray(items.state, [...CLOSED_ITEM_STATES])));
  return rows.map((r) => r.id);
}

/**
 * Re-plans one workspace and stores each roadmap milestone's plan forecast, in the forecast
 * page's shape, from one simulation of the whole plan with the default trials and seed. Skipped when
 * the plan inputs (people, items, estimates, dependencies, order) are those of the last scheduled
 * re-plan stored that day: a second pass the same day adds nothing.
 * @param now the moment whose day (UTC) is the forecasts' start
 * @returns how many forecasts were stored, or why none were
 */
export async function replanWorkspace(
  db: Database,
  workspaceId: string,
  now = new Date(),
): Promise<ReplanOutcome> {
  const today = todayIso(now);
  // Only a workspace with a founder is re-planned; a scheduled forecast is stored with no author.
  const [founder] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'founder')))
    .orderBy(asc(memberships.joinedAt), asc(memberships.userId))
    .limit(1);
  const actor = founder ? await findActor(db, founder.userId, workspaceId) : null;
  if (!actor) return { status: 'no-founder' };
  const source = await loadPlanSource(db, workspaceId, today);
  const planDigest = digestOf(source);
  const [last] = await db
    .select({ digest: sql<string | null>`${forecasts.inputs}->>'planDigest'` })
    .from(forecasts)
    .where(
      and(
        eq(forecasts.workspaceId, workspaceId),
        eq(forecasts.kind, 'plan'),
        gte(forecasts.madeAt, new Date(`${today}T00:00:00.000Z`)),
        sql`${forecasts.inputs}->>'scheduled' = 'true'`,
      ),
    )
    .orderBy(sql`${forecasts.madeAt} desc`)
    .limit(1);
  if (last?.digest === planDigest) return { status: 'unchanged' };
  const stored = await storeMilestoneForecasts(db, { workspaceId, source, start: today, planDigest });
  return { status: 'replanned', stored };
}

/**
 * Stores the plan forecast of each milestone, with the default trials and seed, from one Monte
 * Carlo over the whole plan: every milestone is reported by the same simulation, as on the
 * roadmap's cards. A milestone's stored forecast is the one its forecast page would store (the
 * same items, dates and distribution: a milestone only groups the trials' finishes, it changes
 * no draw), marked scheduled, with no author and the plan digest. A milestone with no planned
 * open work stores nothing.
 * @param options.source the planning source, loaded for the start (the one the digest is of)
 * @param options.start the forecasts' first day
 * @param options.planDigest the digest of the plan inputs the forecasts ran on
 * @returns how many forecasts were stored (or found stored already, the same)
 */
async function storeMilestoneForecasts(
  db: Database,
  options: {
    workspaceId: string;
    source: PlanSource;
    start: string;
    planDigest: string;
  },
): Promise<number> {
  const { workspaceId, source, start, planDigest } = options;
  const { planTrials: trials, seed } = FORECAST_DEFAULTS;
  const byId = new Map(source.items.map((it) => [it.id, it]));
  const { prepared, drawn } = await prepareSimulation(db, { workspaceId, source, start });
  const plannedIds = new Set(prepared.input.items.map((it) => it.id));
  // The roadmap's milestones are its prepared input's: no schedule is needed to list them.
  const milestoneIds = (prepared.input.milestones ?? []).map((m) => m.id);
  const subjects = milestoneIds.flatMap((id) => {
    const root = byId.get(id);
    if (!root) return [];
    const itemIds = findOpenLeaves(source, id)
      .map((it) => it.id)
      .filter((itemId) => plannedIds.has(itemId));
    if (itemIds.length === 0) return [];
    return [
      { milestoneId: id, itemIds, title: `#${root.number} ${root.title}`, targetDate: root.targetDate },
    ];
  });
  if (subjects.length === 0) return 0;
  const track = await loadPlanTrackRecord(db, { workspaceId, start });
  const simulation = await simulatePlan(db, {
    workspaceId,
    source,
    prepared,
    drawn,
    start,
    trials,
    seed,
    milestones: subjects.map((s) => ({
      id: s.milestoneId,
      itemIds: s.itemIds,
      ...(s.targetDate ? { targetDate: s.targetDate } : {}),
    })),
    pits: track.pits,
  });
  for (const [at, subject] of subjects.entries()) {
    await storeChangedForecast(
      db,
      buildPlanForecastRow({
        workspaceId,
        subject,
        start,
        trials,
        seed,
        simulation,
        drawn,
        at,
        madeBy: null,
        planDigest,
      }),
    );
  }
  return subjects.length;
}
