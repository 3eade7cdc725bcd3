/**
 * The assessment engine: the questionnaire, declarative rules with their sources, scores, DORA
 * tiers per report year, the growth plan with hiring triggers and decision-rights changes,
 * comparisons and renderers. Pure: no IO.
 */
export { assessSetup } from './assess';
export { type AssessmentComparison, compareAssessments, type FindingChange } from './compare';
export {
  buildConditionContext,
  type ConditionContext,
  evaluateCondition,
  listConditionQuestions,
  listSupportingQuestions,
  METRICS,
} from './conditions';
export {
  compareTiers,
  computeDoraByYear,
  computeDoraTiers,
  findDoraBenchmark,
  tierChangeFailRate,
} from './dora';
export { DEFAULT_DORA_YEAR, DORA_BENCHMARKS, type DoraBenchmark } from './dora-benchmarks';
export { applyRule, RULES, raiseFindings } from './findings';
export {
  applyDecisionRightsChanges,
  buildGrowthPlan,
  type ImpliedDecisionRight,
  impliedDecisionRights,
} from './growth-plan';
export { evaluateHiringTriggers, HIRING_TRIGGERS, type HiringTriggerTemplate } from './hiring-triggers';
export { ACTION_TEMPLATES, type ActionTemplate } from './plan-actions';
export {
  type ActionProgress,
  actionLabel,
  describePlanProgress,
  type PlanTask,
  planLabel,
  type StartedAction,
} from './plan-progress';
export {
  bandDeployFrequency,
  bandDuration,
  type Prefill,
  prefillAnswers,
  type WorkspaceFacts,
} from './prefill';
export { type MeasuredFlow, MIN_MEASURED_ITEMS } from './prefill-measured';
export {
  describeAnswer,
  findQuestion,
  listQuestions,
  QUESTIONNAIRE_VERSION,
  QUESTIONS,
  scoreAnswer,
} from './questionnaire';
export { renderJson } from './render-json';
export {
  describeRightsChange,
  escapeMarkdown,
  HORIZON_LABELS,
  labelAnswer,
  labelRole,
  renderComparisonMarkdown,
  renderMarkdown,
  TRIGGER_LABELS,
} from './render-markdown';
export { actingRole, describeCompanyRoles, interimHolder, isPresent } from './roles';
export { LINK_SCHEMES, safeLinkUrl } from './safe-link';
export { AREA_WEIGHTS, bandScore, scoreAssessment } from './scores';
export { getSource, SOURCES, type Source } from './sources';
export * from './types';
export { type AnswerCheck, type AnswerProblem, validateAnswers } from './validate-answers';
