/**
 * The pure computations that may run on a compute thread, by name. Each takes and returns plain
 * data that survives a structured clone (no functions, no class instances but Map, Set, Date and
 * typed arrays), so the worker and the calling thread give the same answer.
 */

import type { PlanForecast } from '../../domain/forecasting';
import {
  type PlanSimulationInput,
  type PlanSource,
  type PreparedRoadmap,
  prepareRoadmapInput,
  scheduleRoadmap,
  simulatePlanTrials,
} from '../../domain/planning';
import type { TeamPlanResult } from '../../domain/scheduling';

export const COMPUTE_TASKS = {
  /** The plan forecast's Monte Carlo over the roadmap scheduler. */
  simulatePlan: (input: PlanSimulationInput): PlanForecast => simulatePlanTrials(input),
  /** A re-plan: the roadmap's input prepared from a planning source and scheduled. */
  scheduleRoadmap: (source: PlanSource): { prepared: PreparedRoadmap; result: TeamPlanResult } =>
    scheduleRoadmap(prepareRoadmapInput(source)),
} as const;

export type ComputeTask = keyof typeof COMPUTE_TASKS;
export type ComputeInput<K extends ComputeTask> = Parameters<(typeof COMPUTE_TASKS)[K]>[0];
export type ComputeOutput<K extends ComputeTask> = ReturnType<(typeof COMPUTE_TASKS)[K]>;

/** What the calling thread sends a compute thread: a task with the input of that task. */
export type ComputeRequest = {
  [K in ComputeTask]: { id: number; task: K; input: ComputeInput<K> };
}[ComputeTask];

/** What a compute thread answers: the output, or the message and stack of what it threw. */
export type ComputeReply =
  | { id: number; ok: true; output: unknown }
  | { id: number; ok: false; message: string; stack?: string | undefined };

/**
 * Runs one task in the calling thread.
 * @param task the task's name
 * @param input its input
 * @returns its output
 */
export function runComputeTask<K extends ComputeTask>(task: K, input: ComputeInput<K>): ComputeOutput<K> {
  const run = COMPUTE_TASKS[task] as (input: ComputeInput<K>) => ComputeOutput<K>;
  return run(input);
}

/**
 * Runs one request a compute thread received, its input narrowed by its task's name.
 * @returns the task's output
 */
export function runComputeRequest(request: ComputeRequest): unknown {
  switch (request.task) {
    case 'simulatePlan':
      return COMPUTE_TASKS.simulatePlan(request.input);
    case 'scheduleRoadmap':
      return COMPUTE_TASKS.scheduleRoadmap(request.input);
  }
}
