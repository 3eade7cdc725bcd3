/**
 * Schedules prepared roadmap input, setting aside what the scheduler refuses and trying again,
 * so a plan comes back whenever any part of the work can be planned.
 */
import { buildSchedule, type PlanProblem, type TeamPlanResult } from '../scheduling';
import { type PlanIssue, type PreparedRoadmap, withoutItems } from './prepare-roadmap';

/** Attempts before giving up on setting items aside (each attempt removes at least one item). */
export const MAX_SCHEDULE_ATTEMPTS = 5;

/**
 * The items a scheduler problem is about; empty for a problem of the whole plan.
 * @param problem one reason the scheduler refused the input
 * @returns the item ids it names
 */
export function findProblemItems(problem: PlanProblem): string[] {
  switch (problem.kind) {
    case 'cycle':
      return problem.itemIds;
    case 'missing-skill':
    case 'assignee-lacks-skill':
    case 'unknown-assignee':
    case 'unknown-dependency':
    case 'duplicate-item':
      return [problem.itemId];
    default:
      return [];
  }
}

/**
 * Schedules prepared input. When the scheduler refuses items (a cycle, a missing skill), they are
 * set aside with an issue and the rest is scheduled again, at most {@link MAX_SCHEDULE_ATTEMPTS}
 * times; a problem that names no item ends the attempts with a `not-planned` issue per problem.
 * @param prepared scheduler input from prepareRoadmapInput
 * @returns the final prepared input and its schedule
 */
export function scheduleRoadmap(prepared: PreparedRoadmap): {
  prepared: PreparedRoadmap;
  result: TeamPlanResult;
} {
  let current = prepared;
  for (let attempt = 0; attempt < MAX_SCHEDULE_ATTEMPTS; attempt++) {
    const result = buildSchedule(current.input);
    if (result.status === 'planned') return { prepared: current, result };
    const ids = new Set(result.problems.flatMap(findProblemItems));
    const cycle = result.problems.find((p) => p.kind === 'cycle');
    if (ids.size === 0) {
      return {
        prepared: {
          ...current,
          issues: [
            ...current.issues,
            ...result.problems.map((p) => ({
              kind: 'not-planned' as const,
              message: `The plan cannot be made: ${'message' in p ? p.message : p.kind}`,
              itemIds: [],
            })),
          ],
        },
        result,
      };
    }
    const issue: PlanIssue = cycle
      ? {
          kind: 'cycle',
          message: 'These items wait on each other in a circle: remove one of the dependencies',
          itemIds: [...ids],
        }
      : { kind: 'not-planned', message: 'The scheduler could not place these items', itemIds: [...ids] };
    current = withoutItems(
      { ...current, issues: [...current.issues, issue] },
      ids,
      cycle ? 'cycle' : 'not-planned',
    );
  }
  return { prepared: current, result: buildSchedule(current.input) };
}
