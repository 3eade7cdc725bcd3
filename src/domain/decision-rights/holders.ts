/**
 * Who can make a decision in a real team, not only in the matrix.
 *
 * The matrix says which roles decide; a team may lack every one of them (a founder alone in a
 * new workspace, a startup with no CTO yet). Rule: a decision is never left without someone who
 * can make it. While no member holds it through the matrix (no one in its accountable role, and
 * no one in a responsible role), the workspace's founders hold it **in the interim**. As soon as
 * a member whose role is A or R for the decision is on the team, the founders go back to the
 * letter the matrix gives them (usually C). The rule is the same for product decisions (backlog
 * order, scope, dates…) and tech ones (estimates, technical approach, dependencies): a solo
 * founder must be able to estimate too, until a CTO or developer joins.
 */
import {
  agreeWith,
  DECISION_INFO,
  DECISIONS,
  type Decision,
  FUNCTION_LABELS,
  ROLE_LABELS,
  ROLES,
  type Role,
} from './catalogue';
import { accountableRole, canDecide, type DecisionMatrix, findHolders, type Holder } from './matrix';

/** A member who holds a decision; `interim` when a founder holds it only because nobody else does. */
export interface EffectiveHolder extends Holder {
  interim: boolean;
}

/** The member whose rights are checked: who they are and their role. */
export interface TeamMember {
  userId: string;
  role: Role;
}

/**
 * The people who hold a decision in this team: the accountable role's members, else the
 * responsible ones, else (interim) the founders. Empty only for a team with no founder.
 * @param matrix the workspace's decision rights
 * @param decision the decision asked about
 * @param members everyone on the team
 * @returns the holders, each marked interim or not
 */
export function findEffectiveHolders(
  matrix: DecisionMatrix,
  decision: Decision,
  members: readonly Holder[],
): EffectiveHolder[] {
  const regular = findHolders(matrix, decision, members);
  if (regular.length > 0) return regular.map((h) => ({ ...h, interim: false }));
  return members.filter((m) => m.role === 'founder').map((m) => ({ ...m, interim: true }));
}

/**
 * True when this member may make the decision in this team: their role is R or A for it, or they
 * are a founder holding it in the interim because nobody on the team holds it.
 * @param matrix the workspace's decision rights
 * @param decision the decision asked about
 * @param member the member acting
 * @param members everyone on the team (the member included)
 */
export function holdsDecision(
  matrix: DecisionMatrix,
  decision: Decision,
  member: TeamMember,
  members: readonly Holder[],
): boolean {
  if (canDecide(matrix, member.role, decision)) return true;
  if (member.role !== 'founder') return false;
  return findHolders(matrix, decision, members).length === 0;
}

/**
 * The decisions a member may make in this team (see `holdsDecision`), in catalogue order.
 * @param matrix the workspace's decision rights
 * @param member the member acting
 * @param members everyone on the team
 */
export function findDecisionsHeld(
  matrix: DecisionMatrix,
  member: TeamMember,
  members: readonly Holder[],
): Decision[] {
  return DECISIONS.filter((d) => holdsDecision(matrix, d, member, members));
}

/**
 * The roles that would take a decision over from an interim founder: every role that is A or R
 * for it, accountable first, founders left out.
 */
export function rolesThatHold(matrix: DecisionMatrix, decision: Decision): Role[] {
  const row = matrix[decision];
  const accountable = ROLES.filter((r) => r !== 'founder' && row[r] === 'A');
  const responsible = ROLES.filter((r) => r !== 'founder' && row[r] === 'R');
  return [...accountable, ...responsible];
}

function listWithOr(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * Why a founder holds a decision for now, e.g. "until a product manager, CPO, CTPO or designer
 * joins". Empty when the matrix gives the decision to founders only.
 */
export function describeInterimHold(matrix: DecisionMatrix, decision: Decision): string {
  const roles = rolesThatHold(matrix, decision).map((r) => ROLE_LABELS[r]);
  if (roles.length === 0) return '';
  // Every role label reads with "a": a CTO, a CPO, a product manager, a designer.
  return `until a ${listWithOr(roles)} joins`;
}

/**
 * How a holder is named in sentences: "Dana (product manager)", or for an interim founder
 * "Alex (founder, until a product manager, CPO, CTPO or designer joins)".
 */
export function describeHolder(
  matrix: DecisionMatrix,
  decision: Decision,
  holder: Holder & { interim?: boolean },
): string {
  const role = ROLE_LABELS[holder.role];
  if (!holder.interim) return `${holder.name} (${role})`;
  const until = describeInterimHold(matrix, decision);
  return `${holder.name} (${role}${until ? `, ${until}` : ''})`;
}

/**
 * The sentence shown when someone tries a decision that is not theirs, e.g.
 * "Ordering the backlog belongs to the product function: ask Dana (product manager)".
 * @param matrix the workspace's decision rights
 * @param decision the decision refused
 * @param holders who holds it in this team (see `findEffectiveHolders`)
 */
export function describeRefusal(
  matrix: DecisionMatrix,
  decision: Decision,
  holders: readonly (Holder & { interim?: boolean })[],
): string {
  const info = DECISION_INFO[decision];
  const owner =
    info.function === 'leadership'
      ? `the ${ROLE_LABELS[accountableRole(matrix, decision)]}`
      : FUNCTION_LABELS[info.function];
  const belongs = agreeWith(decision, 'belongs', 'belong');
  if (holders.length === 0) {
    return `${info.label} ${belongs} to ${owner}, and nobody on the team holds it yet: the founder can assign it on the Team page`;
  }
  return `${info.label} ${belongs} to ${owner}: ask ${listWithOr(holders.map((h) => describeHolder(matrix, decision, h)))}`;
}
