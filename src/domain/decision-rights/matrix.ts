import { isOneOf } from '../shared';
import {
  agreeWith,
  DECISION_INFO,
  DECISIONS,
  type Decision,
  type Letter,
  ROLES,
  type Role,
} from './catalogue';

/** A full decisions × roles table. Every cell is set; exactly one A per decision. */
export type DecisionMatrix = Record<Decision, Record<Role, Letter>>;

function row(accountable: Role, responsible: Role[], consulted: Role[]): Record<Role, Letter> {
  const out = {} as Record<Role, Letter>;
  for (const role of ROLES) {
    out[role] =
      role === accountable ? 'A' : responsible.includes(role) ? 'R' : consulted.includes(role) ? 'C' : 'I';
  }
  return out;
}

/**
 * The default matrix for a new workspace.
 *
 * Source: domain research §5.2 (seed-stage split model), rows 3–8, 11–15 and 22–23, simplified
 * to the decisions Headway enforces. Product rows are owned by the product manager (delivery,
 * day-to-day order) or the CPO (scope, roadmap, method); tech rows by the CTO. A CTPO is R on
 * both sides. Designers are R on product-content rows because, without a PM, an experienced
 * UI/UX designer owns day-to-day product decisions.
 */
export function defaultDecisionMatrix(): DecisionMatrix {
  return {
    backlog_order: row('product_manager', ['cpo', 'ctpo', 'designer'], ['founder', 'cto', 'developer']),
    scope: row('cpo', ['founder', 'ctpo', 'product_manager', 'designer'], ['cto', 'developer']),
    requirements: row('product_manager', ['cpo', 'ctpo', 'designer'], ['founder', 'cto', 'developer']),
    delivery_dates: row('product_manager', ['cpo', 'ctpo'], ['founder', 'cto', 'designer', 'developer']),
    roadmap: row('cpo', ['ctpo', 'product_manager', 'founder'], ['cto', 'designer', 'developer']),
    prioritization_method: row('cpo', ['ctpo', 'product_manager'], ['founder', 'cto', 'designer']),
    assignment: row('product_manager', ['cpo', 'ctpo', 'cto', 'developer'], ['designer']),
    estimates: row('cto', ['ctpo', 'developer'], ['product_manager', 'designer', 'cpo']),
    technical_approach: row('cto', ['ctpo', 'developer'], ['product_manager', 'designer']),
    dependencies: row('cto', ['ctpo', 'developer'], ['product_manager', 'designer', 'cpo']),
    team: row('founder', [], ['cto', 'ctpo', 'cpo', 'product_manager']),
  };
}

/** True when a role may make the decision itself: it is Responsible or Accountable for it. */
export function canDecide(matrix: DecisionMatrix, role: Role, decision: Decision): boolean {
  const letter = matrix[decision][role];
  return letter === 'A' || letter === 'R';
}

/** The single accountable role of a decision. */
export function accountableRole(matrix: DecisionMatrix, decision: Decision): Role {
  const found = ROLES.find((role) => matrix[decision][role] === 'A');
  if (!found) throw new Error(`decision matrix has no accountable role for ${decision}`);
  return found;
}

export interface MatrixProblem {
  decision: string;
  message: string;
}

/**
 * Checks a proposed matrix: every known decision and role present with a valid letter, and
 * exactly one accountable role per decision.
 * @returns the list of problems, empty when the matrix is sound.
 */
export function findMatrixProblems(candidate: Record<string, Record<string, string>>): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  for (const key of Object.keys(candidate)) {
    if (!isOneOf(DECISIONS, key)) {
      problems.push({ decision: key, message: `unknown decision "${key}"; known: ${DECISIONS.join(', ')}` });
    }
  }
  for (const decision of DECISIONS) {
    const cells = candidate[decision];
    if (!cells) {
      problems.push({ decision, message: `missing row for "${decision}"` });
      continue;
    }
    for (const key of Object.keys(cells)) {
      if (!isOneOf(ROLES, key)) {
        problems.push({ decision, message: `unknown role "${key}"; known: ${ROLES.join(', ')}` });
      }
    }
    let accountable = 0;
    for (const role of ROLES) {
      const letter = cells[role];
      if (letter === undefined) {
        problems.push({ decision, message: `missing letter for role "${role}"` });
      } else if (letter !== 'R' && letter !== 'A' && letter !== 'C' && letter !== 'I') {
        problems.push({ decision, message: `"${letter}" for ${role} is not one of R, A, C, I` });
      } else if (letter === 'A') {
        accountable += 1;
      }
    }
    if (accountable !== 1) {
      problems.push({
        decision,
        message: `${DECISION_INFO[decision].label} ${agreeWith(decision, 'needs', 'need')} exactly one accountable (A) role, found ${accountable}`,
      });
    }
  }
  return problems;
}

/**
 * Whether a candidate is a sound matrix (see findMatrixProblems), so it can be used as one.
 * @param candidate the proposed matrix, e.g. from a request or an imported file
 * @returns true when it has no problems
 */
export function isDecisionMatrix(
  candidate: Record<string, Record<string, string>>,
): candidate is DecisionMatrix {
  return findMatrixProblems(candidate).length === 0;
}

export interface Holder {
  userId: string;
  name: string;
  role: Role;
}

/**
 * The people who hold a decision in a team: those in the accountable role, or, when nobody
 * holds that role, those who are responsible for it.
 */
export function findHolders(
  matrix: DecisionMatrix,
  decision: Decision,
  members: readonly Holder[],
): Holder[] {
  const accountable = members.filter((m) => matrix[decision][m.role] === 'A');
  if (accountable.length > 0) return accountable;
  return members.filter((m) => matrix[decision][m.role] === 'R');
}
