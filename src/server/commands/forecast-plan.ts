/** Plan forecasts: Monte Carlo over the estimates, through the roadmap scheduler; stored for the track record. */

import { type PlanForecastQuery, type PlanForecastView, splitIdList, todayIso } from '../../contract';
import type { forecasts } from '../../db/schema';
import { buildFinishHistogram, type PlanMilestone } from '../../domain/forecasting';
import { findOpenLeaves } from '../../domain/planning';
import { addDays, readDayNumber } from '../../domain/shared';
import { AppError, notFound } from '../errors';
import { isUuid } from '../policies/access';
import type { CommandContext } from './context';
import { storeChangedForecast } from './forecast-store';
import { loadPlanSource } from './plan-input';
import { loadPlanTrackRecord } from './plan-record';
import {
  type DrawnSizes,
  describeUnestimated,
  groupMilestones,
  type PlanSimulation,
  prepareEstimatedOnly,
  prepareSimulation,
  presentPlanRecord,
  simulatePlan,
} from './plan-simulation';
import { comparePlanWithThroughput } from './plan-vs-throughput';

/**
 * A plan forecast: each trial draws every planned item's effort and runs the roadmap scheduler,
 * so the dates follow the product order, the dependencies and the people. An effort is the
 * likely estimate × the actual/estimate ratio of a completed item like it when the team's record
 * has enough of them, else a draw from the three-point estimate (PERT); every effort is divided
 * by the focus factor learned from the work delivered in the last 90 days. An item nobody
 * estimated is drawn from the team's size distribution, and the answer says how many were and
 * what they add (the subject's P85 with and without them). Stored for the track record unless
 * its subject's latest stored forecast is the same one (then its id is the answer's).
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
  const { prepared, drawn } = await prepareSimulation(db, { workspaceId: actor.workspaceId, source, start });
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
  const milestones: PlanMilestone[] = [
    { id: 'subject', itemIds: subjectIds, ...(targetDate ? { targetDate } : {}) },
    ...groupMilestones(prepared, (id) => byId.get(id)?.targetDate),
  ];
  const track = await loadPlanTrackRecord(db, { workspaceId: actor.workspaceId, start });
  const { record, result, simulated, recalibration } = await simulatePlan(db, {
    workspaceId: actor.workspaceId,
    source,
    prepared,
    drawn,
    start,
    trials,
    seed,
    milestones,
    pits: track.pits,
  });
  const drawnInSubject = subjectIds.filter((id) => drawn.itemIds.has(id)).length;
  const p85Of = (percentiles: readonly { level: number; date: string | null }[]) =>
    percentiles.find((p) => p.level === 85)?.date ?? null;
  const p85With = p85Of(result.milestones[0]!.percentiles);
  let p85Without: string | null = null;
  if (drawnInSubject > 0) {
    // The same question without the unestimated items, so the answer can say what they add.
    const estimated = subjectIds.filter((id) => !drawn.itemIds.has(id));
    if (estimated.length > 0) {
      const without = await simulatePlan(db, {
        workspaceId: actor.workspaceId,
        source,
        prepared: prepareEstimatedOnly(source),
        start,
        trials,
        seed,
        milestones: [{ id: 'subject', itemIds: estimated }],
        pits: track.pits,
      });
      p85Without = p85Of(without.result.milestones[0]!.percentiles);
    }
  }
  const comparison = await comparePlanWithThroughput(db, {
    workspaceId: actor.workspaceId,
    start,
    seed,
    result,
    subjectItems: subjectIds.length,
    unestimated: drawnInSubject,
    record,
  });
  const present = presentPercentilesFrom(start);
  const [subjectForecast, ...milestoneForecasts] = result.milestones;
  const subjectPercentiles = subjectForecast!.percentiles.map(present);
  const subjectItems = new Set(subjectIds);
  const forecastId = await storeChangedForecast(
    db,
    buildPlanForecastRow({
      workspaceId: actor.workspaceId,
      subject: { milestoneId, itemIds: subjectIds, title, targetDate },
      start,
      trials,
      seed,
      simulation: { prepared, record, result, simulated },
      drawn,
      at: 0,
      madeBy: actor.userId,
    }),
  );
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
      distribution: subjectForecast!.curve.map((p) => ({
        dayOffset: p.dayOffset,
        date: addDays(start, p.dayOffset),
        probability: p.probability,
      })),
    },
    unestimated: { count: drawnInSubject, p85With: drawnInSubject > 0 ? p85With : null, p85Without },
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
    record: presentPlanRecord(record, drawn, track.line, recalibration),
    comparison,
    notes: [
      `${trials} trials; each draws every planned item's effort and re-plans ${planned.length} items on ${prepared.input.people.length} people in the product order.`,
      record.efforts.note,
      record.focus.note,
      ...describeUnestimated({ drawn, count: drawnInSubject, p85With, p85Without }),
      ...(unplanned.length > 0
        ? [`${unplanned.length} item(s) of this work cannot be planned and are not in the dates.`]
        : []),
    ],
  };
}

/**
 * Percentiles as a plan forecast shows and stores them: each date with its day offset from the start.
 * @param start the forecast's first day
 */
export function presentPercentilesFrom(start: string) {
  const startDay = readDayNumber(start);
  return (p: { level: number; date: string | null }) => ({
    level: p.level,
    date: p.date,
    dayOffset: p.date === null ? null : readDayNumber(p.date) - startDay,
  });
}

/**
 * The stored row of one subject's plan forecast, read from a simulation that reported it among
 * its milestones: the forecast page's and the scheduled re-plan's forecasts have this one shape.
 * @param options.subject what the forecast is about (the milestone, its planned open items)
 * @param options.simulation the simulation (simulatePlan's answer) that reported the subject
 * @param options.drawn the unestimated items the simulation drew from the team's sizes
 * @param options.at the subject's position among the simulation's milestones
 * @param options.madeBy who asked; null for a scheduled re-plan
 * @param options.planDigest a scheduled re-plan's digest of the plan inputs it ran on
 */
export function buildPlanForecastRow(options: {
  workspaceId: string;
  subject: { milestoneId: string | null; itemIds: string[]; title: string; targetDate: string | null };
  start: string;
  trials: number;
  seed: number;
  simulation: Pick<PlanSimulation, 'prepared' | 'record' | 'result' | 'simulated'>;
  drawn: DrawnSizes;
  at: number;
  madeBy: string | null;
  planDigest?: string;
}): typeof forecasts.$inferInsert {
  const { subject, start, trials, seed, simulation, drawn, at, planDigest } = options;
  const { prepared, record, result, simulated } = simulation;
  return {
    workspaceId: options.workspaceId,
    kind: 'plan',
    subject,
    method: result.method,
    inputs: {
      trials,
      seed,
      plannedItems: prepared.input.items.length,
      people: prepared.input.people.length,
      focus: record.focus.value,
      effortsFromRecord: record.efforts.fromRecord,
      unestimatedDrawn: subject.itemIds.filter((id) => drawn.itemIds.has(id)).length,
      sizeSource: drawn.sizes.status,
      ...(planDigest === undefined ? {} : { scheduled: true, planDigest }),
    },
    startDate: start,
    percentiles: result.milestones[at]!.percentiles.map(presentPercentilesFrom(start)),
    // The simulation as drawn: its PIT, once scored, is what later plan forecasts recalibrate on.
    distribution: buildFinishHistogram(simulated.milestones[at]!.curve, trials),
    madeBy: options.madeBy,
  };
}
