/**
 * Delivery forecasting: throughput Monte Carlo ("when will N items be done?", "how many by
 * D?"), plan Monte Carlo over a caller-supplied scheduler, and scoring of past forecasts.
 */

export type { WorkingCalendar } from './calendar';
export type { CalibrationChoice } from './calibrated-forecast';
export {
  forecastCompletionCalibrated,
  forecastCountCalibrated,
  measureCalibratedChance,
} from './calibrated-forecast';
export type { BulkClosureRule, CompletionEvent, DailyCountsReport } from './daily-counts';
export { buildDailyCounts } from './daily-counts';
export type { Disagreement, DisagreementInput } from './disagreement';
export { explainDisagreement } from './disagreement';
export type { FinishCurvePoint } from './finish-curve';
export { buildFinishCurve, buildFinishHistogram, MAX_CURVE_POINTS } from './finish-curve';
export type {
  DailyThroughput,
  HistoryWindow,
  InsufficientHistory,
  MinimumHistory,
  SamplePool,
} from './history-samples';
export { buildSamplePool, DEFAULT_MINIMUM_HISTORY } from './history-samples';
export { simulateFinishDays, simulateTotals } from './independent-days';
export type { CensoredValue, DiscreteDistribution } from './kaplan-meier';
export { estimateKaplanMeier, findDistributionQuantile, measureProbabilityBelow } from './kaplan-meier';
export type { LevelSpread, LevelUncertaintyOptions } from './level-uncertainty';
export { DEFAULT_LEVEL_PARTS, estimateLevelSpread } from './level-uncertainty';
export type { HealthStatus, MilestoneRisk } from './milestone-risk';
export {
  AT_RISK_BELOW,
  describeHealthStatus,
  describeMilestoneRisk,
  findHealthMismatch,
  HEALTH_STATUSES,
  judgeMilestoneRisk,
  LATE_BELOW,
  MILESTONE_RISK_RULE,
  MILESTONE_RISKS,
} from './milestone-risk';
export type { MovingBlocks } from './moving-block-bootstrap';
export {
  buildMovingBlocks,
  simulateFinishWithBlocks,
  simulateTotalsWithBlocks,
} from './moving-block-bootstrap';
export type { ForecastSpread, PastForecast, ReplayedQuestion } from './past-forecasts';
export { clearPastForecastMemo, replayPastForecasts } from './past-forecasts';
export { DEFAULT_LEVELS } from './percentiles';
export type { PitRecalibration } from './pit-recalibration';
export {
  buildPitRecalibration,
  PIT_MIN_FORECASTS,
  PIT_PRIOR_FORECASTS,
  recalibrateFinishForecast,
  recalibrateLevel,
} from './pit-recalibration';
export type {
  FinishForecast,
  FinishPercentile,
  PlanForecast,
  PlanItem,
  PlanMilestone,
  PlanScheduler,
} from './plan-forecast';
export { runPlanForecast } from './plan-forecast';
export { expectRemainingEffort, SPENT_CAP_LEVEL } from './remaining-effort';
export type { PlanBasis, ScheduleGap } from './schedule-gap';
export { describePlanBasis, explainScheduleGap } from './schedule-gap';
export type {
  CalibrationRow,
  CalibrationSummary,
  CoverageTrend,
  ForecastScore,
  StoredPercentile,
} from './scoring';
export {
  describePlanTrackRecord,
  measureCoverageTrend,
  scoreForecast,
  summarizeCalibration,
} from './scoring';
export type { CalibrationStatus, ForecastCalibration, SelfCalibrationOptions } from './self-calibration';
export { DEFAULT_CALIBRATION } from './self-calibration';
export type { CompletedSize, SizeDistribution } from './size-distribution';
export { learnSizeDistribution, MIN_SIZES, typicalSize } from './size-distribution';
export type { DeliveredItem, EffortRatios, EffortRecord, FocusFactor, RatioLookup } from './team-record';
export {
  buildRatioLookup,
  learnFocusFactor,
  MIN_FOCUS_ITEMS,
  MIN_RATIOS,
  medianRatioBefore,
} from './team-record';
export type { PertDistribution, ThreePointEstimate } from './three-point';
export { fitPert, samplePert } from './three-point';
export {
  forecastCompletion,
  forecastCountByDate,
  simulateCompletion,
  simulateCounts,
} from './throughput-forecast';
export type {
  CompletionForecast,
  CountForecast,
  DatePercentile,
  ForecastBasis,
  ThroughputForecastOptions,
} from './throughput-types';
export type { WeeklyThroughput } from './weekly-samples';
export { buildWeeklySamplePool, DAYS_PER_WEEK, isWeeklyThroughput } from './weekly-samples';
