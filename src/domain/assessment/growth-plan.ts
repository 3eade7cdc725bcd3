/**
 * Builds the staged growth plan (now / 3 months / 12 months) from the findings, and derives
 * the decision-rights changes the plan implies so they can be applied to a workspace at once.
 */
import { type DecisionMatrix, ROLES } from '../decision-rights';
import { type ConditionContext, evaluateCondition } from './conditions';
import { evaluateHiringTriggers } from './hiring-triggers';
import { ACTION_TEMPLATES, type ActionTemplate } from './plan-actions';
import {
  type DecisionRightsChange,
  type Finding,
  type GrowthPlan,
  HORIZONS,
  type PlannedAction,
} from './types';

function planAction(template: ActionTemplate, findings: readonly Finding[], context: ConditionContext) {
  const fixed = findings.filter((f) => template.fixes.includes(f.id));
  if (fixed.length === 0) return undefined;
  // An action is a proposal: it is dropped only when its situation is known not to apply.
  if (template.when && evaluateCondition(template.when, context) === false) return undefined;
  const owner =
    template.ownerIf && evaluateCondition(template.ownerIf.when, context) === true
      ? template.ownerIf.owner
      : template.owner;
  // Decision rights change a workspace, so each needs its condition known to be true.
  const decisionRights: DecisionRightsChange[] = (template.decisionRights ?? [])
    .filter((c) => c.when === undefined || evaluateCondition(c.when, context) === true)
    .map(({ decision, role, letter }) => ({ decision, role, letter }));
  const action: PlannedAction = {
    id: template.id,
    title: template.title,
    kind: template.kind,
    owner,
    horizon: fixed.some((f) => f.severity === 'critical') ? 'now' : template.horizon,
    details: template.details,
    deliverables: [...(template.deliverables ?? [])],
    exitCriteria: [...template.exitCriteria],
    rationale: fixed.map((f) => ({ findingId: f.id, title: f.title, severity: f.severity })),
    decisionRights,
  };
  if (template.budget) action.budget = template.budget;
  return action;
}

/**
 * Builds the growth plan.
 * @param options.findings the findings of the assessment
 * @param options.context the answers and metrics, for action conditions and hiring triggers
 * @param options.actions the action catalogue (defaults to the built-in one)
 * @returns actions grouped by horizon, each linked to the findings it fixes, and every hiring
 *   trigger with its current status
 */
export function buildGrowthPlan(options: {
  findings: readonly Finding[];
  context: ConditionContext;
  actions?: readonly ActionTemplate[];
}): GrowthPlan {
  const planned = (options.actions ?? ACTION_TEMPLATES).flatMap(
    (t) => planAction(t, options.findings, options.context) ?? [],
  );
  return {
    horizons: HORIZONS.map((horizon) => ({ horizon, actions: planned.filter((a) => a.horizon === horizon) })),
    triggers: evaluateHiringTriggers(options.context),
  };
}

export interface ImpliedDecisionRight extends DecisionRightsChange {
  /** The plan action that causes the change. */
  actionId: string;
}

/**
 * The decision-rights matrix changes a plan implies, in the order the plan would apply them.
 * A later accountable (A) on a decision replaces an earlier one, and the role that loses it
 * becomes Responsible, so the result never holds two A's for one decision.
 * @returns one change per decision and role
 */
export function impliedDecisionRights(plan: GrowthPlan): ImpliedDecisionRight[] {
  const changes = new Map<string, ImpliedDecisionRight>();
  for (const { actions } of plan.horizons) {
    for (const action of actions) {
      for (const change of action.decisionRights) {
        if (change.letter === 'A') {
          for (const [key, earlier] of changes) {
            if (
              earlier.decision === change.decision &&
              earlier.letter === 'A' &&
              earlier.role !== change.role
            ) {
              changes.set(key, { ...earlier, letter: 'R', actionId: action.id });
            }
          }
        } else {
          // A lesser letter never takes away an A set by the plan itself.
          const current = changes.get(`${change.decision}:${change.role}`);
          if (current?.letter === 'A') continue;
        }
        changes.set(`${change.decision}:${change.role}`, { ...change, actionId: action.id });
      }
    }
  }
  return [...changes.values()];
}

/**
 * Applies decision-rights changes to a matrix without breaking "exactly one A per decision":
 * a new A demotes the previous holder to R, and a change that would strip the A from its
 * holder without naming a new one is skipped.
 * @param options.matrix the workspace's current matrix (not modified)
 * @param options.changes the changes, e.g. from impliedDecisionRights
 * @returns the new matrix and the changes that were skipped
 */
export function applyDecisionRightsChanges(options: {
  matrix: DecisionMatrix;
  changes: readonly DecisionRightsChange[];
}): { matrix: DecisionMatrix; skipped: DecisionRightsChange[] } {
  const matrix = structuredClone(options.matrix);
  const skipped: DecisionRightsChange[] = [];
  for (const change of options.changes.filter((c) => c.letter === 'A')) {
    const row = matrix[change.decision];
    for (const role of ROLES) if (row[role] === 'A' && role !== change.role) row[role] = 'R';
    row[change.role] = 'A';
  }
  for (const change of options.changes.filter((c) => c.letter !== 'A')) {
    const row = matrix[change.decision];
    if (row[change.role] === 'A') {
      skipped.push(change);
      continue;
    }
    row[change.role] = change.letter;
  }
  return { matrix, skipped };
}
