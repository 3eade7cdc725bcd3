/**
 * The one way Headway simulates a workspace's plan: the roadmap's prepared input, efforts drawn
 * from the team's record (plan-record.ts), every trial re-planned by the roadmap scheduler. The
 * plan forecast and the roadmap's milestone forecasts both run it, so they tell one story.
 */

import type { Database } from '../../db/client';
import { type PlanForecast, type PlanMilestone, runPlanForecast } from '../../domain/forecasting';
import {
  type PlanSource,
  type PreparedRoadmap,
  prepareRoadmapInput,
  scheduleRoadmap,
} from '../../domain/planning';
import { buildSchedule } from '../../domain/scheduling';
import { loadPlanRecord, type PlanRecord } from './plan-record';

export interface PlanSimulation {
  prepared: PreparedRoadmap;
  record: PlanRecord;
  result: PlanForecast;
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
 * The roadmap's prepared input, as the roadmap scheduler leaves it (who is planned, on whom).
 * @param source the planning source, loaded for the plan's start
 */
export function prepareSimulation(source: PlanSource): PreparedRoadmap {
  return scheduleRoadmap(prepareRoadmapInput(source)).prepared;
}

/**
 * Runs the Monte Carlo over a prepared roadmap.
 * @param db the database (the team's record is read from it)
 * @param options.workspaceId the workspace
 * @param options.source the planning source the roadmap was prepared from
 * @param options.prepared its prepared input (see prepareSimulation)
 * @param options.start the first plan day
 * @param options.trials trials
 * @param options.seed seed: the same seed and data give the same answer
 * @param options.milestones the groups to report
 */
export async function simulatePlan(
  db: Database,
  options: {
    workspaceId: string;
    source: PlanSource;
    prepared: PreparedRoadmap;
    start: string;
    trials: number;
    seed: number;
    milestones: readonly PlanMilestone[];
  },
): Promise<PlanSimulation> {
  const { source, prepared, start, trials, seed } = options;
  const planned = prepared.input.items;
  const typeOf = new Map(source.items.map((it) => [it.id, it.type]));
  const record = await loadPlanRecord(db, {
    workspaceId: options.workspaceId,
    start,
    planned: planned.map((it) => ({ id: it.id, type: typeOf.get(it.id) ?? 'task' })),
    totalFte: prepared.input.people.reduce((sum, p) => sum + p.fte, 0),
  });
  const finishes = new Float64Array(planned.length);
  const result = runPlanForecast({
    items: planned.map((it) => ({
      id: it.id,
      estimate: prepared.estimates.get(it.id)!,
      ratios: record.ratiosOf.get(it.id),
    })),
    trials,
    seed,
    start,
    milestones: options.milestones,
    focus: record.focus.value,
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
  return { prepared, record, result };
}
