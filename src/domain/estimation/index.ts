// Public API of the estimation engine: three-point, sizes and points, sessions, calibration.
export { type CalibratedEstimate, calibrateEstimate, pickCalibrationProfile } from './calibrate-estimate';
export {
  buildCalibrationProfile,
  buildCalibrationReport,
  type CalibrationGroup,
  type CalibrationProfile,
  type CalibrationReport,
  type CalibrationStatistic,
  type CompletedEstimate,
  type EstimateReference,
  type LogNormalFitSummary,
  MIN_ITEMS_FOR_MEDIAN,
  MIN_ITEMS_FOR_P80,
  MIN_ITEMS_FOR_P90,
  MIN_RANGES_FOR_HIT_RATE,
  measureRangeHitRates,
  measureSingleValueHits,
  type RangeHitRate,
  type RecordedEstimate,
  referenceValue,
  type SingleValueHits,
  type SkippedItem,
} from './calibration';
export {
  type CalibrationDrift,
  type DriftPeriod,
  type DriftTrend,
  type DriftWindow,
  measureCalibrationDrift,
} from './calibration-drift';
export {
  type SessionOutlier,
  type SessionSummary,
  type SessionVote,
  summarizeEstimationSession,
} from './estimation-session';
export { FIT_SIGNIFICANCE, type LogNormalFitTest, testLogNormalFit } from './goodness-of-fit';
export {
  computeLogNormalMean,
  computeLogNormalQuantile,
  fitLogNormal,
  type LogNormalFit,
} from './lognormal-fit';
export {
  checkStoryPoints,
  DEFAULT_TSHIRT_SCALE,
  FIBONACCI_DECK,
  MODIFIED_FIBONACCI_DECK,
  mapTShirtSize,
  type TShirtScale,
  type TShirtSize,
  validateTShirtScale,
} from './sizes';
export { computeNormalCdf, computeNormalQuantile } from './statistics';
export { drawStandardNormal, generateSyntheticHistory } from './synthetic-history';
export {
  computePertMean,
  type EstimateProblem,
  summarizeThreePoint,
  sumThreePointSummaries,
  type ThreePointEstimate,
  type ThreePointMethod,
  type ThreePointSummary,
  validateThreePoint,
} from './three-point';
