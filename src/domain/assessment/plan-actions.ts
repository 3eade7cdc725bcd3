/**
 * The growth-plan action catalogue, as data. An action is proposed when one of the findings it
 * fixes was raised and its `when` is not known to be false. Decision-rights changes are applied
 * in catalogue order, so a later action that names a new accountable role wins over an
 * earlier one (a project manager takes the backlog over from the founder).
 */
import type { Role } from '../decision-rights';
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
  fixes: readonly string[];
  when?: Condition;
  details: string;
  budget?: string;
  deliverables?: readonly string[];
  exitCriteria: readonly string[];
  /** Each change applies only when its `when` is known to be true. */
  decisionRights?: readonly (DecisionRightsChange & { when?: Condition })[];
}

const NO_DELIVERY_MANAGER: Condition = { not: HAS_DELIVERY_MANAGER };
const MORE_THAN_THREE_DEVS: Condition = { q: 'developers', op: 'gt', value: 3 };
/** A manager owns delivery once the plan is in place: one exists, or the plan hires one now. */
const MANAGER_OWNS_DELIVERY: Condition = { any: [HAS_DELIVERY_MANAGER, MORE_THAN_THREE_DEVS] };
const FOUNDER_OWNS_DELIVERY: Condition = { not: MANAGER_OWNS_DELIVERY };

export const ACTION_TEMPLATES: readonly ActionTemplate[] = [
  {
    id: 'name-product-owner',
    title: 'Name one product owner of record',
    kind: 'assign',
    owner: 'founder',
    horizon: 'now',
    fixes: ['no-product-owner', 'cto-sets-priorities'],
    details:
      'One person orders the backlog and answers for the roadmap: the founder until a product manager or CPO takes over. Everyone else, the CTO included, is consulted.',
    exitCriteria: ['One named person orders the backlog every week', 'The CTO no longer orders the backlog'],
    decisionRights: [
      { decision: 'backlog_order', role: 'founder', letter: 'A', when: FOUNDER_OWNS_DELIVERY },
      { decision: 'backlog_order', role: 'product_manager', letter: 'A', when: MANAGER_OWNS_DELIVERY },
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
    decisionRights: [
      { decision: 'backlog_order', role: 'product_manager', letter: 'A' },
      { decision: 'delivery_dates', role: 'product_manager', letter: 'A' },
      { decision: 'assignment', role: 'product_manager', letter: 'A' },
      { decision: 'requirements', role: 'product_manager', letter: 'A' },
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
    owner: 'founder',
    horizon: 'now',
    when: { q: 'product-leadership', op: 'notIn', value: ['fractional-cpo', 'full-time', 'ctpo'] },
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
    id: 'calibrate-estimates',
    title: 'Estimate in ranges and calibrate against actuals',
    kind: 'process',
    owner: 'cto',
    horizon: '3-months',
    fixes: ['uncalibrated-estimation'],
    details: 'Three-point estimates, actuals recorded, a monthly look at the actual/estimate ratio.',
    exitCriteria: [
      'Every started item has a three-point estimate',
      'The median actual/estimate ratio of the last 20 items lies between 0.8 and 1.25',
    ],
    decisionRights: [{ decision: 'estimates', role: 'cto', letter: 'A' }],
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
    id: 'stabilise-releases',
    title: 'Make releases safe',
    kind: 'tooling',
    owner: 'cto',
    horizon: 'now',
    fixes: ['instability'],
    details: 'Tests in CI, review before merge, staging, rollback or feature flags, incident runbooks.',
    exitCriteria: ['Change fail rate below 15% and service restored within a day'],
  },
  {
    id: 'close-hygiene-gaps',
    title: 'Put the engineering basics in place',
    kind: 'tooling',
    owner: 'cto',
    horizon: 'now',
    fixes: ['hygiene-gaps'],
    details: 'Start with source control, CI and code review, then tests, tracking and staging.',
    exitCriteria: ['At least 7 of the 8 basics are in place'],
  },
  {
    id: 'improve-throughput',
    title: 'Ship smaller batches, more often',
    kind: 'tooling',
    owner: 'cto',
    horizon: '3-months',
    fixes: ['low-throughput'],
    details: 'Continuous integration and delivery, short-lived branches, automated deploys.',
    exitCriteria: ['DORA throughput medium or better against the same benchmark year'],
  },
  {
    id: 'spread-knowledge',
    title: 'Remove single points of knowledge',
    kind: 'process',
    owner: 'cto',
    horizon: '3-months',
    fixes: ['bus-factor'],
    details: 'Runbooks, pairing on changes to critical systems, a second person with deploy rights.',
    exitCriteria: ['Every critical system has two people who deployed it in the last quarter'],
  },
  {
    id: 'protect-focus',
    title: 'Shield the team and answer questions within a day',
    kind: 'process',
    owner: 'founder',
    ownerIf: { when: MANAGER_OWNS_DELIVERY, owner: 'product_manager' },
    horizon: '3-months',
    fixes: ['low-satisfaction', 'slow-feedback-loops'],
    details: 'One channel for requests, a product owner reachable daily, focus time protected.',
    exitCriteria: [
      'Developers rarely wait more than a day for an answer',
      'Team satisfaction at 4 out of 5 or more',
    ],
  },
  {
    id: 'add-distant-tech-lead',
    title: 'Add a tech lead for the outsourced team',
    kind: 'hire',
    owner: 'cto',
    horizon: '3-months',
    fixes: ['distant-team-without-leads'],
    details: 'A hands-on lead inside the distant team, with working hours that overlap yours.',
    exitCriteria: ['At most six developers per tech lead, with four hours of overlap'],
  },
  {
    id: 'add-engineering-manager',
    title: 'Add an engineering manager',
    kind: 'hire',
    owner: 'cto',
    horizon: '12-months',
    fixes: ['wide-span-of-control'],
    details: 'An engineering manager or more tech leads take over people management from the CTO.',
    exitCriteria: ['No manager has more than eight direct reports'],
  },
  {
    id: 'split-team',
    title: 'Split into stream-aligned teams',
    kind: 'process',
    owner: 'cto',
    horizon: '12-months',
    fixes: ['team-too-large'],
    details: 'Two teams of 5–9, each with a tech lead and a product owner or designer.',
    exitCriteria: ['No team has more than nine developers'],
  },
  {
    id: 'add-product-managers',
    title: 'Add product managers per team or product area',
    kind: 'hire',
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
