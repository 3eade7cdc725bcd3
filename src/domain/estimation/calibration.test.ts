import { describe, expect, it } from 'vitest';
import {
  buildCalibrationProfile,
  buildCalibrationReport,
  type CompletedEstimate,
  MIN_ITEMS_FOR_MEDIAN,
  measureRangeHitRates,
  measureSingleValueHits,
} from './calibration';
import { generateSyntheticHistory } from './synthetic-history';

const Z90 = 1.2815515655446004;

// ln(actual / likely) for ten items: mean 0.5, MLE variance 0.75 (worked out in the test below).
const LOG_RATIOS = [-1, -0.5, 0, 0, 0.5, 0.5, 1, 1, 1.5, 2];

function historyFromLogRatios(
  logRatios: readonly number[],
  extra: Partial<CompletedEstimate> = {},
): CompletedEstimate[] {
  return logRatios.map((logRatio, index) => ({
    itemId: `i${index}`,
    estimate: { kind: 'point', value: 4 },
    actual: 4 * Math.exp(logRatio),
    estimator: 'ana',
    itemType: 'feature',
    completedOn: '2026-01-15',
    ...extra,
  }));
}

describe('buildCalibrationProfile', () => {
  it('should fit the log-normal by hand-computed MLE when ten items are given', () => {
    // mean of logs = (−1 − 0.5 + 0 + 0 + 0.5 + 0.5 + 1 + 1 + 1.5 + 2) / 10 = 5 / 10 = 0.5
    // squared deviations 2.25 + 1 + 0.25 + 0.25 + 0 + 0 + 0.25 + 0.25 + 1 + 2.25 = 7.5 → σ² = 7.5 / 10 = 0.75
    const profile = buildCalibrationProfile({ records: historyFromLogRatios(LOG_RATIOS) });
    if (!profile.ok) throw new Error(profile.reason);
    expect(profile.count).toBe(10);
    expect(profile.logMean).toBeCloseTo(0.5, 12);
    expect(profile.logSd).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(profile.median).toBeCloseTo(Math.exp(0.5), 12);
    // mean ratio exp(μ + σ²/2) = exp(0.5 + 0.375) = exp(0.875)
    expect(profile.mean).toBeCloseTo(Math.exp(0.875), 12);
    // sample median of the ratios: middle logs 0.5 and 0.5 → e^0.5
    expect(profile.sampleMedian).toBeCloseTo(Math.exp(0.5), 12);
    // The logs look normal enough for ten items, so the fit's mean is the one shown.
    expect(profile.fit.accepted).toBe(true);
    expect(profile.shown).toEqual({ quantiles: 'observed', mean: 'log-normal' });
    expect(profile.fit.median).toBeCloseTo(Math.exp(0.5), 12);
    // ten items are too few for P80 (15) and P90 (30)
    expect(profile.p80).toEqual({
      ok: false,
      needed: 15,
      have: 10,
      reason: 'P80 needs at least 15 completed items; there are 10',
    });
    expect(profile.p90.ok).toBe(false);
  });

  it('should give observed P10, P80 and P90 when thirty items are given, and the fit’s beside them', () => {
    // Three copies of the logs, sorted: −1 ×3, −0.5 ×3, 0 ×6, 0.5 ×6, 1 ×6, 1.5 ×3, 2 ×3.
    // Type-7 quantiles of the ratios: P80 at position 23.2, P90 at 26.1, P10 at 2.9.
    const profile = buildCalibrationProfile({
      records: historyFromLogRatios([...LOG_RATIOS, ...LOG_RATIOS, ...LOG_RATIOS]),
    });
    if (!profile.ok) throw new Error(profile.reason);
    const e = Math.exp;
    expect(profile.p80.ok && profile.p80.value).toBeCloseTo(e(1) + 0.2 * (e(1.5) - e(1)), 9);
    expect(profile.p90.ok && profile.p90.value).toBeCloseTo(e(1.5) + 0.1 * (e(2) - e(1.5)), 9);
    expect(profile.p10.ok && profile.p10.value).toBeCloseTo(e(-1) + 0.9 * (e(-0.5) - e(-1)), 9);
    expect(profile.fit.p90).toBeCloseTo(e(0.5 + Z90 * Math.sqrt(0.75)), 9);
  });

  it('should lead with the observed median and reject the fit when ratios pile up at exactly ×1', () => {
    // Like real trackers: 40% of items logged exactly their estimate, the rest spread widely.
    const logs = [...Array(40).fill(0), ...Array.from({ length: 60 }, (_, i) => -2.5 + (5 * i) / 59)];
    const profile = buildCalibrationProfile({ records: historyFromLogRatios(logs) });
    if (!profile.ok) throw new Error(profile.reason);
    expect(profile.median).toBe(1);
    expect(profile.fit.test.tested && profile.fit.test.passes).toBe(false);
    expect(profile.fit.accepted).toBe(false);
    expect(profile.shown).toEqual({ quantiles: 'observed', mean: 'observed' });
    // The mean shown is the plain mean of the ratios, not the fit's.
    const mean = logs.reduce((sum, x) => sum + Math.exp(x), 0) / logs.length;
    expect(profile.mean).toBeCloseTo(mean, 12);
    expect(profile.mean).not.toBeCloseTo(profile.fit.mean, 3);
  });

  it('should refuse and say how many items are needed when there are fewer than ten', () => {
    const profile = buildCalibrationProfile({ records: historyFromLogRatios(LOG_RATIOS.slice(0, 4)) });
    expect(profile).toMatchObject({
      ok: false,
      count: 4,
      needed: MIN_ITEMS_FOR_MEDIAN,
      reason:
        'calibrating the workspace needs at least 10 completed items with an estimate and an actual; there are 4',
    });
  });

  it('should skip items without a usable actual or estimate and count only the rest', () => {
    const records = [
      ...historyFromLogRatios(LOG_RATIOS),
      { ...historyFromLogRatios([0])[0], itemId: 'zero-actual', actual: 0 } as CompletedEstimate,
      {
        ...historyFromLogRatios([0])[0],
        itemId: 'zero-estimate',
        estimate: { kind: 'point', value: 0 },
      } as CompletedEstimate,
    ];
    const profile = buildCalibrationProfile({ records });
    expect(profile.count).toBe(10);
    expect(profile.skipped.map((item) => item.itemId)).toEqual(['zero-actual', 'zero-estimate']);
  });

  it('should measure the ratio against the PERT mean when asked', () => {
    // O 1, M 2, P 9 → PERT mean (1 + 8 + 9) / 6 = 3; actual 6 → ratio 2 against the mean, 3 against likely
    const records: CompletedEstimate[] = Array.from({ length: 10 }, (_, index) => ({
      itemId: `p${index}`,
      estimate: { kind: 'three-point', optimistic: 1, likely: 2, pessimistic: 9 },
      actual: 6,
      estimator: 'ben',
      itemType: 'bug',
      completedOn: '2026-02-01',
    }));
    const againstMean = buildCalibrationProfile({ records, reference: 'pert-mean' });
    const againstLikely = buildCalibrationProfile({ records });
    expect(againstMean.ok && againstMean.median).toBeCloseTo(2, 12);
    expect(againstLikely.ok && againstLikely.median).toBeCloseTo(3, 12);
  });
});

describe('measureRangeHitRates', () => {
  it('should say how often 90% ranges contained the actual', () => {
    // Ten 90% ranges [2, 6]; actuals 3, 4, 5, 6, 2, 7 hit (6 — the ends count) … 7, 8, 9, 1 miss: 6 of 10
    const actuals = [3, 4, 5, 6, 2, 7, 8, 9, 1, 6.5];
    const records: CompletedEstimate[] = actuals.map((actual, index) => ({
      itemId: `r${index}`,
      estimate: { kind: 'three-point', optimistic: 2, likely: 3, pessimistic: 6, rangeConfidence: 0.9 },
      actual,
      estimator: 'ana',
      itemType: 'feature',
      completedOn: '2026-03-01',
    }));
    const [rate] = measureRangeHitRates(records);
    expect(rate?.hits).toBe(5);
    expect(rate?.message).toBe('your 90% three-point ranges contain the actual 50% of the time (5 of 10)');
    expect(rate).toMatchObject({ stated: 'three-point range', confidenceStated: true });
  });

  it('should keep confidence levels apart and refuse a rate from too few ranges', () => {
    const ranges = (confidence: number, count: number): CompletedEstimate[] =>
      Array.from({ length: count }, (_, index) => ({
        itemId: `${confidence}-${index}`,
        estimate: {
          kind: 'three-point',
          optimistic: 1,
          likely: 2,
          pessimistic: 3,
          rangeConfidence: confidence,
        },
        actual: 2,
        estimator: 'ana',
        itemType: 'feature',
        completedOn: '2026-03-01',
      }));
    const rates = measureRangeHitRates([...ranges(0.8, 12), ...ranges(0.9, 3)]);
    expect(rates.map((rate) => [rate.statedConfidence, rate.ranges, rate.rate.ok])).toEqual([
      [0.9, 3, false],
      [0.8, 12, true],
    ]);
    expect(rates[0]?.message).toBe(
      'a hit rate for 90% three-point ranges needs at least 10 of them; there are 3',
    );
  });

  it('should not read a range with no stated confidence as a stated 90%', () => {
    const records: CompletedEstimate[] = Array.from({ length: 10 }, (_, index) => ({
      itemId: `u${index}`,
      estimate: { kind: 'three-point', optimistic: 1, likely: 2, pessimistic: 4 },
      actual: index < 7 ? 3 : 5,
      estimator: 'ana',
      itemType: 'feature',
      completedOn: '2026-03-01',
    }));
    const [rate] = measureRangeHitRates(records);
    expect(rate).toMatchObject({ confidenceStated: false, hits: 7 });
    expect(rate?.message).toBe(
      'your three-point ranges (no confidence stated) contain the actual 70% of the time (7 of 10)',
    );
  });

  it('should leave single values and ranges of zero width out of range hit rates', () => {
    const single = (value: number, actual: number, index: number): CompletedEstimate => ({
      itemId: `s${index}`,
      estimate:
        index % 2 === 0
          ? { kind: 'point', value }
          : { kind: 'three-point', optimistic: value, likely: value, pessimistic: value },
      actual,
      estimator: 'ana',
      itemType: 'feature',
      completedOn: '2026-03-01',
    });
    const records = Array.from({ length: 12 }, (_, i) => single(4, i < 3 ? 4 : 6, i));
    expect(measureRangeHitRates(records)).toEqual([]);
    expect(measureSingleValueHits(records)).toEqual({
      stated: 'single value',
      estimates: 12,
      withinEstimate: 3,
      rate: { ok: true, value: 0.25 },
      message:
        'single-value estimates were met (done within the estimate) 25% of the time (3 of 12); a single value states no range',
    });
  });
});

describe('calibration on synthetic histories', () => {
  // Truth: ln(actual/likely) ~ N(ln 1.3, 0.5²) → median 1.3, P90 = 1.3 × e^(0.5 × 1.28155) ≈ 2.4556.
  const MEDIAN = 1.3;
  const LOG_SD = 0.5;
  const TRUE_P90 = MEDIAN * Math.exp(LOG_SD * Z90);

  it('should recover the median and P90 within 5% when 500 items are fitted', () => {
    const profile = buildCalibrationProfile({
      records: generateSyntheticHistory({ count: 500, seed: 42, medianRatio: MEDIAN, logSd: LOG_SD }),
    });
    if (!profile.ok || !profile.p90.ok) throw new Error('500 items must be enough');
    expect(Math.abs(profile.median / MEDIAN - 1)).toBeLessThan(0.05);
    expect(Math.abs(profile.p90.value / TRUE_P90 - 1)).toBeLessThan(0.05);
  });

  it('should be unbiased on average across seeds when 500 items are fitted', () => {
    // Averaging 20 independent fits shrinks the sampling error by √20, so 2% is a tight but safe bound.
    let logMedianSum = 0;
    let logP90Sum = 0;
    for (let seed = 1; seed <= 20; seed += 1) {
      const profile = buildCalibrationProfile({
        records: generateSyntheticHistory({ count: 500, seed, medianRatio: MEDIAN, logSd: LOG_SD }),
      });
      if (!profile.ok || !profile.p90.ok) throw new Error('500 items must be enough');
      logMedianSum += Math.log(profile.median);
      logP90Sum += Math.log(profile.p90.value);
    }
    expect(Math.abs(Math.exp(logMedianSum / 20) / MEDIAN - 1)).toBeLessThan(0.02);
    expect(Math.abs(Math.exp(logP90Sum / 20) / TRUE_P90 - 1)).toBeLessThan(0.02);
  });

  it('should measure the hit rate the bias implies when stated 90% ranges are too narrow', () => {
    // Ranges [0.8 × likely, 1.5 × likely] contain the actual when 0.8 ≤ ratio ≤ 1.5:
    // P = Φ((ln 1.5 − ln 1.3) / 0.5) − Φ((ln 0.8 − ln 1.3) / 0.5) = Φ(0.2862) − Φ(−0.9710) ≈ 0.6126 − 0.1658 = 0.4468
    const profile = buildCalibrationProfile({
      records: generateSyntheticHistory({ count: 500, seed: 7, medianRatio: MEDIAN, logSd: LOG_SD }),
    });
    if (!profile.ok) throw new Error('500 items must be enough');
    const rate = profile.hitRates[0]?.rate;
    // Binomial standard error √(0.447 × 0.553 / 500) ≈ 0.022; allow three of them.
    expect(rate?.ok && Math.abs(rate.value - 0.4468)).toBeLessThan(0.066);
  });

  it('should profile each estimator and each item type apart', () => {
    const records = [
      ...generateSyntheticHistory({
        count: 40,
        seed: 3,
        medianRatio: 1,
        logSd: 0.01,
        estimators: ['ana'],
        itemTypes: ['bug'],
      }),
      ...generateSyntheticHistory({
        count: 12,
        seed: 4,
        medianRatio: 2,
        logSd: 0.01,
        estimators: ['ben'],
        itemTypes: ['feature'],
      }),
      ...generateSyntheticHistory({
        count: 5,
        seed: 5,
        medianRatio: 3,
        logSd: 0.01,
        estimators: ['cy'],
        itemTypes: ['feature'],
      }),
    ].map((record, index) => ({ ...record, itemId: `r${index}` }));
    const report = buildCalibrationReport({ records });
    expect(report.overall.count).toBe(57);
    expect(report.byEstimator.map((profile) => [profile.group, profile.ok])).toEqual([
      [{ kind: 'estimator', key: 'ana' }, true],
      [{ kind: 'estimator', key: 'ben' }, true],
      [{ kind: 'estimator', key: 'cy' }, false],
    ]);
    const ana = report.byEstimator[0];
    const ben = report.byEstimator[1];
    expect(ana?.ok && ana.median).toBeCloseTo(1, 1);
    expect(ben?.ok && ben.median).toBeCloseTo(2, 1);
    // feature = ben's 12 (ratio 2) + cy's 5 (ratio 3): 17 items
    expect(report.byItemType.map((profile) => [profile.group, profile.count])).toEqual([
      [{ kind: 'item-type', key: 'bug' }, 40],
      [{ kind: 'item-type', key: 'feature' }, 17],
    ]);
  });
});
