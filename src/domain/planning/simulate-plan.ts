/**
 * The plan forecast's Monte Carlo as one pure computation: every trial draws each planned item's
 * effort and re-plans the whole roadmap with the team scheduler. Its input and answer are plain
 * data (arrays, typed arrays, strings, numbers), so it can run on a worker thread as well as in
 * the caller's, with the same answer for the same seed.
 */
import { type PlanForecast, type PlanItem, type PlanMilestone, runPlanForecast } from '../forecasting';
import { buildSchedule, type TeamPlanInput } from '../scheduling';

/** Everything one plan simulation needs. */
export interface PlanSimulationInput {
  /** The scheduler's input every trial re-plans (the prepared roadmap's). */
  plan: TeamPlanInput;
  /** How to draw each planned item's effort, in the order of `plan.items`. */
  efforts: PlanItem[];
  trials: number;
  /** The same seed and input give the same answer. */
  seed: number;
  /** The first plan day (YYYY-MM-DD). */
  start: string;
  /** The groups of items to report. */
  milestones: readonly PlanMilestone[];
  /** The share of capacity that goes to planned work (0 < focus ≤ 1). */
  focus: number;
  /** The percentile levels to read, when not the default ones (recalibrated levels). */
  levels?: readonly number[];
}

/**
 * Runs the plan Monte Carlo: each trial's drawn efforts replace the planned items' efforts and
 * the team scheduler places them; a trial the scheduler refuses counts as incomplete.
 * @param input the plan, the effort draws and the trials (see PlanSimulationInput)
 * @returns finish percentiles per item, milestone and the whole plan
 */
export function simulatePlanTrials(input: PlanSimulationInput): PlanForecast {
  const { plan, efforts, trials, seed, start, milestones, focus, levels } = input;
  const finishes = new Float64Array(plan.items.length);
  return runPlanForecast({
    items: efforts,
    trials,
    seed,
    start,
    milestones,
    focus,
    ...(levels ? { levels } : {}),
    schedule: (durations) => {
      const placed = buildSchedule({
        ...plan,
        items: plan.items.map((it, i) => ({ ...it, effortDays: durations[i]! })),
      });
      if (placed.status !== 'planned') finishes.fill(Number.NaN);
      else
        placed.items.forEach((s, i) => {
          finishes[i] = s.endDay;
        });
      return finishes;
    },
  });
}
