/**
 * Hiring and role triggers, as data, re-evaluated on every assessment. A trigger is `due` when
 * its situation holds and the role is not in place, `satisfied` when the role is in place,
 * `watch` when the situation has not arrived yet (it will be checked again next time), and
 * `unknown` when the answers do not say. A count answered as 0 is an answer: a ratio trigger
 * ("another designer") reads the count first, so none at all is `watch`, never `unknown`.
 * Each trigger names the plan actions that answer it; a due trigger always gets one planned.
 */
import { type ConditionContext, evaluateCondition } from './conditions';
import { resolveCitations } from './findings';
import { HAS_DELIVERY_MANAGER } from './rules-ownership';
import { UNSTABLE } from './rules-practice';
import type { Citation, Condition, HiringTriggerResult, TriggerStatus } from './types';

export interface HiringTriggerTemplate {
  id: string;
  role: string;
  /** The trigger as a founder reads it: "when …: …". */
  text: string;
  when: Condition;
  satisfiedWhen?: Condition;
  action: string;
  /** The plan actions that answer the trigger, preferred first. */
  answeredBy: readonly string[];
  sources: readonly Citation[];
}

export const HIRING_TRIGGERS: readonly HiringTriggerTemplate[] = [
  {
    id: 'pm-at-fourth-developer',
    role: 'project or product manager',
    text: 'When the 4th developer joins: a project or product manager owns delivery (at the latest with the 5th)',
    when: { q: 'developers', op: 'gt', value: 3 },
    satisfiedWhen: HAS_DELIVERY_MANAGER,
    action: 'Assign or hire a project or product manager',
    answeredBy: ['hire-delivery-manager'],
    sources: [
      {
        source: 'trustshoring-cto-role',
        point: 'a project manager once there are more than three developers',
      },
      { source: 'first-pm-timing', point: 'the first product hire at about five engineers' },
    ],
  },
  {
    id: 'designer-for-user-interface',
    role: 'UI/UX designer',
    text: 'When customers use the product through an interface: an experienced designer owns flows and specs',
    when: { q: 'user-facing', op: 'eq', value: 'yes' },
    satisfiedWhen: {
      any: [
        { q: 'design-ownership', op: 'pointsGte', value: 2 },
        { metric: 'founder-is-designer', op: 'eq', value: 'yes' },
      ],
    },
    action: 'Engage an experienced UI/UX designer, part-time first',
    answeredBy: ['engage-designer'],
    sources: [
      {
        source: 'trustshoring-cto-role',
        point: 'an experienced UI/UX designer carries part of the product role',
      },
    ],
  },
  {
    id: 'designer-per-ten-developers',
    role: 'additional designer',
    text: 'When there are more than 10 developers per designer: another designer',
    when: {
      all: [
        { q: 'designers', op: 'gt', value: 0 },
        { metric: 'devs-per-designer', op: 'gt', value: 10 },
      ],
    },
    action: 'Add a designer',
    answeredBy: ['add-designer'],
    sources: [
      {
        source: 'nngroup-designer-ratio',
        point: 'half of teams have at least one designer per ten developers',
      },
    ],
  },
  {
    id: 'fractional-cpo-early',
    role: 'fractional CPO',
    text: 'Before product–market fit without product-leadership experience: a fractional CPO',
    when: {
      all: [
        { q: 'stage', op: 'in', value: ['idea', 'mvp', 'early-traction'] },
        { q: 'product-leadership', op: 'pointsLte', value: 1 },
      ],
    },
    satisfiedWhen: { q: 'product-leadership', op: 'pointsGte', value: 2 },
    action: 'Contract a fractional CPO for 1–2 days a week, about 12 weeks, with defined deliverables',
    answeredBy: ['contract-fractional-cpo'],
    sources: [
      {
        source: 'trustshoring-cto-role',
        point: 'a fractional CPO for initial consulting, prioritisation and the roadmap',
      },
      { source: 'fractional-cpo-practice', point: '1–3 days a week with defined deliverables' },
    ],
  },
  {
    id: 'pm-per-ten-developers',
    role: 'additional product manager',
    text: 'When there are more than 10 developers per product manager: another PM',
    when: {
      all: [
        { q: 'product-managers', op: 'gt', value: 0 },
        { metric: 'devs-per-pm', op: 'gt', value: 10 },
      ],
    },
    action: 'Add a PM per team or product area',
    answeredBy: ['add-product-managers'],
    sources: [{ source: 'norton-pm-ratio', point: '5–9 engineers per PM' }],
  },
  {
    id: 'full-time-cpo',
    role: 'full-time CPO or head of product',
    text: 'After product–market fit, with two PMs or about 12 developers: a full-time CPO or head of product',
    when: {
      all: [
        { q: 'stage', op: 'eq', value: 'scaling' },
        {
          any: [
            { q: 'product-managers', op: 'gte', value: 2 },
            { q: 'developers', op: 'gte', value: 12 },
          ],
        },
      ],
    },
    satisfiedWhen: { q: 'product-leadership', op: 'in', value: ['full-time', 'ctpo'] },
    action: 'Hire a CPO or head of product; a fractional CPO can help recruit',
    answeredBy: ['hire-cpo'],
    sources: [
      {
        source: 'fractional-cpo-practice',
        point: 'a full-time CPO once deciding what to build is a full-time job, after product–market fit',
      },
    ],
  },
  {
    id: 'tech-lead-per-six-distant-developers',
    role: 'tech lead for the distant team',
    text: 'For every 6 outsourced or offshore developers: a tech lead',
    when: {
      all: [
        { q: 'location', op: 'in', value: ['agency', 'offshore'] },
        { q: 'developers', op: 'gte', value: 3 },
      ],
    },
    satisfiedWhen: { metric: 'devs-per-tech-lead', op: 'lte', value: 6 },
    action: 'Promote or hire a tech lead inside the distant team',
    answeredBy: ['add-distant-tech-lead'],
    sources: [{ source: 'nearsoft-tech-leads', point: 'one tech lead per 5–6 offshore engineers' }],
  },
  {
    id: 'engineering-manager-past-eight-reports',
    role: 'engineering manager',
    text: 'When more than 8 people report to the CTO: an engineering manager',
    when: { q: 'cto-direct-reports', op: 'gt', value: 8 },
    action: 'Hire an engineering manager, or promote tech leads',
    answeredBy: ['add-engineering-manager'],
    sources: [{ source: 'larson-sizing', point: 'a manager supports 6–8 engineers' }],
  },
  {
    id: 'second-team-past-nine',
    role: 'second team',
    text: 'When one team passes 9 developers: split it into two teams',
    when: { metric: 'devs-per-team', op: 'gt', value: 9 },
    action: 'Split into stream-aligned teams of 5–9',
    answeredBy: ['split-team'],
    sources: [{ source: 'team-topologies', point: 'teams of about 5–9 people' }],
  },
  {
    id: 'qa-when-unstable',
    role: 'QA or test-automation capacity',
    text: 'When DORA stability is medium or low (e.g. more than 30% of deployments fail, or recovery takes more than a day): QA capacity',
    // The same condition as the instability finding, so the two never disagree.
    when: UNSTABLE,
    action: 'Assign QA or test-automation capacity',
    answeredBy: ['stabilise-releases'],
    sources: [{ source: 'dora', point: 'above 30% failed changes is the low stability cluster' }],
  },
];

/**
 * Evaluates one trigger against the answers.
 * @returns due, satisfied, watch or unknown
 */
export function evaluateTrigger(trigger: HiringTriggerTemplate, context: ConditionContext): TriggerStatus {
  if (trigger.satisfiedWhen && evaluateCondition(trigger.satisfiedWhen, context) === true) return 'satisfied';
  const situation = evaluateCondition(trigger.when, context);
  if (situation === true) return 'due';
  if (situation === false) return 'watch';
  return 'unknown';
}

/**
 * Evaluates every hiring trigger.
 * @returns one result per trigger, in catalogue order
 */
export function evaluateHiringTriggers(
  context: ConditionContext,
  triggers: readonly HiringTriggerTemplate[] = HIRING_TRIGGERS,
): HiringTriggerResult[] {
  return triggers.map((t) => ({
    id: t.id,
    role: t.role,
    text: t.text,
    status: evaluateTrigger(t, context),
    action: t.action,
    actionId: null,
    sources: resolveCitations(t.sources),
  }));
}
