import { computeLogNormalMean, computeLogNormalQuantile, fitLogNormal } from './lognormal-fit';
import { computeMedian } from './statistics';

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

/** How often the stated ranges of one confidence level contained the actual. */
export type RangeHitRate = {
  statedConfidence: number;
  ranges: number;
  hits: number;
  /** hits / ranges, or why not yet. */
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
      /** Parameters of the log-normal fit of actual/estimate. */
      logMean: number;
      logSd: number;
      /** Fitted median ratio (= geometric mean): 1.3 means work typically takes 30% more than estimated. */
      median: number;
      /** Fitted mean ratio exp(μ + σ²/2): what totals over many items tend to. */
      mean: number;
      /** The plain sample median, as a check on the fit. */
      sampleMedian: number;
      p10: CalibrationStatistic;
      p80: CalibrationStatistic;
      p90: CalibrationStatistic;
      hitRates: RangeHitRate[];
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
  return reference === 'likely'
    ? estimate.likely
    : (estimate.optimistic + 4 * estimate.likely + estimate.pessimistic) / 6;
}

const describeGroup = (group: CalibrationGroup): string =>
  group.kind === 'all'
    ? 'the workspace'
    : group.kind === 'estimator'
      ? `estimator ${group.key}`
      : `item type ${group.key}`;

const percent = (value: number): string => `${Math.round(value * 100)}%`;

function tailStatistic(
  fit: ReturnType<typeof fitLogNormal>,
  probability: number,
  needed: number,
  label: string,
): CalibrationStatistic {
  if (fit.count < needed) {
    return {
      ok: false,
      needed,
      have: fit.count,
      reason: `${label} needs at least ${needed} completed items; there are ${fit.count}`,
    };
  }
  return { ok: true, value: computeLogNormalQuantile(fit, probability) };
}

/**
 * Measures how often stated ranges contained the actual, per claimed confidence level.
 * @param records completed items; only three-point estimates have ranges
 * @returns one hit rate per confidence level, highest level first
 */
export function measureRangeHitRates(records: readonly CompletedEstimate[]): RangeHitRate[] {
  const byConfidence = new Map<number, { ranges: number; hits: number }>();
  for (const record of records) {
    if (record.estimate.kind !== 'three-point' || !Number.isFinite(record.actual)) continue;
    const confidence = record.estimate.rangeConfidence ?? 0.9;
    const tally = byConfidence.get(confidence) ?? { ranges: 0, hits: 0 };
    tally.ranges += 1;
    if (record.actual >= record.estimate.optimistic && record.actual <= record.estimate.pessimistic)
      tally.hits += 1;
    byConfidence.set(confidence, tally);
  }
  return [...byConfidence.entries()]
    .sort(([a], [b]) => b - a)
    .map(([statedConfidence, { ranges, hits }]) => {
      if (ranges < MIN_RANGES_FOR_HIT_RATE) {
        const reason = `a hit rate for ${percent(statedConfidence)} ranges needs at least ${MIN_RANGES_FOR_HIT_RATE} of them; there are ${ranges}`;
        return {
          statedConfidence,
          ranges,
          hits,
          rate: { ok: false, needed: MIN_RANGES_FOR_HIT_RATE, have: ranges, reason },
          message: reason,
        };
      }
      const rate = hits / ranges;
      return {
        statedConfidence,
        ranges,
        hits,
        rate: { ok: true, value: rate },
        message: `your ${percent(statedConfidence)} ranges contain the actual ${percent(rate)} of the time (${hits} of ${ranges})`,
      };
    });
}

/**
 * Fits the actual/estimate distribution of a group of completed items.
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
  return {
    ok: true,
    group,
    reference,
    count: ratios.length,
    skipped,
    logMean: fit.logMean,
    logSd: fit.logSd,
    median: Math.exp(fit.logMean),
    mean: computeLogNormalMean(fit),
    sampleMedian: computeMedian(ratios),
    p10: tailStatistic(fit, 0.1, MIN_ITEMS_FOR_P90, 'P10'),
    p80: tailStatistic(fit, 0.8, MIN_ITEMS_FOR_P80, 'P80'),
    p90: tailStatistic(fit, 0.9, MIN_ITEMS_FOR_P90, 'P90'),
    hitRates: measureRangeHitRates(usable),
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
