/**
 * The one way Headway simulates a workspace's plan: the roadmap's prepared input, efforts drawn
 * from the team's record (plan-record.ts), every trial re-planned by the roadmap scheduler. The
 * plan forecast and the roadmap's milestone forecasts both run it, so they tell one story.
 */

import type { Database } from '../../db/client';
import {
  buildPitRecalibration,
  type CensoredValue,
  DEFAULT_LEVELS,
  type PitRecalibration,
  type PlanForecast,
  type PlanMilestone,
  recalibrateFinishForecast,
  type SizeDistribution,
  typicalSize,
} from '../../domain/forecasting';
import {
  expectedEffort,
  isOpenLeaf,
  type PlanSource,
  type PreparedRoadmap,
  prepareRoadmapInput,
  scheduleRoadmap,
} from '../../domain/planning';
import { getComputePool } from '../compute/pool';
import { loadPlanRecord, loadSizeDistribution, type PlanRecord } from './plan-record';

/** Planned items nobody estimated, whose effort every trial draws from the team's sizes. */
export interface DrawnSizes {
  /** The planned items drawn this way. */
  itemIds: ReadonlySet<string>;
  sizes: SizeDistribution;
}

export interface PlanSimulation {
  prepared: PreparedRoadmap;
  record: PlanRecord;
  result: PlanForecast;
  /** The simulation as drawn, before any recalibration: what a stored forecast's PIT is read against. */
  simulated: PlanForecast;
  /** The recalibration on scored plan forecasts its dates were read through; null with too few. */
  recalibration: PitRecalibration | null;
}

/**
 * What a simulation learned from the team's record, as the API answers it.
 * @param record the team's record the simulation used
 * @param drawn the unestimated items it drew from the team's sizes
 * @param trackRecord the plan forecasts' track record in one line (loadPlanTrackRecord's)
 * @param recalibration the recalibration the simulation's dates were read through, if any
 */
export function presentPlanRecord(
  record: PlanRecord,
  drawn: DrawnSizes,
  trackRecord: string,
  recalibration: PitRecalibration | null,
) {
  return {
    focus: record.focus.value,
    focusStatus: record.focus.status,
    effortsFromRecord: record.efforts.fromRecord,
    effortsFromEstimate: record.efforts.fromEstimate,
    unestimatedDrawn: drawn.itemIds.size,
    sizeSource: drawn.sizes.status,
    trackRecord: recalibration
      ? `${trackRecord}; dates recalibrated on where ${recalibration.forecasts} of them landed (P85 read at ${recalibration.readAt(85).toFixed(0)} % of the simulation)`
      : trackRecord,
  };
}

/**
 * The sentences that say how a forecast counted the work nobody estimated.
 * @param options.drawn the unestimated items drawn from the team's sizes, and where those come from
 * @param options.count how many of them are in the forecast's subject
 * @param options.p85With the subject's P85 with them
 * @param options.p85Without the subject's P85 without them (null when nothing else is left)
 * @returns no sentence when the subject has none; otherwise what was drawn and what it adds
 */
export function describeUnestimated(options: {
  drawn: DrawnSizes;
  count: number;
  p85With: string | null;
  p85Without: string | null;
}): string[] {
  const { drawn, count, p85With, p85Without } = options;
  if (count === 0) return [];
  const effect =
    p85Without === null
      ? 'all of this work is unestimated, so there is no date without it'
      : p85With === p85Without
        ? `they leave the P85 where it is without them (${p85Without})`
        : `they move the P85 from ${p85Without ?? 'no date'} (without them) to ${p85With ?? 'no date'}`;
  return [
    `${count} item(s) of this work have no estimate: every trial draws each one's effort from ${drawn.sizes.note}; ${effect}.`,
  ];
}

/**
 * Every roadmap milestone with the planned items under it and its target date.
 * @param prepared the prepared roadmap input
 * @param targetOf a milestone's target date, when it has one
 */
export function groupMilestones(
  prepared: PreparedRoadmap,
  targetOf: (id: string) => string | null | undefined,
): PlanMilestone[] {
  const groups = new Map<string, string[]>();
  for (const it of prepared.input.items) {
    const m = prepared.milestoneOf.get(it.id);
    if (m) groups.set(m, [...(groups.get(m) ?? []), it.id]);
  }
  return [...groups].map(([id, itemIds]) => {
    const target = targetOf(id);
    return { id, itemIds, ...(target ? { targetDate: target } : {}) };
  });
}

/**
 * The roadmap's prepared input, as the roadmap scheduler leaves it (who is planned, on whom),
 * with only the estimated work: what the forecast answers without its unestimated items.
 * @param source the planning source, loaded for the plan's start
 */
export function prepareEstimatedOnly(source: PlanSource): PreparedRoadmap {
  return scheduleRoadmap(prepareRoadmapInput(source)).prepared;
}

/**
 * The prepared input a forecast simulates: the roadmap's, plus every open item nobody estimated,
 * placed as a typical item of the team and drawn in each trial from the team's size
 * distribution (completed work before the start; the estimated open work when the record is too
 * short). With neither, unestimated items stay out, as the roadmap leaves them.
 * @param db the database
 * @param options.workspaceId the workspace
 * @param options.source the planning source, loaded for the plan's start
 * @param options.start the first plan day: only work completed before it is read
 */
export async function prepareSimulation(
  db: Database,
  options: { workspaceId: string; source: PlanSource; start: string },
): Promise<{ prepared: PreparedRoadmap; drawn: DrawnSizes }> {
  const { source } = options;
  const fallback = source.items
    .filter((it) => it.estimate !== null && isOpenLeaf(it))
    .map((it) => expectedEffort(it.estimate!));
  const sizes = await loadSizeDistribution(db, { ...options, fallback });
  const unestimated = new Set<string>();
  let filled = source;
  if (sizes.efforts.length > 0) {
    // The deterministic pass places each one as a typical item; the trials draw the real effort.
    const typical = typicalSize(sizes);
    filled = {
      ...source,
      items: source.items.map((it) => {
        if (it.estimate !== null || !isOpenLeaf(it)) return it;
        unestimated.add(it.id);
        return { ...it, estimate: { optimistic: typical, likely: typical, pessimistic: typical } };
      }),
    };
  }
  const prepared = scheduleRoadmap(prepareRoadmapInput(filled)).prepared;
  const itemIds = new Set(prepared.input.items.filter((it) => unestimated.has(it.id)).map((it) => it.id));
  return { prepared, drawn: { itemIds, sizes } };
}

/**
 * Runs the Monte Carlo over a prepared roadmap, on a compute thread when it is large enough.
 * @param db the database (the team's record is read from it)
 * @param options.workspaceId the workspace
 * @param options.source the planning source the roadmap was prepared from
 * @param options.prepared its prepared input (see prepareSimulation)
 * @param options.drawn the unestimated items prepareSimulation placed, drawn from the team's sizes
 * @param options.start the first plan day
 * @param options.trials trials
 * @param options.seed seed: the same seed and data give the same answer
 * @param options.milestones the groups to report
 * @param options.pits where scored plan forecasts landed; with enough, the dates are recalibrated
 */
export async function simulatePlan(
  db: Database,
  options: {
    workspaceId: string;
    source: PlanSource;
    prepared: PreparedRoadmap;
    /** Items drawn from the team's sizes instead of their (placeholder) estimates. */
    drawn?: DrawnSizes;
    start: string;
    trials: number;
    seed: number;
    milestones: readonly PlanMilestone[];
    /** PITs of the plan forecasts scored before the start (loadPlanTrackRecord): read through them once enough. */
    pits?: readonly CensoredValue[];
  },
): Promise<PlanSimulation> {
  const { source, prepared, drawn, start, trials, seed } = options;
  const planned = prepared.input.items;
  const typeOf = new Map(source.items.map((it) => [it.id, it.type]));
  const record = await loadPlanRecord(db, {
    workspaceId: options.workspaceId,
    start,
    // Items drawn from the team's sizes have no estimate for the record to correct.
    planned: planned
      .filter((it) => !drawn?.itemIds.has(it.id))
      .map((it) => ({ id: it.id, type: typeOf.get(it.id) ?? 'task' })),
    totalFte: prepared.input.people.reduce((sum, p) => sum + p.fte, 0),
  });
  // Once enough plan forecasts are scored, each level is read where their outcomes say it holds.
  const recalibration = buildPitRecalibration(options.pits ?? []);
  const levels = DEFAULT_LEVELS;
  // The trials run on a compute thread (compute/pool.ts): the same answer, the event loop free.
  const simulated = await getComputePool().run(
    'simulatePlan',
    {
      plan: prepared.input,
      efforts: planned.map((it) => ({
        id: it.id,
        estimate: prepared.estimates.get(it.id)!,
        ratios: record.ratiosOf.get(it.id),
        sizes: drawn?.itemIds.has(it.id) ? drawn.sizes.efforts : undefined,
        elapsed: prepared.elapsed.get(it.id),
      })),
      trials,
      seed,
      start,
      milestones: options.milestones,
      focus: record.focus.value,
      ...(recalibration ? { levels: levels.map((level) => recalibration.readAt(level)) } : {}),
    },
    trials * planned.length,
  );
  const result = recalibration
    ? {
        ...simulated,
        items: simulated.items.map((f) => recalibrateFinishForecast(f, levels, recalibration)),
        milestones: simulated.milestones.map((f) => recalibrateFinishForecast(f, levels, recalibration)),
        plan: recalibrateFinishForecast(simulated.plan, levels, recalibration),
      }
    : simulated;
  return { prepared, record, result, simulated, recalibration };
}
