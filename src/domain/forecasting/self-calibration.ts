/**
 * Self-calibration of throughput forecasts: each forecast learns how wrong the same forecaster
 * has been for this team, and answers so that its levels mean what they say on the team's record.
 *
 * Resampling a team's recent days is over-confident on real histories: delivery is bursty
 * beyond a week and its level moves, so futures vary more than shuffled days say. So:
 *
 * 1. Replay the forecaster weekly over the last two years before the start, asking the same
 *    question (past-forecasts.ts). For each past forecast, take its own median and spread on a
 *    log scale (days from the start, or items, plus one) and score the outcome in those units:
 *        z = (ln(outcome + 1) − ln(median + 1)) / s,  s = (ln(P84 + 1) − ln(P16 + 1)) / 2,
 *    a normalised error: how many of its own "standard deviations" the forecast was off by.
 * 2. Estimate the distribution of z from those past forecasts. Outcomes still running at the
 *    start are right-censored (at least this late, or at least this many items) and go through
 *    Kaplan–Meier (kaplan-meier.ts) instead of being dropped, which would keep only the quick
 *    outcomes of recent origins and make the forecaster look better than it was.
 * 3. Answer today's question from today's median and spread and the past scores: the level-τ
 *    date is the earliest day d with P(z ≤ z(d)) ≥ τ, the level-τ count the largest c with
 *    P(z ≥ z(c)) ≥ τ, each τ taken at its finite-sample value τ(n + 1)/n (as in split-conformal
 *    prediction: the plain empirical quantile of n past values covers the next one with
 *    probability ⌈τn⌉/(n + 1), about a point short at n = 100).
 *
 * Why scores and not the PIT of quantile recalibration (Kuleshov et al., 2018), which reads each
 * level at the share of trials that past outcomes say it should be read at: on real histories
 * more than one past outcome in twenty falls beyond every simulated future of a plain resampling
 * forecast (a PIT of 1), so its P95 can only be read at the most extreme trial, an artefact of the
 * number of trials. A score on a log scale has no such edge: the spread of the team's past errors
 * carries the answer beyond the simulated futures when the record says it must. Both are
 * conformal-style recalibrations of the same replayed forecasts, and both apply to any forecaster
 * that yields a distribution (the plain, block and level methods here, and a plan Monte Carlo):
 * only the replay differs. The PIT view is still reported (`pastCoverage`): how often the
 * uncalibrated forecaster's levels held.
 *
 * Recency: each past forecast's score counts 2^(−age / half-life), age the days from its origin to
 * the start, in a weighted Kaplan–Meier; the finite-sample correction then uses the effective
 * number of past forecasts (Kish). Teams change level and burstiness, so last quarter's errors
 * say more about next month than those of two years ago. The half-life, 364 days, was chosen by
 * leave-one-history-out on six public delivery histories (bench:forecast's data) among ∞ (equal
 * weights), 364 and 182 days, each held-out history judged with the value that did best on the
 * other five (worst of: pooled coverage miss ÷ 2 points, mean per-history miss ÷ 5 points):
 * four of six folds chose 364, two chose equal weights; no fold chose 182.
 *
 * Parameters, chosen before looking at any backtest and not tuned on one: weekly origins (a
 * team's planning rhythm; daily origins would be near-duplicates) over two years (about 100 past
 * forecasts, recent enough to be recognisably the same team); 52 known outcomes before a forecast
 * calls itself calibrated (a year of weekly forecasts: P95 then rests on at least two or three
 * outcomes above it); 10 items in the last 90 days before calibrating at all (below that the
 * replayed forecasts are artefacts of a handful of lucky days); P16–P84 as the spread (±1 σ of a
 * normal, robust to a long tail of trials); 2,000 trials per past forecast (percentiles to well
 * within the spread between past forecasts).
 */
import { toDayNumber } from '../shared/calendar';
import {
  type DiscreteDistribution,
  estimateKaplanMeier,
  findDistributionQuantile,
  measureProbabilityBelow,
} from './kaplan-meier';
import {
  countItemsBetween,
  type ForecastSpread,
  type PastForecast,
  type ReplaySettings,
  replayPastForecasts,
} from './past-forecasts';

/** Where a forecast stands on its own track record. */
export type CalibrationStatus = 'calibrated' | 'calibrating' | 'insufficient' | 'off';

/** How a forecast was calibrated, for every surface to show. */
export interface ForecastCalibration {
  status: CalibrationStatus;
  /** One line saying where the forecast stands, e.g. "calibrated on 96 past forecasts". */
  label: string;
  /** Items finished in the `recentDays` before the start. */
  recentItems: number;
  /** Past forecasts replayed (origins that qualified). */
  pastForecasts: number;
  /**
   * How many equally weighted past forecasts the recency-weighted ones are worth (Kish's
   * effective sample size, (Σw)² / Σw²); the finite-sample correction of levels uses it.
   */
  effectiveForecasts: number;
  /** Past forecasts whose outcome was known by the start. */
  knownOutcomes: number;
  /** Past forecasts whose outcome was still running at the start (censored). */
  runningOutcomes: number;
  /** Known outcomes needed to be calibrated. */
  neededOutcomes: number;
  /** How often the uncalibrated forecaster's level-p statements held in the past (Kaplan–Meier); null when not replayed. */
  pastCoverage: Array<{ level: number; observed: number }> | null;
  /** The distribution of past normalised errors z (Kaplan–Meier); null when not replayed. */
  scores: DiscreteDistribution | null;
  /** Today's forecast spread the scores are applied to; null until the forecast is read. */
  spread: ForecastSpread | null;
}

/** Settings of self-calibration; every one has a default (see the module comment for why). */
export interface SelfCalibrationOptions {
  /** Trials per past forecast (default 2,000). */
  trials?: number;
  /** Days between past origins (default 7). */
  everyDays?: number;
  /** How far back past origins go, in days (default 728: two years of weeks). */
  spanDays?: number;
  /** Known outcomes needed to be calibrated (default 52). */
  neededOutcomes?: number;
  /** Items needed in the last `recentDays` (default 10 in 90). */
  recentItems?: number;
  recentDays?: number;
  /** Days after which a past forecast counts half as much as one made the day before the start (default 364). */
  halfLifeDays?: number;
}

/** The defaults of self-calibration (see the module comment for why each). */
export const DEFAULT_CALIBRATION = {
  trials: 2000,
  everyDays: 7,
  spanDays: 728,
  neededOutcomes: 52,
  recentItems: 10,
  recentDays: 90,
  halfLifeDays: 364,
} as const;

/**
 * The log-scale centre and spread of a forecast: ln(median + 1) and half the log distance from
 * P16 to P84, at least half a step of one unit at the median (the resolution of whole days or
 * items), so that a forecast whose trials all agree still has a scale.
 * @param spread the forecast's percentiles.
 * @returns centre and scale.
 */
export function measureLogSpread(spread: ForecastSpread): { centre: number; scale: number } {
  const centre = Math.log(spread.median + 1);
  const half = (Math.log(spread.high + 1) - Math.log(spread.low + 1)) / 2;
  const resolution = Math.log((spread.median + 2) / (spread.median + 1)) / 2;
  return { centre, scale: Math.max(half, resolution) };
}

/**
 * The normalised error of a value against a forecast's spread.
 * @param value a day offset or a count (≥ 0).
 * @param spread the forecast's percentiles.
 * @returns z = (ln(value + 1) − centre) / scale.
 */
export function scoreAgainstSpread(value: number, spread: ForecastSpread): number {
  const { centre, scale } = measureLogSpread(spread);
  return (Math.log(value + 1) - centre) / scale;
}

/**
 * How much a past forecast counts: halved for every `halfLifeDays` between its origin and the
 * start, so that a team whose level or burstiness has changed is judged mostly on its recent record.
 * @param ageDays days from the past origin to the start.
 * @param halfLifeDays the half-life (Infinity: every past forecast counts the same).
 * @returns the weight, in (0, 1].
 */
export function weighPastForecast(ageDays: number, halfLifeDays: number): number {
  return halfLifeDays === Number.POSITIVE_INFINITY ? 1 : 2 ** (-ageDays / halfLifeDays);
}

/**
 * Kish's effective sample size of weighted observations: (Σw)² / Σw².
 * @param weights positive weights.
 * @returns how many equally weighted observations they are worth (their count when all equal).
 */
export function measureEffectiveSize(weights: readonly number[]): number {
  let sum = 0;
  let squares = 0;
  for (const w of weights) {
    sum += w;
    squares += w * w;
  }
  return squares === 0 ? 0 : (sum * sum) / squares;
}

/**
 * The past scores as one distribution, running outcomes included as lower bounds, recent past
 * forecasts weighing more (see weighPastForecast).
 * @param records past forecasts with a spread.
 * @param weighting the start (day number) and the half-life in days; omitted: equal weights.
 * @returns the weighted Kaplan–Meier distribution of z.
 */
export function estimateScores(
  records: readonly PastForecast[],
  weighting?: { startDay: number; halfLifeDays: number },
): DiscreteDistribution {
  return estimateKaplanMeier(
    records.map((r) => ({
      value: scoreAgainstSpread(r.outcome, r.spread!),
      censored: r.running,
      weight: weighting ? weighPastForecast(weighting.startDay - r.originDay, weighting.halfLifeDays) : 1,
    })),
  );
}

/**
 * How often the uncalibrated forecaster's level-p statements held: P(M < p) for the miss shares
 * M of the past forecasts (see past-forecasts.ts), with running outcomes as bounds.
 * @param records past forecasts.
 * @param question which question they answered: fixes the direction of the bounds.
 * @param levels the levels, in %.
 * @returns the observed share per level.
 */
export function measurePastCoverage(
  records: readonly PastForecast[],
  question: 'when' | 'count',
  levels: readonly number[],
): Array<{ level: number; observed: number }> {
  if (question === 'when') {
    const d = estimateKaplanMeier(records.map((r) => ({ value: r.missShare, censored: r.running })));
    return levels.map((level) => ({ level, observed: measureProbabilityBelow(d, level / 100) }));
  }
  // "How many": a running outcome bounds M from above, so 1 − M is the right-censored one.
  const d = estimateKaplanMeier(records.map((r) => ({ value: 1 - r.missShare, censored: r.running })));
  return levels.map((level) => ({
    level,
    // P(M < p) = P(1 − M > 1 − p) = 1 − P(1 − M ≤ 1 − p).
    observed: 1 - measureProbabilityBelow(d, 1 - level / 100 + 1e-12),
  }));
}

const finiteSampleLevel = (level: number, n: number) => Math.min(1, ((level / 100) * (n + 1)) / n);

/**
 * The calibrated level-τ date: the earliest day offset d with P(z ≤ z(d)) ≥ τ(n + 1)/n, z(d)
 * the score today's forecast would give an outcome on day d.
 * @param options.scores the past scores.
 * @param options.sampleSize past forecasts behind them.
 * @param options.spread today's forecast spread.
 * @param options.level τ, in %.
 * @returns the day offset (0 = the start day).
 */
export function findCalibratedDay(options: {
  scores: DiscreteDistribution;
  sampleSize: number;
  spread: ForecastSpread;
  level: number;
}): number {
  const z = findDistributionQuantile(options.scores, finiteSampleLevel(options.level, options.sampleSize));
  const { centre, scale } = measureLogSpread(options.spread);
  // Today's outcome can only score at whole days: with d the last day whose score is at most z,
  // T ≤ d exactly when z(T) ≤ z, so P(T ≤ d) = P(z(T) ≤ z) ≥ τ, with nothing added by rounding.
  return Math.max(0, Math.floor(Math.exp(centre + z * scale) - 1 + 1e-9));
}

/**
 * The calibrated level-τ count: the largest c with P(z ≥ z(c)) ≥ τ(n + 1)/n, z(c) the score
 * today's forecast would give an outcome of c items.
 * @param options.scores the past scores.
 * @param options.sampleSize past forecasts behind them.
 * @param options.spread today's forecast spread.
 * @param options.level τ, in %.
 * @returns the count (≥ 0).
 */
export function findCalibratedCount(options: {
  scores: DiscreteDistribution;
  sampleSize: number;
  spread: ForecastSpread;
  level: number;
}): number {
  const { scores } = options;
  const allowedBelow = 1 - finiteSampleLevel(options.level, options.sampleSize);
  // The smallest past score with more than 1 − τ of the weight at or below it: the weight
  // strictly below it is at most 1 − τ, so a count scoring at most it holds with chance ≥ τ.
  let cumulative = 0;
  let z = scores.values[scores.values.length - 1]!;
  for (let i = 0; i < scores.values.length; i++) {
    cumulative += scores.masses[i]!;
    if (cumulative > allowedBelow + 1e-9) {
      z = scores.values[i]!;
      break;
    }
  }
  const { centre, scale } = measureLogSpread(options.spread);
  // Today's count can only score at whole items: with c the first count whose score is at least
  // z, X ≥ c exactly when z(X) ≥ z, so P(X ≥ c) = P(z(X) ≥ z) ≥ τ, with nothing lost by rounding.
  return Math.max(0, Math.ceil(Math.exp(centre + z * scale) - 1 - 1e-9));
}

/**
 * The calibrated chance that the work is done by the end of a day: today's outcome can only
 * score at whole days, so it is done by day d exactly when it scores below day d + 1, and the
 * chance of that is the weight of past scores below z(d + 1).
 * @param scores the past scores.
 * @param spread today's forecast spread.
 * @param dayOffset the day (0 = the start day).
 * @returns the chance (0..1), consistent with findCalibratedDay.
 */
export function measureCalibratedDoneBy(
  scores: DiscreteDistribution,
  spread: ForecastSpread,
  dayOffset: number,
): number {
  return measureProbabilityBelow(scores, scoreAgainstSpread(dayOffset + 1, spread));
}

/**
 * The calibration of a forecast that was not calibrated, and why.
 * @param reason why, in a few words (e.g. "plain resampling was asked for").
 * @returns a calibration with status "off".
 */
export function describeUncalibrated(reason: string): ForecastCalibration {
  return {
    status: 'off',
    label: `not calibrated: ${reason}`,
    recentItems: 0,
    pastForecasts: 0,
    effectiveForecasts: 0,
    knownOutcomes: 0,
    runningOutcomes: 0,
    neededOutcomes: DEFAULT_CALIBRATION.neededOutcomes,
    pastCoverage: null,
    scores: null,
    spread: null,
  };
}

function describeStatus(c: Omit<ForecastCalibration, 'label'>, recentDays: number, minItems: number): string {
  const running = c.runningOutcomes > 0 ? ` (${c.runningOutcomes} more still running)` : '';
  switch (c.status) {
    case 'insufficient':
      return `not enough data: ${c.recentItems} items finished in the ${recentDays} days before the start; calibration needs ${minItems}`;
    case 'calibrating':
      return `calibrating: ${c.knownOutcomes} of the ${c.neededOutcomes} past forecasts needed have a known outcome${running}`;
    case 'calibrated':
      return `calibrated on ${c.knownOutcomes} past forecasts${running}`;
    case 'off':
      return 'not calibrated';
  }
}

/**
 * Calibrates a forecast on its own past: replays it and estimates how far off it has been.
 * @param options.replay what to replay (history, start, question, method, seed).
 * @param options.levels the levels asked for, in % (for the past coverage shown).
 * @param options.settings overrides of the defaults.
 * @returns the calibration; its scores are set once there are past forecasts to learn from,
 *   and should be used only when the status is "calibrated".
 */
export function calibrateOnPastForecasts(options: {
  replay: Omit<ReplaySettings, 'trials' | 'everyDays' | 'spanDays' | 'qualify'>;
  levels: readonly number[];
  settings?: SelfCalibrationOptions;
}): ForecastCalibration {
  const s = { ...DEFAULT_CALIBRATION, ...options.settings };
  const { replay, levels } = options;
  const startDay = toDayNumber(replay.start);
  const recentItems = countItemsBetween(replay.history, startDay - s.recentDays, startDay);
  const base = {
    recentItems,
    pastForecasts: 0,
    effectiveForecasts: 0,
    knownOutcomes: 0,
    runningOutcomes: 0,
    neededOutcomes: s.neededOutcomes,
    pastCoverage: null,
    scores: null,
    spread: null,
  };
  const finish = (result: Omit<ForecastCalibration, 'label'>): ForecastCalibration => ({
    ...result,
    label: describeStatus(result, s.recentDays, s.recentItems),
  });
  if (recentItems < s.recentItems) return finish({ ...base, status: 'insufficient' });
  const records = replayPastForecasts({
    ...replay,
    trials: s.trials,
    everyDays: s.everyDays,
    spanDays: s.spanDays,
    qualify: { recentDays: s.recentDays, recentItems: s.recentItems },
  }).filter((r) => r.spread !== null);
  const knownOutcomes = records.filter((r) => !r.running).length;
  const counted = {
    ...base,
    pastForecasts: records.length,
    effectiveForecasts: measureEffectiveSize(
      records.map((r) => weighPastForecast(startDay - r.originDay, s.halfLifeDays)),
    ),
    knownOutcomes,
    runningOutcomes: records.length - knownOutcomes,
  };
  if (knownOutcomes === 0) return finish({ ...counted, status: 'calibrating' });
  return finish({
    ...counted,
    status: knownOutcomes >= s.neededOutcomes ? 'calibrated' : 'calibrating',
    pastCoverage: measurePastCoverage(records, 'items' in replay.question ? 'when' : 'count', levels),
    scores: estimateScores(records, { startDay, halfLifeDays: s.halfLifeDays }),
  });
}
