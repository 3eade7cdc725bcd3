import { describe, expect, it } from 'vitest';
import { describePlanProgress, type PlanTask } from './plan-progress';

const horizons = [
  {
    horizon: 'now' as const,
    actions: [
      { id: 'name-product-owner', title: 'Name a product owner' },
      { id: 'founder-runs-delivery', title: 'The founder runs delivery' },
    ],
  },
  { horizon: '3-months' as const, actions: [{ id: 'hire-pm', title: 'Hire a product manager' }] },
];

const task = (number: number, state: string, labels: string[], title = `Task ${number}`): PlanTask => ({
  number,
  title,
  state,
  labels,
});

describe('describePlanProgress', () => {
  it('should give each started action the state of the task labelled for it', () => {
    const result = describePlanProgress({
      assessmentNumber: 2,
      horizons,
      tasks: [
        task(11, 'in_review', ['growth-plan', 'plan-2-now', 'action-founder-runs-delivery']),
        task(10, 'done', ['growth-plan', 'plan-2-now', 'action-name-product-owner']),
        // Another assessment's plan: ignored.
        task(5, 'done', ['growth-plan', 'plan-1-3-months', 'action-hire-pm']),
      ],
    });
    expect(result).toEqual([
      {
        actionId: 'name-product-owner',
        title: 'Name a product owner',
        horizon: 'now',
        itemNumber: 10,
        progress: 'done',
      },
      {
        actionId: 'founder-runs-delivery',
        title: 'The founder runs delivery',
        horizon: 'now',
        itemNumber: 11,
        progress: 'in_progress',
      },
    ]);
  });

  it('should match a task without an action label by its title and leave unstarted horizons out', () => {
    const result = describePlanProgress({
      assessmentNumber: 1,
      horizons,
      tasks: [
        task(3, 'ready', ['growth-plan', 'plan-1-now'], 'Name a product owner'),
        task(4, 'cancelled', ['growth-plan', 'plan-1-now'], 'Renamed by someone'),
      ],
    });
    expect(result.map((a) => [a.actionId, a.itemNumber, a.progress])).toEqual([
      ['name-product-owner', 3, 'not_started'],
    ]);
  });
});
