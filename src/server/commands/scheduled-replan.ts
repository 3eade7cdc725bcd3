/**
 * Scheduled re-plans: each week (by default) every active workspace stores a plan forecast for each roadmap
 * milestone, as if someone had asked on the forecast page, so the weekly brief has a "then" to
 * compare with "now" even when nobody opened the roadmap that week.
 */

import { and, asc, eq, gte, isNull, notInArray, sql } from 'drizzle-orm';
import { CLOSED_ITEM_STATES, FORECAST_DEFAULTS, todayIso } from '../../contract';
import type { Database } from '../../db/client';
import { forecasts, items, memberships, workspaces } from '../../db/schema';
import { digestOf } from '../compute/memo';
import { findActor } from '../policies/access';
import { forecastPlan } from './forecast-plan';
import { loadPlanSource } from './plan-input';
import { getRoadmap } from './roadmap';

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
 * Re-plans one workspace and stores each roadmap milestone's plan forecast, through the same
 * command (and compute pool) as the forecast page, with the default trials and seed. Skipped when
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
  // The forecast needs a member to run as; a scheduled one is stored with no author.
  const [founder] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'founder')))
    .orderBy(asc(memberships.joinedAt), asc(memberships.userId))
    .limit(1);
  const actor = founder ? await findActor(db, founder.userId, workspaceId) : null;
  if (!actor) return { status: 'no-founder' };
  const planDigest = digestOf(await loadPlanSource(db, workspaceId, today));
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
  const roadmap = await getRoadmap(db, workspaceId, { start: today });
  let stored = 0;
  for (const milestone of roadmap.milestones) {
    const forecast = await forecastPlan(
      { db, actor },
      {
        milestone: milestone.id,
        trials: FORECAST_DEFAULTS.planTrials,
        seed: FORECAST_DEFAULTS.seed,
        start: today,
      },
      { scheduled: { planDigest } },
    );
    if (forecast.status === 'ok') stored++;
  }
  return { status: 'replanned', stored };
}
