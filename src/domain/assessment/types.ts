/**
 * Shared types of the assessment engine: the questionnaire, answers, the declarative condition
 * language that rules and hiring triggers are written in, findings and the report.
 */
import type { Decision, Letter, Role } from '../decision-rights';

/** The five scored areas of the questionnaire. */
export type AreaId = 'product' | 'delivery' | 'engineering' | 'team' | 'leadership';

export const AREAS: readonly AreaId[] = ['product', 'delivery', 'engineering', 'team', 'leadership'];

export const AREA_LABELS: Record<AreaId, string> = {
  product: 'Product ownership and decision rights',
  delivery: 'Delivery and estimation',
  engineering: 'Engineering health',
  team: 'Team and capacity',
  leadership: 'Leadership structure',
};

/** One answer: an option id (choice), a number, or a list of option ids (multi). */
export type AnswerValue = string | number | readonly string[];

/** Answers keyed by question id. A question left out is unanswered, never a default. */
export type Answers = Readonly<Record<string, AnswerValue>>;

export interface ChoiceOption {
  id: string;
  label: string;
  /** 0–3, 3 = healthy. Absent on context questions, which are not scored. */
  points?: number;
}

/** Points for a number, by the first band whose `atMost` holds; `above` beyond the last band. */
export interface NumberScoring {
  bands: readonly { atMost: number; points: number }[];
  above: number;
}

export type AnswerSpec =
  | { kind: 'choice'; options: readonly ChoiceOption[] }
  | {
      kind: 'multi';
      options: readonly { id: string; label: string }[];
      /** Points by how many options are ticked: the first entry whose `atLeast` holds wins; empty for context. */
      pointsByCount: readonly { atLeast: number; points: number }[];
    }
  | { kind: 'number'; min: number; max: number; integer: boolean; unit: string; scoring?: NumberScoring };

/** What a workspace can fill in for a question before the founder sees it. */
export type PrefillFact =
  | 'developers'
  | 'tech-leads'
  | 'designers'
  | 'product-managers'
  | 'senior-tech'
  | 'product-leadership'
  | 'cto-direct-reports'
  | 'deploy-frequency'
  | 'lead-time'
  | 'change-fail-rate'
  | 'recovery-time'
  | 'rework-rate'
  | 'item-size';

export interface Question {
  id: string;
  area: AreaId;
  text: string;
  help?: string;
  answer: AnswerSpec;
  /** True when the question is part of the short questionnaire. */
  short: boolean;
  prefill?: PrefillFact;
}

/** Comparison operators of a condition leaf. `points*` compare the points the answer earns. */
export type ComparisonOp =
  | 'eq'
  | 'ne'
  | 'in'
  | 'notIn'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'includes'
  | 'pointsLte'
  | 'pointsGte';

export type ConditionValue = string | number | readonly string[];

/**
 * A condition over answers, as data. Leaves read a question (`q`) or a derived metric (`metric`);
 * `all`, `any` and `not` combine them. Evaluation is three-valued: a leaf on an unanswered
 * question is unknown, and a rule fires only when its condition is known to be true.
 */
export type Condition =
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  | { q: string; op: ComparisonOp; value: ConditionValue }
  | { metric: string; op: ComparisonOp; value: ConditionValue };

export type Severity = 'critical' | 'high' | 'medium' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'info'];

/** A claim taken from a source, kept beside the rule that relies on it. */
export interface Citation {
  source: string;
  point: string;
}

export interface Rule {
  id: string;
  area: AreaId;
  title: string;
  when: Condition;
  severity: Severity;
  /** The first override whose condition holds replaces the base severity (up or down). */
  overrides?: readonly { when: Condition; severity: Severity; reason: string }[];
  /** Questions shown as supporting evidence when answered, though the condition does not read them. */
  alsoShow?: readonly string[];
  /** Why the situation hurts, in a sentence or two. */
  why: string;
  recommendation: string;
  sources: readonly Citation[];
}

export interface Evidence {
  questionId: string;
  question: string;
  answer: AnswerValue;
  answerLabel: string;
}

export interface ResolvedCitation extends Citation {
  title: string;
  url?: string;
}

export interface Finding {
  id: string;
  area: AreaId;
  title: string;
  severity: Severity;
  severityReason?: string;
  why: string;
  recommendation: string;
  evidence: Evidence[];
  sources: ResolvedCitation[];
}

export type ScoreBand = 'critical' | 'fragile' | 'functional' | 'strong';

export interface AreaScore {
  area: AreaId;
  /** 0–100, or null when no scored question of the area was answered. */
  score: number | null;
  band: ScoreBand | null;
  answered: number;
  scoredQuestions: number;
  /** Every question of the area in the questionnaire used, scored or context (as the wizard counts them). */
  questions?: number;
  /** How many of those were answered; an answer of 0 counts. */
  answeredQuestions?: number;
}

export interface Scores {
  areas: AreaScore[];
  overall: number | null;
  band: ScoreBand | null;
}

export type DoraTier = 'elite' | 'high' | 'medium' | 'low';

export type DoraMetric = 'deploy-frequency' | 'lead-time' | 'change-fail-rate' | 'recovery-time';

export interface DoraYearResult {
  year: number;
  source: string;
  metrics: Partial<Record<DoraMetric, DoraTier>>;
  throughput: DoraTier | null;
  stability: DoraTier | null;
  /** The worse of throughput and stability; null when either is unknown. */
  overall: DoraTier | null;
  caveats: string[];
}

export type Horizon = 'now' | '3-months' | '12-months';

export const HORIZONS: readonly Horizon[] = ['now', '3-months', '12-months'];

export interface DecisionRightsChange {
  decision: Decision;
  role: Role;
  letter: Letter;
  /** Set when `role` is not yet in the company: the present role that holds the decision until then. */
  interimRole?: Role;
}

export interface PlannedAction {
  id: string;
  title: string;
  kind: 'hire' | 'contract' | 'assign' | 'process' | 'tooling' | 'decision-rights';
  owner: Role;
  horizon: Horizon;
  details: string;
  budget?: string;
  deliverables: string[];
  exitCriteria: string[];
  rationale: { findingId: string; title: string; severity: Severity }[];
  /** The due hiring triggers this action answers. */
  answersTriggers?: string[];
  decisionRights: DecisionRightsChange[];
}

export type TriggerStatus = 'due' | 'watch' | 'satisfied' | 'unknown';

export interface HiringTriggerResult {
  id: string;
  role: string;
  text: string;
  status: TriggerStatus;
  action: string;
  /** The planned action that answers the trigger; always set when the trigger is due (absent only in old stored reports). */
  actionId?: string | null;
  sources: ResolvedCitation[];
}

/** Who holds each role in the company, as the answers tell it. */
export interface CompanyRoles {
  /** Roles someone in the company holds today; the founder always. */
  present: Role[];
  /** Roles a founder holds themselves (founder-CTO, designer-founder): addressed as the founder. */
  wornByFounder: Role[];
}

export interface GrowthPlan {
  horizons: { horizon: Horizon; actions: PlannedAction[] }[];
  triggers: HiringTriggerResult[];
  /** Who holds which role; absent from reports stored before it was added. */
  roles?: CompanyRoles;
}

export interface AssessmentReport {
  company?: string;
  questionnaire: 'short' | 'full';
  answers: Answers;
  unanswered: string[];
  scores: Scores;
  dora: { selectedYear: number; byYear: DoraYearResult[] };
  findings: Finding[];
  plan: GrowthPlan;
}
