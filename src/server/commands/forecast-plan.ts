/** Plan forecasts: Monte Carlo over the estimates, through the roadmap scheduler; stored for the track record. */

import { type PlanForecastQuery, type PlanForecastView, splitIdList, todayIso } from '../../contract';
import { type PlanMilestone, runPlanForecast } from '../../domain/forecasting';
import { findOpenLeaves, prepareRoadmapInput, scheduleRoadmap } from '../../domain/planning';
import { buildSchedule } from '../../domain/scheduling';
import { readDayNumber } from '../../domain/shared';
import { AppError, notFound } from '../errors';
import { isUuid } from '../policies/access';
import type { CommandContext } from './context';
import { storeForecast } from './forecasts';
import { loadPlanSource } from './plan-input';

/**
 * A plan forecast: each trial draws every planned item's effort from its three-point estimate
 * (PERT, right-skewed) and runs the roadmap scheduler, so the dates follow the product order,
 * the dependencies and the people. Stored for the track record.
 * @param ctx the database and the member asking
 * @param query the parsed question (PlanForecastQuerySchema holds its rules): milestone (an
 *   initiative or epic) or items (ids, comma-separated); trials, seed, start, target
 * @returns date percentiles for the subject, its items and every milestone, with P(on time)
 */
export async function forecastPlan(ctx: CommandContext, query: PlanForecastQuery): Promise<PlanForecastView> {
  const { db, actor } = ctx;
  const start = query.start ?? todayIso();
  const { trials, seed } = query;
  const source = await loadPlanSource(db, actor.workspaceId, start);
  const byId = new Map(source.items.map((it) => [it.id, it]));
  let title: string;
  let milestoneId: string | null = null;
  let targetDate = query.target ?? null;
  let leaves: string[];
  if (query.milestone !== undefined) {
    const root = isUuid(query.milestone) ? byId.get(query.milestone) : undefined;
    if (!root) throw notFound('Milestone');
    milestoneId = root.id;
    title = `#${root.number} ${root.title}`;
    targetDate ??= root.targetDate;
    leaves = findOpenLeaves(source, root.id).map((it) => it.id);
  } else {
    const ids = splitIdList(query.items!);
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      throw new AppError('validation_failed', `items: no such item in this workspace: ${unknown.join(', ')}`);
    }
    leaves = ids.flatMap((id) => findOpenLeaves(source, id).map((it) => it.id));
    title =
      ids.length === 1 ? `#${byId.get(ids[0]!)!.number} ${byId.get(ids[0]!)!.title}` : `${ids.length} items`;
  }
  const { prepared } = scheduleRoadmap(prepareRoadmapInput(source));
  const planned = prepared.input.items;
  const plannedIds = new Set(planned.map((it) => it.id));
  const reasonOf = new Map(prepared.unplanned.map((u) => [u.itemId, u.reason]));
  const subjectIds = leaves.filter((id) => plannedIds.has(id));
  const unplanned = leaves
    .filter((id) => !plannedIds.has(id))
    .map((itemId) => ({ itemId, reason: reasonOf.get(itemId) ?? 'not-planned' }));
  if (subjectIds.length === 0) {
    return {
      status: 'nothing-to-forecast',
      reason:
        leaves.length === 0
          ? 'There is no open work to forecast: everything here is done or cut'
          : 'None of this work can be planned yet (see unplanned): estimate it, or find someone with the skills',
      unplanned,
    };
  }

  const titleOf = (id: string) => {
    const it = byId.get(id);
    return it ? `#${it.number} ${it.title}` : id;
  };
  const milestoneGroups = new Map<string, string[]>();
  for (const it of planned) {
    const m = prepared.milestoneOf.get(it.id);
    if (m) milestoneGroups.set(m, [...(milestoneGroups.get(m) ?? []), it.id]);
  }
  const milestones: PlanMilestone[] = [
    { id: 'subject', itemIds: subjectIds, ...(targetDate ? { targetDate } : {}) },
    ...[...milestoneGroups].map(([id, itemIds]) => {
      const target = byId.get(id)?.targetDate;
      return { id, itemIds, ...(target ? { targetDate: target } : {}) };
    }),
  ];
  const finishes = new Float64Array(planned.length);
  const result = runPlanForecast({
    items: planned.map((it) => ({ id: it.id, estimate: prepared.estimates.get(it.id)! })),
    trials,
    seed,
    start,
    milestones,
    schedule: (durations) => {
      const plan = buildSchedule({
        ...prepared.input,
        items: planned.map((it, i) => ({ ...it, effortDays: durations[i]! })),
      });
      if (plan.status !== 'planned') finishes.fill(Number.NaN);
      else
        plan.items.forEach((s, i) => {
          finishes[i] = s.endDay;
        });
      return finishes;
    },
  });
  const startDay = readDayNumber(start);
  const present = (p: { level: number; date: string | null }) => ({
    level: p.level,
    date: p.date,
    dayOffset: p.date === null ? null : readDayNumber(p.date) - startDay,
  });
  const [subjectForecast, ...milestoneForecasts] = result.milestones;
  const subjectPercentiles = subjectForecast!.percentiles.map(present);
  const subjectItems = new Set(subjectIds);
  const forecastId = await storeForecast(db, {
    workspaceId: actor.workspaceId,
    kind: 'plan',
    subject: { milestoneId, itemIds: subjectIds, title, targetDate },
    method: result.method,
    inputs: { trials, seed, plannedItems: planned.length, people: prepared.input.people.length },
    startDate: start,
    percentiles: subjectPercentiles,
    distribution: null,
    madeBy: actor.userId,
  });
  return {
    status: 'ok',
    forecastId,
    kind: 'plan',
    method: result.method,
    start,
    trials,
    seed,
    subject: {
      id: 'subject',
      milestoneId,
      itemIds: subjectIds,
      title,
      targetDate,
      percentiles: subjectPercentiles,
      probabilityOnTime: subjectForecast!.probabilityOnTime,
    },
    items: result.items
      .filter((f) => subjectItems.has(f.id))
      .map((f) => ({
        id: f.id,
        title: titleOf(f.id),
        targetDate: null,
        percentiles: f.percentiles.map(present),
        probabilityOnTime: null,
      })),
    milestones: milestoneForecasts.map((f) => ({
      id: f.id,
      title: titleOf(f.id),
      targetDate: byId.get(f.id)?.targetDate ?? null,
      percentiles: f.percentiles.map(present),
      probabilityOnTime: f.probabilityOnTime,
    })),
    unplanned,
    incompleteTrials: result.incompleteTrials,
    notes: [
      `${trials} trials; each draws every planned item's effort from its three-point estimate (PERT) and re-plans ${planned.length} items on ${prepared.input.people.length} people in the product order.`,
      ...(unplanned.length > 0
        ? [`${unplanned.length} item(s) of this work cannot be planned and are not in the dates.`]
        : []),
    ],
  };
}
