/**
 * Conditions the growth-plan actions share: who runs delivery once the plan is in place, and
 * whether a CTPO keeps what is built and in which order.
 */
import { HAS_CTPO, HAS_DELIVERY_MANAGER } from './rules-ownership';
import type { Condition } from './types';

export const NO_DELIVERY_MANAGER: Condition = { not: HAS_DELIVERY_MANAGER };
export const MORE_THAN_THREE_DEVS: Condition = { q: 'developers', op: 'gt', value: 3 };
/** A manager owns delivery once the plan is in place: one exists, or the plan hires one now. */
export const MANAGER_OWNS_DELIVERY: Condition = { any: [HAS_DELIVERY_MANAGER, MORE_THAN_THREE_DEVS] };
export const FOUNDER_OWNS_DELIVERY: Condition = { not: MANAGER_OWNS_DELIVERY };

/**
 * A CTPO keeps what is built and in which order: beside a CTPO a project or product manager runs
 * delivery, unless the answers name someone else (a founder, a product owner) as the one who
 * orders the backlog.
 */
export const CTPO_KEEPS_WHAT: Condition = {
  all: [HAS_CTPO, { q: 'backlog-owner', op: 'notIn', value: ['product-owner', 'founder'] }],
};
export const CTPO_DOES_NOT_KEEP_WHAT: Condition = { not: CTPO_KEEPS_WHAT };

/** Before product–market fit: the stages a fractional CPO is for. */
export const BEFORE_FIT: Condition = { q: 'stage', op: 'in', value: ['idea', 'mvp', 'early-traction'] };
