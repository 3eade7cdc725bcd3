/**
 * Builds the staged growth plan (now / 3 months / 12 months) from the findings, and derives
 * the decision-rights changes the plan implies so they can be applied to a workspace at once.
 */
import { type DecisionMatrix, ROLES, type Role } from '../decision-rights';
import { type ConditionContext, evaluateCondition } from './conditions';
import { evaluateHiringTriggers, HIRING_TRIGGERS } from './hiring-triggers';
import { ACTION_TEMPLATES, type ActionTemplate } from './plan-actions';
import { actingRole, describeCompanyRoles, interimHolder, isPresent } from './roles';
import {
  type CompanyRoles,
  type DecisionRightsChange,
  type Finding,
  type GrowthPlan,
  type HiringTriggerResult,
  HORIZONS,
  type PlannedAction,
} from './types';

/** The triggers each action answers, from the trigger catalogue. */
function triggersAnsweredBy(
  actionId: string,
  triggers: readonly HiringTriggerResult[],
): HiringTriggerResult[] {
  const ids = new Set(HIRING_TRIGGERS.filter((t) => t.answeredBy.includes(actionId)).map((t) => t.id));
  return triggers.filter((t) => ids.has(t.id));
}

/** The role that owns an action in this company: never one the founder wears, never one nobody holds. */
function resolveOwner(role: Role, roles: CompanyRoles, hired: ReadonlySet<Role>): Role {
  const acting = actingRole(roles, role);
  if (isPresent(roles, acting) || hired.has(acting)) return acting;
  // The other half of the technical lead takes it: a CTPO for the CTO's actions, and back.
  const other: Role | undefined = acting === 'cto' ? 'ctpo' : acting === 'ctpo' ? 'cto' : undefined;
  if (other && isPresent(roles, other)) return other;
  return 'founder';
}

function planRights(
  template: ActionTemplate,
  context: ConditionContext,
  roles: CompanyRoles,
): DecisionRightsChange[] {
  // Decision rights change a workspace, so each needs its condition known to be true.
  return (template.decisionRights ?? [])
    .filter((c) => c.when === undefined || evaluateCondition(c.when, context) === true)
    .map(({ decision, role, letter }) => {
      const acting = actingRole(roles, role);
      const change: DecisionRightsChange = { decision, role: acting, letter };
      if (letter !== 'C' && letter !== 'I' && !isPresent(roles, acting)) {
        change.interimRole = interimHolder(roles, decision, acting);
      }
      return change;
    });
}

function planAction(options: {
  template: ActionTemplate;
  findings: readonly Finding[];
  triggers: readonly HiringTriggerResult[];
  context: ConditionContext;
}): { action: PlannedAction; hires?: Role } | undefined {
  const { template, findings, context } = options;
  const fixed = findings.filter((f) => template.fixes.includes(f.id));
  const due = triggersAnsweredBy(template.id, options.triggers)
    .filter((t) => t.status === 'due')
    .map((t) => t.id);
  // A due trigger brings its action in even without a finding, so "due" always has a plan.
  if (fixed.length === 0 && due.length === 0) return undefined;
  // An action is a proposal: it is dropped only when its situation is known not to apply.
  if (template.when && evaluateCondition(template.when, context) === false) return undefined;
  const owner =
    template.ownerIf && evaluateCondition(template.ownerIf.when, context) === true
      ? template.ownerIf.owner
      : template.owner;
  const details =
    template.detailsIf && evaluateCondition(template.detailsIf.when, context) === true
      ? template.detailsIf.details
      : template.details;
  const action: PlannedAction = {
    id: template.id,
    title: template.title,
    kind: template.kind,
    owner,
    horizon: fixed.some((f) => f.severity === 'critical')
      ? 'now'
      : // A due trigger is started within the quarter, never left for the year.
        due.length > 0 && template.horizon === '12-months'
        ? '3-months'
        : template.horizon,
    details,
    deliverables: [...(template.deliverables ?? [])],
    exitCriteria: [...template.exitCriteria],
    rationale: fixed.map((f) => ({ findingId: f.id, title: f.title, severity: f.severity })),
    decisionRights: [],
  };
  if (due.length > 0) action.answersTriggers = due;
  if (template.budget) action.budget = template.budget;
  return template.hires ? { action, hires: template.hires } : { action };
}

/**
 * Builds the growth plan.
 * @param options.findings the findings of the assessment
 * @param options.context the answers and metrics, for action conditions and hiring triggers
 * @param options.actions the action catalogue (defaults to the built-in one)
 * @returns actions grouped by horizon, each linked to the findings it fixes and the due
 *   triggers it answers; every hiring trigger with its status and the action that answers it;
 *   and who holds which role. Owners and decision rights are addressed to the role that acts
 *   in this company: a hat the founder wears goes to the founder, and a right held by a role
 *   not yet in the company names who holds it until then (`interimRole`).
 */
export function buildGrowthPlan(options: {
  findings: readonly Finding[];
  context: ConditionContext;
  actions?: readonly ActionTemplate[];
}): GrowthPlan {
  const { context } = options;
  const roles = describeCompanyRoles(context);
  const triggers = evaluateHiringTriggers(context);
  const templates = options.actions ?? ACTION_TEMPLATES;
  const planned = templates.flatMap((template) => {
    const result = planAction({ template, findings: options.findings, triggers, context });
    return result ? [{ template, ...result }] : [];
  });
  const hired = new Set(planned.flatMap((p) => (p.hires ? [p.hires] : [])));
  const actions = planned.map(({ template, action }) => ({
    ...action,
    owner: resolveOwner(action.owner, roles, hired),
    decisionRights: planRights(template, context, roles),
  }));
  const ids = new Set(actions.map((a) => a.id));
  const byId = new Map(HIRING_TRIGGERS.map((t) => [t.id, t]));
  return {
    horizons: HORIZONS.map((horizon) => ({ horizon, actions: actions.filter((a) => a.horizon === horizon) })),
    triggers: triggers.map((t) => ({
      ...t,
      actionId: byId.get(t.id)?.answeredBy.find((id) => ids.has(id)) ?? null,
    })),
    roles,
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
 * holder without naming a new one is skipped. A change that names an `interimRole` makes that
 * role Responsible too, so the decision stays with someone present until the role arrives.
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
  // Until the role arrives, the interim holder may make the decision: at least Responsible.
  for (const change of options.changes) {
    if (!change.interimRole) continue;
    const row = matrix[change.decision];
    if (row[change.interimRole] !== 'A') row[change.interimRole] = 'R';
  }
  return { matrix, skipped };
}
