/**
 * Who actually holds each role in the company, read from the answers: which roles someone holds
 * today, which hats a founder wears, and who holds a decision until a role that is not yet in the
 * company arrives. The plan addresses every action and decision right through these, so one
 * person is never addressed by two roles, and no decision is left with someone who is not there.
 */
import { DECISION_INFO, type Decision, type Role } from '../decision-rights';
import { type ConditionContext, evaluateCondition } from './conditions';
import { HAS_DELIVERY_MANAGER } from './rules-ownership';
import type { CompanyRoles } from './types';

function count(context: ConditionContext, id: string): number {
  const value = context.answers[id];
  return typeof value === 'number' ? value : 0;
}

/**
 * Reads who holds which role. An unanswered question never makes a role present: a right
 * given to a role the answers do not show names who holds it in the meantime.
 * @param context the answers and their metrics
 * @returns the roles present (the founder always) and the roles a founder wears
 */
export function describeCompanyRoles(context: ConditionContext): CompanyRoles {
  const senior = context.metrics['senior-tech-role'];
  const founderIsTech = context.metrics['founder-is-tech'] === 'yes';
  const founderIsDesigner = context.metrics['founder-is-designer'] === 'yes';
  const held = new Set<Role>(['founder']);
  const worn = new Set<Role>();
  const techRole: Role | undefined =
    senior === 'ctpo' ? 'ctpo' : senior === 'cto' || senior === 'fractional-cto' ? 'cto' : undefined;
  if (founderIsTech) {
    // A technical founder is the CTO whatever the title; a founder who also holds product is the CTPO.
    worn.add('cto');
    if (techRole === 'ctpo') worn.add('ctpo');
  } else if (techRole) held.add(techRole);
  const leadership = context.answers['product-leadership'];
  if (
    leadership === 'fractional-cpo' ||
    leadership === 'full-time' ||
    context.answers['strategy-owner'] === 'cpo'
  ) {
    held.add('cpo');
  }
  if (evaluateCondition(HAS_DELIVERY_MANAGER, context) === true) held.add('product_manager');
  if (founderIsDesigner) worn.add('designer');
  else if (count(context, 'designers') > 0) held.add('designer');
  if (count(context, 'developers') > 0) held.add('developer');
  return { present: [...held], wornByFounder: [...worn] };
}

/**
 * The role that acts for `role` in this company: the founder for a hat the founder wears, the
 * role itself otherwise.
 */
export function actingRole(roles: CompanyRoles, role: Role): Role {
  return roles.wornByFounder.includes(role) ? 'founder' : role;
}

/** True when someone in the company holds the role today. */
export function isPresent(roles: CompanyRoles, role: Role): boolean {
  return roles.present.includes(role);
}

/**
 * Who holds a decision until `role` arrives: for product decisions the CTPO when there is one
 * (they run them today), else the founder; for technical ones the most senior technical role
 * present (CTO, CTPO, then the developers), else the founder; the founder for the rest.
 * @returns a present role, never `role` itself
 */
export function interimHolder(roles: CompanyRoles, decision: Decision, role: Role): Role {
  const candidates: readonly Role[] =
    DECISION_INFO[decision].function === 'tech'
      ? ['cto', 'ctpo', 'developer']
      : DECISION_INFO[decision].function === 'product'
        ? ['ctpo']
        : [];
  return candidates.find((r) => r !== role && isPresent(roles, r)) ?? 'founder';
}
