/**
 * The roles a member can hold in a workspace and the decisions Headway enforces.
 *
 * Defaults follow the split product function described in the RACI/DACI literature and the
 * seed-stage matrix in our domain research (§5.2): the product function owns what, when and in
 * which order; the tech side owns how and how big. The CTO is never the default owner of
 * ordering or delivery dates; a CTPO holds both sides (as Responsible), so one person can act.
 */

export const ROLES = [
  'founder',
  'cto',
  'ctpo',
  'cpo',
  'product_manager',
  'designer',
  'developer',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  founder: 'founder',
  cto: 'CTO',
  ctpo: 'CTPO',
  cpo: 'CPO',
  product_manager: 'product manager',
  designer: 'designer',
  developer: 'developer',
  viewer: 'viewer',
};

export const LETTERS = ['R', 'A', 'C', 'I'] as const;
/** R = responsible (does it), A = accountable (decides, exactly one role), C = consulted, I = informed. */
export type Letter = (typeof LETTERS)[number];

export const DECISIONS = [
  'backlog_order',
  'scope',
  'requirements',
  'delivery_dates',
  'roadmap',
  'prioritization_method',
  'assignment',
  'estimates',
  'technical_approach',
  'dependencies',
  'team',
] as const;
export type Decision = (typeof DECISIONS)[number];

/** Which side of the company a decision belongs to; used to phrase refusals. */
export type DecisionFunction = 'product' | 'tech' | 'leadership';

export interface DecisionInfo {
  label: string;
  /** Whether the label is a plural noun ("Estimates"), so sentences say "belong", not "belongs". */
  plural: boolean;
  function: DecisionFunction;
  description: string;
}

export const DECISION_INFO: Record<Decision, DecisionInfo> = {
  backlog_order: {
    label: 'Ordering the backlog',
    plural: false,
    function: 'product',
    description: 'The order of the backlog and the prioritization scores behind it.',
  },
  scope: {
    label: 'Scope',
    plural: false,
    function: 'product',
    description:
      'What is in or out: archiving or cancelling items (and bringing them back), moving them between initiatives.',
  },
  requirements: {
    label: 'Requirements',
    plural: true,
    function: 'product',
    description: 'Titles, descriptions, labels and acceptance criteria of work items.',
  },
  delivery_dates: {
    label: 'Delivery dates',
    plural: true,
    function: 'product',
    description: 'Target dates and external delivery commitments.',
  },
  roadmap: {
    label: 'The roadmap',
    plural: false,
    function: 'product',
    description: 'Milestones, releases and the quarter-level plan.',
  },
  prioritization_method: {
    label: 'The prioritization method',
    plural: false,
    function: 'product',
    description: 'Scoring frameworks and custom formulas used to rank the backlog.',
  },
  assignment: {
    label: 'Assigning work',
    plural: false,
    function: 'product',
    description: 'Who works on which item.',
  },
  estimates: {
    label: 'Estimates',
    plural: true,
    function: 'tech',
    description: 'How big an item is: three-point estimates, sizes, actual effort.',
  },
  technical_approach: {
    label: 'The technical approach',
    plural: false,
    function: 'tech',
    description: 'How an item is built, and the skills it needs.',
  },
  dependencies: {
    label: 'Dependencies',
    plural: true,
    function: 'tech',
    description: 'Which items must finish before others can start.',
  },
  team: {
    label: 'The team',
    plural: false,
    function: 'leadership',
    description: 'Who is on the team, with which role, time fraction and skills.',
  },
};

/**
 * The verb that agrees with a decision's label: `agreeWith('estimates', 'belongs', 'belong')` is
 * "belong", because "Estimates" is plural.
 */
export function agreeWith(decision: Decision, singular: string, plural: string): string {
  return DECISION_INFO[decision].plural ? plural : singular;
}

export const FUNCTION_LABELS: Record<DecisionFunction, string> = {
  product: 'the product function',
  tech: 'the tech side',
  leadership: 'the founder',
};
