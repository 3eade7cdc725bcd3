/**
 * Replaying the forecaster at a team's own past origins: what would it have said a week ago,
 * two weeks ago, … two years ago, and where did what really happened fall in each of those
 * forecasts? This is the record a forecast is calibrated on (see self-calibration.ts).
 *
 * Each past forecast uses only the days before its own origin and the same method and window as
 * the forecast being calibrated, asked the same question (the same number of items, or the same
 * number of days). Its outcome is read from the days before the current start only: an outcome
 * that had not finished by then is "running" and only bounds where it will fall.
 *
 * Where an outcome fell is recorded as its miss share: the share of the past forecast's trials
 * strictly more favourable than what happened (finished on an earlier day, or counted more
 * items). A forecast's level-p answer held exactly when the miss share was below p: a P85 date
 * was met when fewer than 85% of trials had finished strictly before the real day. This is the
 * probability integral transform (PIT) of the outcome, taken on the side that matches how the
 * forecast's statements are read, so that discrete days and counts need no randomisation.
 *
 * The simulated trials of a past forecast depend only on its origin, its window's days and the
 * settings, never on the current start, so they are memoised: a forecast asked again, or a
 * backtest walking forward a week at a time, replays each past origin once.
 */
import { formatIsoDay, toDayNumber } from '../shared/calendar';
import { createMemo } from './forecast-memo';
import type { DailyThroughput } from './history-samples';
import { deriveTrialSeed } from './independent-days';
import { simulateCompletion, simulateCounts } from './throughput-forecast';
import type { ThroughputForecastOptions } from './throughput-types';

/** The question replayed: "when will N items be done?" or "how many in the next H days?". */
export type ReplayedQuestion = { items: number } | { days: number };

/**
 * A forecast's spread on the scale of its answers: the 16th, 50th and 84th percentiles of the
 * simulated day offsets ("when") or counts ("how many"); ±1 standard deviation for a normal.
 */
export interface ForecastSpread {
  low: number;
  median: number;
  high: number;
}

/** One past forecast and where its outcome fell. */
export interface PastForecast {
  /** The past origin (day number). */
  originDay: number;
  /**
   * Share of the past forecast's trials strictly more favourable than the outcome (0..1). When
   * `running`, a bound: for "when", the share is at least this (the work is still not done); for
   * "how many", at most this (at least the items counted so far will be done).
   */
  missShare: number;
  /** The outcome: day offset of the N-th item, or items done in the days; a lower bound when running. */
  outcome: number;
  running: boolean;
  /** The past forecast's own spread; null when its 84th percentile lay beyond the replay's horizon. */
  spread: ForecastSpread | null;
}

/** Settings of a replay. */
export interface ReplaySettings {
  /** The daily history; only its days before `start` are read. */
  history: DailyThroughput;
  /** The current start (YYYY-MM-DD). */
  start: string;
  question: ReplayedQuestion;
  /** The method of the forecast being calibrated (window, blocks, level, calendar, minimum). */
  method: Pick<
    ThroughputForecastOptions,
    'window' | 'blockDays' | 'levelUncertainty' | 'calendar' | 'minimum'
  >;
  /** The current forecast's seed: each past forecast derives its own from it and its origin. */
  seed: number;
  /** Trials per past forecast. */
  trials: number;
  /** Days between consecutive past origins. */
  everyDays: number;
  /** How far back past origins go, in days. */
  spanDays: number;
  /** A past origin counts only when its `recentDays` before it delivered at least `recentItems`. */
  qualify: { recentDays: number; recentItems: number };
}

// Past "when" forecasts are simulated to a fixed horizon, whatever the current start, so that
// one simulation serves every later start: no outcome is read further than `spanDays` after its
// origin, and trials beyond the horizon count as not finished by then.
const HORIZON_SLACK_DAYS = 7;
const MEMO_ENTRIES = 4096;

/** Per past forecast: trials finished by the end of each day offset, or sorted per-trial counts. */
type PastDistribution =
  | { kind: 'when'; finishedBy: Int32Array; trials: number }
  | { kind: 'count'; totals: Int32Array }
  | { kind: 'none' };

const memo = createMemo<PastDistribution>(MEMO_ENTRIES);

/**
 * Forgets every memoised past forecast (for benchmarks measuring a cold start).
 */
export function clearPastForecastMemo(): void {
  memo.clear();
}

/**
 * Items completed in a span of the history (days outside it count as nothing).
 * @param history the daily history.
 * @param fromDay first day number.
 * @param toDay day number after the last one.
 * @returns the total.
 */
export function countItemsBetween(history: DailyThroughput, fromDay: number, toDay: number): number {
  const first = toDayNumber(history.firstDate);
  let total = 0;
  for (let day = Math.max(fromDay, first); day < Math.min(toDay, first + history.counts.length); day++) {
    total += history.counts[day - first] ?? 0;
  }
  return total;
}

function simulatePast(settings: ReplaySettings, originDay: number, horizonDays: number): PastDistribution {
  const { history, question, method, trials } = settings;
  const first = toDayNumber(history.firstDate);
  const windowDays = method.window?.days;
  const from = Math.max(first, windowDays === undefined ? first : originDay - windowDays);
  const end = Math.min(originDay, first + history.counts.length);
  const slice = Array.from(history.counts).slice(Math.max(0, from - first), Math.max(0, end - first));
  const seed = deriveTrialSeed(settings.seed, -1 - originDay);
  // The key holds every input of the simulation exactly: the window's days and where they sit.
  const { blockDays, levelUncertainty, calendar, minimum } = method;
  const settingsKey = [originDay, from, question, horizonDays, trials, seed, windowDays, blockDays];
  const key = JSON.stringify([...settingsKey, levelUncertainty, calendar, minimum]) + slice.join(',');
  return memo.get(key, () => {
    const options: ThroughputForecastOptions = {
      history,
      start: formatIsoDay(originDay),
      trials,
      seed,
      ...(windowDays !== undefined ? { window: { days: windowDays } } : {}),
      ...(blockDays !== undefined ? { blockDays } : {}),
      ...(levelUncertainty ? { levelUncertainty } : {}),
      ...(calendar ? { calendar } : {}),
      ...(minimum ? { minimum } : {}),
    };
    if ('items' in question) {
      const simulated = simulateCompletion({ ...options, items: question.items, maxDays: horizonDays });
      if (simulated.status !== 'ok') return { kind: 'none' };
      const finishedBy = new Int32Array(simulated.finishHistogram.length);
      let running = 0;
      for (let d = 0; d < finishedBy.length; d++) {
        running += simulated.finishHistogram[d]!;
        finishedBy[d] = running;
      }
      return { kind: 'when', finishedBy, trials };
    }
    const simulated = simulateCounts({ ...options, by: formatIsoDay(originDay + question.days - 1) });
    return simulated.status === 'ok' ? { kind: 'count', totals: simulated.totals } : { kind: 'none' };
  });
}

/**
 * The spread of a "when" forecast from its trials.
 * @param finishedBy trials finished by the end of each day offset (cumulative).
 * @param trials all trials, finished or not.
 * @returns the 16th/50th/84th percentile day offsets, or null when the 84th is beyond the horizon.
 */
export function describeFinishSpread(finishedBy: ArrayLike<number>, trials: number): ForecastSpread | null {
  const at = (share: number): number | null => {
    const needed = Math.max(1, Math.ceil(share * trials - 1e-9));
    for (let d = 0; d < finishedBy.length; d++) if (finishedBy[d]! >= needed) return d;
    return null;
  };
  const low = at(0.16);
  const median = at(0.5);
  const high = at(0.84);
  return low === null || median === null || high === null ? null : { low, median, high };
}

/**
 * The spread of a "how many" forecast from its trials.
 * @param totals each trial's count, sorted ascending.
 * @returns the 16th/50th/84th percentile counts.
 */
export function describeCountSpread(totals: ArrayLike<number>): ForecastSpread {
  const at = (share: number) => totals[Math.max(1, Math.ceil(share * totals.length - 1e-9)) - 1]!;
  return { low: at(0.16), median: at(0.5), high: at(0.84) };
}

// Share of sorted totals strictly greater than x.
function shareAbove(totals: Int32Array, x: number): number {
  let lo = 0;
  let hi = totals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (totals[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return (totals.length - lo) / totals.length;
}

/**
 * Replays the forecaster at past origins (the start minus every `everyDays`, back `spanDays`)
 * and records where each outcome fell.
 * @param settings the history, start, question, method and replay settings.
 * @returns one record per qualifying past origin, most recent first.
 */
export function replayPastForecasts(settings: ReplaySettings): PastForecast[] {
  const { history, question, everyDays, spanDays, qualify } = settings;
  const startDay = toDayNumber(settings.start);
  const first = toDayNumber(history.firstDate);
  // Days after the history's end are not known, even before the start.
  const knownEnd = Math.min(startDay, first + history.counts.length);
  const horizonDays = spanDays + HORIZON_SLACK_DAYS;
  const records: PastForecast[] = [];
  for (let originDay = startDay - everyDays; originDay > startDay - spanDays - 1; originDay -= everyDays) {
    if (originDay <= first || originDay >= knownEnd) continue;
    if (countItemsBetween(history, originDay - qualify.recentDays, originDay) < qualify.recentItems) continue;
    const past = simulatePast(settings, originDay, horizonDays);
    if (past.kind === 'none') continue;
    if (past.kind === 'when') {
      const items = (question as { items: number }).items;
      let done = 0;
      let finish = -1;
      for (let day = originDay; day < knownEnd; day++) {
        done += history.counts[day - first] ?? 0;
        if (done >= items) {
          finish = day - originDay;
          break;
        }
      }
      // Not done by the last known day: it finishes at offset knownEnd − origin or later.
      const bound = finish >= 0 ? finish : knownEnd - originDay;
      const earlier = bound === 0 ? 0 : past.finishedBy[Math.min(bound, past.finishedBy.length) - 1]!;
      records.push({
        originDay,
        missShare: earlier / past.trials,
        outcome: bound,
        running: finish < 0,
        spread: describeFinishSpread(past.finishedBy, past.trials),
      });
    } else {
      const days = (question as { days: number }).days;
      const end = Math.min(originDay + days, knownEnd);
      const counted = countItemsBetween(history, originDay, end);
      records.push({
        originDay,
        missShare: shareAbove(past.totals, counted),
        outcome: counted,
        running: originDay + days > knownEnd,
        spread: describeCountSpread(past.totals),
      });
    }
  }
  return records;
}
