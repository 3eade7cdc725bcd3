/**
 * The growth-plan action catalogue, as data. An action is proposed when one of the findings it
 * fixes was raised, or a hiring trigger it answers is due, and its `when` is not known to be
 * false. Decision-rights changes are applied in catalogue order, so a later action that names a
 * new accountable role wins over an earlier one (a project manager takes the backlog over from
 * the founder). Product-function actions are here; practice actions in plan-actions-practice.ts.
 */
import type { Role } from '../decision-rights';
import { PRACTICE_ACTIONS } from './plan-actions-practice';
import {
  BEFORE_FIT,
  CTPO_DOES_NOT_KEEP_WHAT,
  CTPO_KEEPS_WHAT,
  FOUNDER_OWNS_DELIVERY,
  MANAGER_OWNS_DELIVERY,
  MORE_THAN_THREE_DEVS,
  NO_DELIVERY_MANAGER,
} from './plan-conditions';
import { HAS_DELIVERY_MANAGER } from './rules-ownership';
import type { Condition, DecisionRightsChange, Horizon, PlannedAction } from './types';

export interface ActionTemplate {
  id: string;
  title: string;
  kind: PlannedAction['kind'];
  owner: Role;
  /** A different owner when the condition is true, e.g. the PM once there is one. */
  ownerIf?: { when: Condition; owner: Role };
  horizon: Horizon;
  /** The findings it fixes; empty for an action only a due hiring trigger brings in. */
  fixes: readonly string[];
  when?: Condition;
  details: string;
  /** Other wording when the condition is true, e.g. beside a CTPO. */
  detailsIf?: { when: Condition; details: string };
  budget?: string;
  deliverables?: readonly string[];
  exitCriteria: readonly string[];
  /** The role the action brings into the company, so it can own later actions before it arrives. */
  hires?: Role;
  /** Each change applies only when its `when` is known to be true. */
  decisionRights?: readonly (Omit<DecisionRightsChange, 'interimRole'> & { when?: Condition })[];
}

const FOUNDER_ORDERS: Condition = { all: [FOUNDER_OWNS_DELIVERY, CTPO_DOES_NOT_KEEP_WHAT] };
const MANAGER_ORDERS: Condition = { all: [MANAGER_OWNS_DELIVERY, CTPO_DOES_NOT_KEEP_WHAT] };

const PRODUCT_ACTIONS: readonly ActionTemplate[] = [
  {
    id: 'name-product-owner',
    title: 'Name one product owner of record',
    kind: 'assign',
    owner: 'founder',
    horizon: 'now',
    fixes: ['no-product-owner', 'cto-sets-priorities'],
    details:
      'One person orders the backlog and answers for the roadmap: the founder until a product manager or CPO takes over. Everyone else, the CTO included, is consulted.',
    detailsIf: {
      when: CTPO_KEEPS_WHAT,
      details:
        'The CTPO orders the backlog and answers for what is built; a project or product manager runs delivery beside them. Everyone else is consulted.',
    },
    exitCriteria: ['One named person orders the backlog every week', 'The CTO no longer orders the backlog'],
    decisionRights: [
      { decision: 'backlog_order', role: 'founder', letter: 'A', when: FOUNDER_ORDERS },
      { decision: 'backlog_order', role: 'product_manager', letter: 'A', when: MANAGER_ORDERS },
      { decision: 'backlog_order', role: 'ctpo', letter: 'A', when: CTPO_KEEPS_WHAT },
      { decision: 'roadmap', role: 'founder', letter: 'A' },
      { decision: 'backlog_order', role: 'cto', letter: 'C' },
      { decision: 'roadmap', role: 'cto', letter: 'C' },
    ],
  },
  {
    id: 'refocus-cto-on-how',
    title: 'Keep the CTO and refocus the role on how the product is built',
    kind: 'decision-rights',
    owner: 'founder',
    horizon: 'now',
    fixes: ['cto-owns-delivery', 'cto-sets-priorities'],
    details:
      'The CTO stays accountable for architecture, engineering standards, estimates and technical risk, and stops running planning, status and chasing.',
    exitCriteria: ["Less than 30% of the CTO's week goes to delivery and people management"],
    decisionRights: [
      { decision: 'technical_approach', role: 'cto', letter: 'A' },
      { decision: 'estimates', role: 'cto', letter: 'A' },
      { decision: 'dependencies', role: 'cto', letter: 'A' },
      { decision: 'delivery_dates', role: 'cto', letter: 'C' },
      { decision: 'backlog_order', role: 'cto', letter: 'C' },
    ],
  },
  {
    id: 'founder-runs-delivery',
    title: 'The founder runs delivery until the fourth developer joins',
    kind: 'assign',
    owner: 'founder',
    horizon: 'now',
    when: { q: 'developers', op: 'lte', value: 3 },
    fixes: ['cto-owns-delivery'],
    details:
      'With three developers or fewer the founder holds planning and status, and the designer (if any) owns requirements and flows.',
    exitCriteria: ['The founder runs the weekly planning; the CTO attends as the technical voice'],
    decisionRights: [
      { decision: 'delivery_dates', role: 'founder', letter: 'A' },
      { decision: 'assignment', role: 'founder', letter: 'A' },
      {
        decision: 'requirements',
        role: 'designer',
        letter: 'A',
        when: { q: 'designers', op: 'gte', value: 0.5 },
      },
      {
        decision: 'requirements',
        role: 'founder',
        letter: 'A',
        when: { q: 'designers', op: 'lt', value: 0.5 },
      },
    ],
  },
  {
    id: 'hire-delivery-manager',
    title: 'Hire or assign a project or product manager to run delivery',
    kind: 'hire',
    hires: 'product_manager',
    owner: 'founder',
    horizon: 'now',
    when: { all: [MORE_THAN_THREE_DEVS, NO_DELIVERY_MANAGER] },
    fixes: ['no-delivery-manager', 'cto-owns-delivery', 'ctpo-bottleneck'],
    details:
      'A project manager owns plans, dependencies, status and dates; a product manager also owns discovery. An agency can often provide a project manager quickly.',
    budget:
      'A dedicated project manager, or a product manager who also runs delivery (about one per five developers)',
    exitCriteria: [
      'The PM runs planning and status; the CTO attends but does not chase',
      'Every external commitment has a date range from a forecast',
    ],
    detailsIf: {
      when: CTPO_KEEPS_WHAT,
      details:
        'Beside the CTPO, a project or product manager owns plans, dependencies, status and dates; the CTPO keeps what is built and in which order.',
    },
    decisionRights: [
      { decision: 'backlog_order', role: 'product_manager', letter: 'A', when: CTPO_DOES_NOT_KEEP_WHAT },
      { decision: 'requirements', role: 'product_manager', letter: 'A', when: CTPO_DOES_NOT_KEEP_WHAT },
      { decision: 'backlog_order', role: 'ctpo', letter: 'A', when: CTPO_KEEPS_WHAT },
      { decision: 'requirements', role: 'ctpo', letter: 'A', when: CTPO_KEEPS_WHAT },
      { decision: 'delivery_dates', role: 'product_manager', letter: 'A' },
      { decision: 'assignment', role: 'product_manager', letter: 'A' },
    ],
  },
  {
    id: 'hand-delivery-to-manager',
    title: 'Hand day-to-day delivery to the existing project or product manager',
    kind: 'assign',
    owner: 'founder',
    horizon: 'now',
    when: { all: [MORE_THAN_THREE_DEVS, HAS_DELIVERY_MANAGER] },
    fixes: ['cto-owns-delivery', 'ctpo-bottleneck'],
    details: 'The manager you already have runs planning, status and dates; the CTO or CTPO stops chasing.',
    exitCriteria: ['The PM runs planning and status without the CTO or CTPO'],
    decisionRights: [
      { decision: 'delivery_dates', role: 'product_manager', letter: 'A' },
      { decision: 'assignment', role: 'product_manager', letter: 'A' },
    ],
  },
  {
    id: 'contract-fractional-cpo',
    title: 'Contract a fractional CPO',
    kind: 'contract',
    hires: 'cpo',
    owner: 'founder',
    horizon: 'now',
    // Before product–market fit only, like its hiring trigger: after it, a full-time CPO is the answer.
    when: {
      all: [
        { q: 'product-leadership', op: 'notIn', value: ['fractional-cpo', 'full-time', 'ctpo'] },
        BEFORE_FIT,
      ],
    },
    fixes: ['no-product-leadership', 'no-product-owner', 'no-roadmap', 'loudest-voice-prioritisation'],
    details:
      'Part-time senior product leadership for initial consulting, prioritisation, the roadmap and coaching the designer, with the founder willing to delegate product calls.',
    budget: '1–2 days a week (0.2–0.4 FTE) for about 12 weeks, then review',
    deliverables: [
      'A 3–6-month roadmap with the reason for each item',
      'A prioritisation method with written inputs',
      'A weekly product cadence the team can run alone',
      'A coaching plan for the designer',
    ],
    exitCriteria: ['The team keeps the weekly cadence for a month without the fractional CPO'],
    decisionRights: [{ decision: 'prioritization_method', role: 'cpo', letter: 'A' }],
  },
  {
    id: 'own-product-strategy',
    title: 'Name one owner of product strategy',
    kind: 'assign',
    owner: 'founder',
    horizon: 'now',
    fixes: ['no-strategy-owner'],
    details:
      'One person sets the goals the roadmap serves and says what not to build: a founder until a CPO or head of product arrives. PMs order their backlogs within those goals.',
    exitCriteria: [
      'The roadmap states the goal each item serves, and the strategy owner signs it off monthly',
    ],
    decisionRights: [
      { decision: 'roadmap', role: 'founder', letter: 'A' },
      { decision: 'prioritization_method', role: 'founder', letter: 'A' },
    ],
  },
  {
    id: 'hire-cpo',
    title: 'Hire a CPO or head of product',
    kind: 'hire',
    hires: 'cpo',
    owner: 'founder',
    horizon: '3-months',
    fixes: [],
    details:
      'Deciding what to build has become a full-time job: a product leader owns strategy, the roadmap and the product managers. A fractional CPO can help write the role and recruit.',
    budget: 'A full-time senior hire; a fractional CPO for the search, 1 day a week',
    exitCriteria: ['A CPO or head of product owns the roadmap and the prioritisation method'],
    decisionRights: [
      { decision: 'roadmap', role: 'cpo', letter: 'A' },
      { decision: 'prioritization_method', role: 'cpo', letter: 'A' },
    ],
  },
  {
    id: 'adopt-decision-rights',
    title: 'Publish who decides what',
    kind: 'decision-rights',
    owner: 'founder',
    horizon: 'now',
    fixes: ['decision-rights-undefined', 'cto-sets-priorities', 'cto-owns-delivery'],
    details:
      "Adopt Headway's decision-rights matrix with the changes this plan implies; record contentious calls in the decision log.",
    exitCriteria: ['Every decision has exactly one accountable person, and the team can name them'],
  },
  {
    id: 'write-roadmap',
    title: 'Write an outcome-based roadmap and score the backlog',
    kind: 'process',
    owner: 'founder',
    ownerIf: { when: HAS_DELIVERY_MANAGER, owner: 'product_manager' },
    horizon: 'now',
    fixes: ['no-roadmap', 'loudest-voice-prioritisation'],
    details:
      'A 3–6-month roadmap with goals, roughly sized; the backlog scored with RICE or ICE and ordered.',
    exitCriteria: ['The roadmap states the goal of each item and is reviewed monthly'],
  },
  {
    id: 'engage-designer',
    title: 'Engage an experienced UI/UX designer who owns day-to-day product decisions',
    kind: 'hire',
    hires: 'designer',
    owner: 'founder',
    horizon: '3-months',
    fixes: ['no-design-ownership'],
    details:
      'The designer owns flows and specs, co-owns product decisions and is coached by the fractional CPO.',
    budget: 'Part-time (2–3 days a week) first; full-time as the team grows',
    exitCriteria: ['Every item that changes the interface has a design before it is estimated'],
    decisionRights: [
      {
        decision: 'requirements',
        role: 'designer',
        letter: 'A',
        when: { all: [NO_DELIVERY_MANAGER, { q: 'developers', op: 'lte', value: 3 }] },
      },
    ],
  },
  {
    id: 'add-designer',
    title: 'Add a designer',
    kind: 'hire',
    hires: 'designer',
    owner: 'founder',
    horizon: '3-months',
    fixes: [],
    details:
      'Keep at least one designer per ten developers, and one per product manager on user-facing work.',
    exitCriteria: ['At most ten developers per designer'],
  },
  {
    id: 'forecast-commitments',
    title: 'Commit to forecast dates, with small and ready work',
    kind: 'process',
    owner: 'founder',
    ownerIf: { when: MANAGER_OWNS_DELIVERY, owner: 'product_manager' },
    horizon: '3-months',
    fixes: ['missed-commitments', 'oversized-work-items', 'no-definition-of-ready'],
    details:
      'Quote 85th-percentile forecast dates, keep items to five days or less, agree a definition of ready, and demo at the end of every cycle.',
    exitCriteria: ['3 of the next 4 milestones land within 10% of their 85th-percentile date'],
    decisionRights: [
      { decision: 'delivery_dates', role: 'product_manager', letter: 'A', when: MANAGER_OWNS_DELIVERY },
      { decision: 'delivery_dates', role: 'founder', letter: 'A', when: FOUNDER_OWNS_DELIVERY },
    ],
  },
  {
    id: 'add-product-managers',
    title: 'Add product managers per team or product area',
    kind: 'hire',
    hires: 'product_manager',
    owner: 'founder',
    horizon: '12-months',
    fixes: ['thin-pm-coverage'],
    details: 'One PM per product area or team.',
    exitCriteria: ['At most ten developers per product manager'],
  },
  {
    id: 'lead-under-ctpo',
    title: 'Add a tech lead under the CTPO',
    kind: 'hire',
    owner: 'ctpo',
    horizon: '12-months',
    when: { q: 'developers', op: 'gt', value: 8 },
    fixes: ['ctpo-bottleneck'],
    details:
      'A hands-on tech lead takes day-to-day technical decisions so the CTPO can hold product and architecture.',
    exitCriteria: ['Technical questions are answered without waiting for the CTPO'],
  },
  {
    id: 'decide-on-ctpo',
    title: 'Decide whether the CTO becomes CTPO',
    kind: 'decision-rights',
    owner: 'founder',
    horizon: '12-months',
    fixes: ['ctpo-option'],
    details:
      'Only if the CTO truly wants both jobs and the team stays small; otherwise keep building the product function. Either way, a project manager runs delivery above three developers.',
    exitCriteria: ['The decision and its reason are recorded in the decision log'],
  },
];

export const ACTION_TEMPLATES: readonly ActionTemplate[] = [...PRODUCT_ACTIONS, ...PRACTICE_ACTIONS];
