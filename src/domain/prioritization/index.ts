// Public API of the prioritization engine: scoring frameworks, the formula language, ranking.
export type { BinaryOperator, ExpressionNode, FunctionName } from './expression/ast';
export {
  checkFormulaFields,
  type EvaluationResult,
  evaluateFormula,
  type FormulaFields,
  listFormulaFields,
} from './expression/evaluate';
export { ExpressionError, type ExpressionErrorCode } from './expression/expression-error';
export { MAX_NESTING_DEPTH, type ParseResult, parseFormula } from './expression/parse';
export { printFormula } from './expression/print';
export { MAX_FORMULA_LENGTH } from './expression/tokenize';
export {
  FRAMEWORK_IDS,
  type FrameworkId,
  findFramework,
  MOSCOW_SCALE,
  RICE_CONFIDENCE_SCALE,
  RICE_IMPACT_SCALE,
  SCORING_FRAMEWORKS,
  WSJF_SCALE,
} from './frameworks/catalogue';
export {
  type ChoiceInput,
  defineFormulaFramework,
  type FrameworkEvaluation,
  type FrameworkInput,
  type InputProblem,
  type InputValues,
  type ItemScore,
  type NumberInput,
  type ScaleInput,
  type ScaleOption,
  type ScoreDirection,
  type ScoringFramework,
  type SensitivityStep,
  scoreItem,
  type ValidatedInputs,
  type ValueEffortAxes,
  validateFrameworkInputs,
} from './frameworks/framework';
export {
  classifyKanoAnswers,
  KANO_ANSWERS,
  KANO_PRIORITY,
  type KanoAnswer,
  type KanoCategory,
  type KanoSurveySummary,
  summarizeKanoSurvey,
} from './frameworks/kano';
export {
  checkMoscowEffort,
  type MoscowCategory,
  type MoscowEffortCheck,
  type MoscowFinding,
} from './frameworks/moscow';
export {
  BUILT_IN_INPUTS,
  describeScoreKey,
  describeValueEffortAxes,
  MOSCOW_VALUES,
  readFormulaInputs,
  readFrameworkInputs,
  readValueEffort,
  type StoredScores,
} from './frameworks/score-keys';
export {
  SCORE_SOURCES,
  type ScoreProvenance,
  type ScoreSetting,
  type ScoreSource,
  settingsForAll,
  trackScoreSettings,
} from './frameworks/score-provenance';
export { classifyValueEffort, type ValueEffortQuadrant } from './frameworks/value-effort';
export { compareRankings, type RankingComparison, type RankMove } from './ranking/compare-rankings';
export {
  type BacklogItem,
  type BacklogRanking,
  type RankedItem,
  rankBacklog,
  resolveScoring,
  type ScoringChoice,
  type UnscoredItem,
} from './ranking/rank-backlog';
export {
  checkMoscowBacklog,
  type MoscowBacklogCheck,
  rankScoredBacklog,
  type ScoredBacklogRanking,
  type ScoredRow,
} from './ranking/rank-scored-backlog';
export {
  type InputInterval,
  type RankSensitivity,
  rankSensitivity,
  type SensitivityChange,
  type SensitivityItem,
} from './ranking/rank-sensitivity';
