/**
 * Walk-forward backtest of throughput forecasts on real histories, for both questions and
 * several methods at the same origins: coverage of P50/P85/P95, width, and quantile (pinball)
 * loss. Origins are scored only where the calibrated method says "calibrated" (52 or more known
 * past outcomes), and only when the outcome is in the data.
 */

import type {
  CalibrationStatus,
  DailyThroughput,
  SelfCalibrationOptions,
} from '../../src/domain/forecasting/index';
import { forecastCompletionCalibrated, forecastCountCalibrated } from '../../src/domain/forecasting/index';
import { computeMedian, formatIsoDay, parseIsoDay } from '../../src/domain/shared';

/** The question asked at every origin. */
export type BacktestQuestion = { items: number } | { days: number };

/** One method compared. */
export interface BacktestMethod {
  label: string;
  calibrate: boolean;
  blockDays?: number;
  levelUncertainty?: boolean;
}

/** Settings shared by every history. */
export interface CalibrationBacktestSettings {
  windowDays: number;
  stepDays: number;
  trials: number;
  seed: number;
  levels: readonly number[];
  calibration?: SelfCalibrationOptions;
}

/** The per-origin answers of one method, and the outcome. */
export interface ScoredOrigin {
  start: string;
  /** Days from the start until the N-th item (0 = start day), or items done in the H days. */
  actual: number;
  /** Per method label: value per level (day offsets or counts; null = beyond the horizon). */
  answers: Map<string, Map<number, number | null>>;
}

/** What one history gave for one question. */
export interface HistoryBacktest {
  scored: ScoredOrigin[];
  /** Origins by the calibrated method's status (all origins with a known outcome). */
  statuses: Record<CalibrationStatus, number>;
  /** Origins where a method had too little history to answer at all. */
  declined: number;
}

const HORIZON_DAYS = 3650;

function findOutcome(counts: ArrayLike<number>, t: number, question: BacktestQuestion): number | null {
  if ('items' in question) {
    let done = 0;
    for (let d = t; d < counts.length; d++) {
      done += counts[d] ?? 0;
      if (done >= question.items) return d - t;
    }
    return null;
  }
  if (t + question.days > counts.length) return null;
  let done = 0;
  for (let d = t; d < t + question.days; d++) done += counts[d] ?? 0;
  return done;
}

function runMethod(
  history: DailyThroughput,
  start: string,
  question: BacktestQuestion,
  method: BacktestMethod,
  settings: CalibrationBacktestSettings,
): { status: CalibrationStatus; values: Map<number, number | null> } | null {
  const common = {
    history,
    start,
    trials: settings.trials,
    seed: settings.seed,
    levels: settings.levels,
    window: { days: settings.windowDays },
    ...(method.blockDays ? { blockDays: method.blockDays } : {}),
    ...(method.levelUncertainty ? { levelUncertainty: {} } : {}),
    calibration: method.calibrate ? (settings.calibration ?? {}) : (false as const),
  };
  if ('items' in question) {
    const result = forecastCompletionCalibrated({ ...common, items: question.items, maxDays: HORIZON_DAYS });
    if (result.status !== 'ok') return null;
    return {
      status: result.calibration.status,
      values: new Map(result.percentiles.map((p) => [p.level, p.dayOffset])),
    };
  }
  const by = formatIsoDay(parseIsoDay(start)! + question.days - 1);
  const result = forecastCountCalibrated({ ...common, by });
  if (result.status !== 'ok') return null;
  return {
    status: result.calibration.status,
    values: new Map(result.percentiles.map((p) => [p.level, p.count])),
  };
}

/**
 * Runs the backtest of one history for one question.
 * @param history daily completed items.
 * @param question N items or H days.
 * @param methods the methods compared; the first calibrated one decides which origins count.
 * @param settings window, spacing, trials, seed, levels.
 * @returns the scored origins and how many origins had each status.
 */
export function backtestCalibration(
  history: DailyThroughput,
  question: BacktestQuestion,
  methods: readonly BacktestMethod[],
  settings: CalibrationBacktestSettings,
): HistoryBacktest {
  const first = parseIsoDay(history.firstDate)!;
  const judge = methods.find((m) => m.calibrate);
  if (!judge) throw new Error('compare at least one calibrated method');
  const statuses: Record<CalibrationStatus, number> = {
    calibrated: 0,
    calibrating: 0,
    insufficient: 0,
    off: 0,
  };
  const scored: ScoredOrigin[] = [];
  let declined = 0;
  for (let t = settings.windowDays; t < history.counts.length; t += settings.stepDays) {
    const actual = findOutcome(history.counts, t, question);
    if (actual === null) continue; // the outcome lies beyond the data
    const start = formatIsoDay(first + t);
    const calibrated = runMethod(history, start, question, judge, settings);
    if (calibrated === null) {
      declined++;
      continue;
    }
    statuses[calibrated.status]++;
    if (calibrated.status !== 'calibrated') continue;
    const answers = new Map<string, Map<number, number | null>>([[judge.label, calibrated.values]]);
    let complete = true;
    for (const method of methods) {
      if (method === judge) continue;
      const answer = runMethod(history, start, question, method, settings);
      if (answer === null) complete = false;
      else answers.set(method.label, answer.values);
    }
    if (!complete) {
      declined++;
      continue;
    }
    scored.push({ start, actual, answers });
  }
  return { scored, statuses, declined };
}

/** Coverage, width and pinball loss of one method over scored origins. */
export interface MethodScore {
  origins: number;
  /** Share of origins whose statement at each level held (0..1). */
  coverage: Map<number, number>;
  /** Median P95 ÷ P50 in days from the start (start day = day 1), "when" only. */
  medianRatio: number;
  /** Median P50 − P95 in items, "how many" only. */
  medianSpread: number;
  /** Mean pinball loss over origins and levels (days or items). */
  pinball: number;
}

/**
 * Scores one method over scored origins (of one or several histories).
 * @param origins the scored origins.
 * @param label the method.
 * @param question which question they answered (fixes the direction of statements).
 * @param levels the levels scored.
 * @returns coverage per level, width and mean pinball loss.
 */
export function scoreMethod(
  origins: readonly ScoredOrigin[],
  label: string,
  question: BacktestQuestion,
  levels: readonly number[],
): MethodScore {
  const when = 'items' in question;
  const hits = new Map(levels.map((l) => [l, 0]));
  const ratios: number[] = [];
  const spreads: number[] = [];
  let loss = 0;
  let terms = 0;
  for (const origin of origins) {
    const answer = origin.answers.get(label)!;
    for (const level of levels) {
      const raw = answer.get(level) ?? null;
      const tau = level / 100;
      if (when) {
        // Beyond the horizon: the statement "done by then" holds; the loss uses the horizon.
        const q = raw ?? HORIZON_DAYS;
        if (origin.actual <= q) hits.set(level, hits.get(level)! + 1);
        const u = origin.actual - q;
        loss += u * (tau - (u < 0 ? 1 : 0));
      } else {
        const q = raw ?? 0;
        if (origin.actual >= q) hits.set(level, hits.get(level)! + 1);
        // "At least q with chance τ" makes q the (1 − τ)-quantile of the count.
        const u = origin.actual - q;
        loss += u * (1 - tau - (u < 0 ? 1 : 0));
      }
      terms++;
    }
    const p50 = answer.get(50) ?? null;
    const p95 = answer.get(95) ?? null;
    if (when) ratios.push(((p95 ?? HORIZON_DAYS) + 1) / ((p50 ?? HORIZON_DAYS) + 1));
    else spreads.push((p50 ?? 0) - (p95 ?? 0));
  }
  const n = origins.length;
  return {
    origins: n,
    coverage: new Map([...hits].map(([l, h]) => [l, n === 0 ? Number.NaN : h / n])),
    medianRatio: ratios.length === 0 ? Number.NaN : computeMedian(ratios),
    medianSpread: spreads.length === 0 ? Number.NaN : computeMedian(spreads),
    pinball: terms === 0 ? Number.NaN : loss / terms,
  };
}
