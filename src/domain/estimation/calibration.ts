import { computeMedian, computeQuantile } from '../shared/stats';
import { type LogNormalFitTest, testLogNormalFit } from './goodness-of-fit';
import { computeLogNormalMean, computeLogNormalQuantile, fitLogNormal } from './lognormal-fit';
import { computePertMean } from './three-point';

/** The estimate recorded for an item: a three-point range (with its claimed confidence) or a single value. */
export type RecordedEstimate =
  | {
      kind: 'three-point';
      optimistic: number;
      likely: number;
      pessimistic: number;
      /** How sure the estimator said the actual would fall in [optimistic, pessimistic]; 0.9 when absent. */
      rangeConfidence?: number;
    }
  | { kind: 'point'; value: number };

/** A completed item with its estimate and the actual effort, in the same unit. */
export type CompletedEstimate = {
  itemId: string;
  estimate: RecordedEstimate;
  actual: number;
  estimator: string;
  itemType: string;
  /** Completion date, ISO `YYYY-MM-DD` (UTC). */
  completedOn: string;
};

/** Which number of a three-point estimate the ratio actual/estimate is taken against. */
export type EstimateReference = 'likely' | 'pert-mean';

/**
 * Fewest completed items for a median ratio. A log-normal median is exp(mean of logs); with the
 * spread typical of software (a factor of about two either way, σ ≈ 0.7) its standard error after
 * n items is σ/√n, about ±25% at n = 10 and more than ±40% below 3. Fewer than 10 is guesswork.
 */
export const MIN_ITEMS_FOR_MEDIAN = 10;
/**
 * Fewest completed items for P80. With n items the largest one exceeds the true P80 with
 * probability 1 − 0.8ⁿ, which reaches 95% only at n = 14: below that the data cannot even show
 * where the 80th percentile lies, so the fitted tail would be pure assumption.
 */
export const MIN_ITEMS_FOR_P80 = 15;
/**
 * Fewest completed items for P90 (and P10, used for calibrated ranges). The largest of n items
 * exceeds the true P90 with probability 1 − 0.9ⁿ, which reaches 95% at n = 29.
 */
export const MIN_ITEMS_FOR_P90 = 30;
/** Fewest stated ranges for a hit rate: below 10 each range moves the rate by more than 10 points. */
export const MIN_RANGES_FOR_HIT_RATE = 10;

/** A statistic, or why it is not shown yet. */
export type CalibrationStatistic =
  | { ok: true; value: number }
  | { ok: false; needed: number; have: number; reason: string };

/** How often the three-point ranges of one confidence level contained the actual. */
export type RangeHitRate = {
  /** What the estimates stated: always three-point ranges (single values have no range to hit). */
  stated: 'three-point range';
  /** The confidence claimed for the range; 0.9 is assumed when none was stated. */
  statedConfidence: number;
  /** false when the estimator gave no confidence and 0.9 is only how the range is read. */
  confidenceStated: boolean;
  ranges: number;
  hits: number;
  /** hits / ranges, or why not yet. */
  rate: CalibrationStatistic;
  message: string;
};

/** The log-normal fit of a group's ratios and whether it describes them. */
export type LogNormalFitSummary = {
  logMean: number;
  logSd: number;
  /** Fitted median exp(μ) and P10/P90, to set against the observed ones. */
  median: number;
  p10: number;
  p90: number;
  /** Fitted mean exp(μ + σ²/2). */
  mean: number;
  test: LogNormalFitTest;
  /** true only when the test ran and passed: only then is any fitted number used. */
  accepted: boolean;
};

/** How often single-value estimates were met: they state a value, not a range, so there is no "90% range" to hit. */
export type SingleValueHits = {
  stated: 'single value';
  estimates: number;
  /** Items done within their estimate (actual ≤ estimate). */
  withinEstimate: number;
  rate: CalibrationStatistic;
  message: string;
};

/** The group a profile describes. */
export type CalibrationGroup =
  | { kind: 'all' }
  | { kind: 'estimator'; key: string }
  | { kind: 'item-type'; key: string };

/** An item left out of the calibration, with why. */
export type SkippedItem = { itemId: string; reason: string };

/** The actual/estimate distribution of one group. */
export type CalibrationProfile =
  | {
      ok: true;
      group: CalibrationGroup;
      reference: EstimateReference;
      count: number;
      skipped: SkippedItem[];
      /** Parameters of the log-normal fit of actual/estimate (see `fit` for whether it holds). */
      logMean: number;
      logSd: number;
      /** Observed median ratio, the headline: 1.3 means half the items took at least 30% more than estimated. */
      median: number;
      /** Mean ratio, what totals over many items tend to: the fit's exp(μ + σ²/2) when the fit passes, else observed. */
      mean: number;
      /** The observed median (the same as `median`; kept for callers that compared it with the fit). */
      sampleMedian: number;
      /** Observed quantiles of actual/estimate, each from enough items to locate it. */
      p10: CalibrationStatistic;
      p80: CalibrationStatistic;
      p90: CalibrationStatistic;
      /** Which numbers are shown: quantiles are always observed; the mean comes from the fit only when it passes. */
      shown: { quantiles: 'observed'; mean: 'log-normal' | 'observed' };
      /** The log-normal fit, its goodness-of-fit test, and its quantiles for comparison. */
      fit: LogNormalFitSummary;
      /** Hit rates of three-point ranges, per confidence level. */
      hitRates: RangeHitRate[];
      /** How often single-value estimates were met; null when there are none. */
      singleValues: SingleValueHits | null;
    }
  | {
      ok: false;
      group: CalibrationGroup;
      count: number;
      needed: number;
      skipped: SkippedItem[];
      reason: string;
    };

/**
 * The estimate a ratio is measured against.
 * @param estimate the recorded estimate
 * @param reference `likely` (default) or `pert-mean` for three-point estimates
 * @returns the reference value
 */
export function referenceValue(estimate: RecordedEstimate, reference: EstimateReference = 'likely'): number {
  if (estimate.kind === 'point') return estimate.value;
  return reference === 'likely' ? estimate.likely : computePertMean(estimate);
}

const describeGroup = (group: CalibrationGroup): string =>
  group.kind === 'all'
    ? 'the workspace'
    : group.kind === 'estimator'
      ? `estimator ${group.key}`
      : `item type ${group.key}`;

const percent = (value: number): string => `${Math.round(value * 100)}%`;

function observedQuantile(
  ratios: readonly number[],
  probability: number,
  needed: number,
  label: string,
): CalibrationStatistic {
  if (ratios.length < needed) {
    return {
      ok: false,
      needed,
      have: ratios.length,
      reason: `${label} needs at least ${needed} completed items; there are ${ratios.length}`,
    };
  }
  return { ok: true, value: computeQuantile(ratios, probability) };
}

/** A range of zero width (optimistic = pessimistic) states a single value, not a range. */
function isRange(estimate: RecordedEstimate): estimate is Extract<RecordedEstimate, { kind: 'three-point' }> {
  return estimate.kind === 'three-point' && estimate.pessimistic > estimate.optimistic;
}

/**
 * Measures how often three-point ranges contained the actual, per claimed confidence level.
 * Single values (and ranges of zero width) are not ranges and are left out: see
 * {@link measureSingleValueHits}.
 * @param records completed items
 * @returns one hit rate per confidence level, highest level first
 */
export function measureRangeHitRates(records: readonly CompletedEstimate[]): RangeHitRate[] {
  const byConfidence = new Map<
    string,
    { confidence: number; stated: boolean; ranges: number; hits: number }
  >();
  for (const record of records) {
    const { estimate } = record;
    if (!isRange(estimate) || !Number.isFinite(record.actual)) continue;
    const stated = estimate.rangeConfidence !== undefined;
    const confidence = estimate.rangeConfidence ?? 0.9;
    const key = `${confidence}:${stated}`;
    const tally = byConfidence.get(key) ?? { confidence, stated, ranges: 0, hits: 0 };
    tally.ranges += 1;
    if (record.actual >= estimate.optimistic && record.actual <= estimate.pessimistic) tally.hits += 1;
    byConfidence.set(key, tally);
  }
  return [...byConfidence.values()]
    .sort((a, b) => b.confidence - a.confidence || Number(b.stated) - Number(a.stated))
    .map(({ confidence: statedConfidence, stated: confidenceStated, ranges, hits }) => {
      const what = confidenceStated
        ? `${percent(statedConfidence)} three-point ranges`
        : 'three-point ranges (no confidence stated)';
      const common = {
        stated: 'three-point range' as const,
        statedConfidence,
        confidenceStated,
        ranges,
        hits,
      };
      if (ranges < MIN_RANGES_FOR_HIT_RATE) {
        const reason = `a hit rate for ${what} needs at least ${MIN_RANGES_FOR_HIT_RATE} of them; there are ${ranges}`;
        return {
          ...common,
          rate: { ok: false, needed: MIN_RANGES_FOR_HIT_RATE, have: ranges, reason },
          message: reason,
        };
      }
      const rate = hits / ranges;
      return {
        ...common,
        rate: { ok: true, value: rate },
        message: `your ${what} contain the actual ${percent(rate)} of the time (${hits} of ${ranges})`,
      };
    });
}

/**
 * Measures how often single-value estimates (and ranges of zero width) were met: the actual was
 * at most the estimate. A single value claims no range, so it has no "90% range" hit rate.
 * @param records completed items
 * @returns the tally, or null when no estimate is a single value
 */
export function measureSingleValueHits(records: readonly CompletedEstimate[]): SingleValueHits | null {
  let estimates = 0;
  let withinEstimate = 0;
  for (const record of records) {
    if (isRange(record.estimate) || !Number.isFinite(record.actual)) continue;
    const value = referenceValue(record.estimate);
    estimates += 1;
    if (record.actual <= value) withinEstimate += 1;
  }
  if (estimates === 0) return null;
  if (estimates < MIN_RANGES_FOR_HIT_RATE) {
    const reason = `how often single-value estimates are met needs at least ${MIN_RANGES_FOR_HIT_RATE} of them; there are ${estimates}`;
    return {
      stated: 'single value',
      estimates,
      withinEstimate,
      rate: { ok: false, needed: MIN_RANGES_FOR_HIT_RATE, have: estimates, reason },
      message: reason,
    };
  }
  const rate = withinEstimate / estimates;
  return {
    stated: 'single value',
    estimates,
    withinEstimate,
    rate: { ok: true, value: rate },
    message: `single-value estimates were met (done within the estimate) ${percent(rate)} of the time (${withinEstimate} of ${estimates}); a single value states no range`,
  };
}

/**
 * The actual/estimate distribution of a group of completed items: observed quantiles as the
 * headline (real ratios have heavy tails and a spike at exactly ×1, which a log-normal misses),
 * the log-normal fit beside them with a goodness-of-fit test, and the fit's mean used only when
 * the test passes.
 * @param options.records the group's completed items
 * @param options.group which group this is (for labels)
 * @param options.reference which number of a three-point estimate to compare against, `likely` by default
 * @returns the profile, or — with fewer than {@link MIN_ITEMS_FOR_MEDIAN} usable items — a refusal
 *   saying how many are needed. P80 and P90 appear only from 15 and 30 items.
 */
export function buildCalibrationProfile(options: {
  records: readonly CompletedEstimate[];
  group?: CalibrationGroup;
  reference?: EstimateReference;
}): CalibrationProfile {
  const group = options.group ?? { kind: 'all' };
  const reference = options.reference ?? 'likely';
  const skipped: SkippedItem[] = [];
  const usable: CompletedEstimate[] = [];
  const ratios: number[] = [];
  for (const record of options.records) {
    const estimate = referenceValue(record.estimate, reference);
    if (!(Number.isFinite(record.actual) && record.actual > 0)) {
      skipped.push({
        itemId: record.itemId,
        reason: `actual effort ${record.actual} is not a positive number`,
      });
    } else if (!(Number.isFinite(estimate) && estimate > 0)) {
      skipped.push({ itemId: record.itemId, reason: `estimate ${estimate} is not a positive number` });
    } else {
      usable.push(record);
      ratios.push(record.actual / estimate);
    }
  }
  if (ratios.length < MIN_ITEMS_FOR_MEDIAN) {
    return {
      ok: false,
      group,
      count: ratios.length,
      needed: MIN_ITEMS_FOR_MEDIAN,
      skipped,
      reason: `calibrating ${describeGroup(group)} needs at least ${MIN_ITEMS_FOR_MEDIAN} completed items with an estimate and an actual; there are ${ratios.length}`,
    };
  }
  const fit = fitLogNormal(ratios);
  const test = testLogNormalFit(ratios);
  const accepted = test.tested && test.passes;
  const observedMean = ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
  const fittedMean = computeLogNormalMean(fit);
  const median = computeMedian(ratios);
  return {
    ok: true,
    group,
    reference,
    count: ratios.length,
    skipped,
    logMean: fit.logMean,
    logSd: fit.logSd,
    median,
    // A mean is dominated by the few largest ratios: the fit's is steadier, when the fit holds.
    mean: accepted ? fittedMean : observedMean,
    sampleMedian: median,
    p10: observedQuantile(ratios, 0.1, MIN_ITEMS_FOR_P90, 'P10'),
    p80: observedQuantile(ratios, 0.8, MIN_ITEMS_FOR_P80, 'P80'),
    p90: observedQuantile(ratios, 0.9, MIN_ITEMS_FOR_P90, 'P90'),
    shown: { quantiles: 'observed', mean: accepted ? 'log-normal' : 'observed' },
    fit: {
      logMean: fit.logMean,
      logSd: fit.logSd,
      median: Math.exp(fit.logMean),
      p10: computeLogNormalQuantile(fit, 0.1),
      p90: computeLogNormalQuantile(fit, 0.9),
      mean: fittedMean,
      test,
      accepted,
    },
    hitRates: measureRangeHitRates(usable),
    singleValues: measureSingleValueHits(usable),
  };
}

/** Calibration of a workspace as a whole, per estimator and per item type. */
export type CalibrationReport = {
  overall: CalibrationProfile;
  byEstimator: CalibrationProfile[];
  byItemType: CalibrationProfile[];
};

/**
 * Builds the calibration report: one profile for all items, one per estimator, one per item type.
 * @param options.records completed items with estimates and actuals
 * @param options.reference which number of a three-point estimate to compare against
 * @returns the profiles; groups with too little data come back as refusals saying how many items are needed
 */
export function buildCalibrationReport(options: {
  records: readonly CompletedEstimate[];
  reference?: EstimateReference;
}): CalibrationReport {
  const reference = options.reference ?? 'likely';
  const groupBy = (key: (record: CompletedEstimate) => string, kind: 'estimator' | 'item-type') => {
    const groups = new Map<string, CompletedEstimate[]>();
    for (const record of options.records) {
      const name = key(record);
      groups.set(name, [...(groups.get(name) ?? []), record]);
    }
    return [...groups.keys()]
      .sort()
      .map((name) =>
        buildCalibrationProfile({ records: groups.get(name) ?? [], group: { kind, key: name }, reference }),
      );
  };
  return {
    overall: buildCalibrationProfile({ records: options.records, reference }),
    byEstimator: groupBy((record) => record.estimator, 'estimator'),
    byItemType: groupBy((record) => record.itemType, 'item-type'),
  };
}
