/**
 * How far a started growth plan got: each action of a started horizon beside the state of the
 * task "start this plan" made for it. A task carries its action's label (`action-<id>`); tasks
 * made before that label existed are matched by their title, which starts as the action's.
 */
import type { Horizon } from './types';

/** Where a started action stands, from its task's state. */
export type ActionProgress = 'done' | 'in_progress' | 'not_started' | 'cancelled';

/** A task of a started plan, as the items table holds it. */
export interface PlanTask {
  number: number;
  title: string;
  state: string;
  labels: readonly string[];
}

export interface StartedAction {
  actionId: string;
  title: string;
  horizon: Horizon;
  itemNumber: number;
  progress: ActionProgress;
}

/**
 * The label every task of one started horizon carries.
 * @param assessmentNumber the assessment whose plan was started
 * @param horizon the horizon started
 */
export function planLabel(assessmentNumber: number, horizon: string): string {
  return `plan-${assessmentNumber}-${horizon}`;
}

/** The label that ties a task to the plan action it was made for. */
export function actionLabel(actionId: string): string {
  return `action-${actionId}`;
}

function progressOf(state: string): ActionProgress {
  if (state === 'done') return 'done';
  if (state === 'cancelled') return 'cancelled';
  if (state === 'in_progress' || state === 'in_review') return 'in_progress';
  return 'not_started';
}

/**
 * The started actions of a growth plan and the state of their tasks.
 * @param options.assessmentNumber the assessment whose plan was started
 * @param options.horizons the plan's horizons with their actions
 * @param options.tasks the workspace's growth-plan tasks (any assessment's; others are ignored)
 * @returns one entry per action whose horizon was started and whose task still exists, in plan order
 */
export function describePlanProgress(options: {
  assessmentNumber: number;
  horizons: readonly { horizon: Horizon; actions: readonly { id: string; title: string }[] }[];
  tasks: readonly PlanTask[];
}): StartedAction[] {
  return options.horizons.flatMap(({ horizon, actions }) => {
    const tasks = options.tasks.filter((t) =>
      t.labels.includes(planLabel(options.assessmentNumber, horizon)),
    );
    const used = new Set<number>();
    return actions.flatMap((action) => {
      const task =
        tasks.find((t) => t.labels.includes(actionLabel(action.id))) ??
        tasks.find((t) => !used.has(t.number) && t.title === action.title && !t.labels.some(isActionLabel));
      if (!task) return [];
      used.add(task.number);
      return [
        {
          actionId: action.id,
          title: action.title,
          horizon,
          itemNumber: task.number,
          progress: progressOf(task.state),
        },
      ];
    });
  });
}

function isActionLabel(label: string): boolean {
  return label.startsWith('action-');
}
