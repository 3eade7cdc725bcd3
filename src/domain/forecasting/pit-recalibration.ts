/**
 * Quantile recalibration of a forecaster through the PIT of its own scored past forecasts
 * (Kuleshov et al., 2018), for forecasts whose past cannot be replayed at will, such as plan
 * forecasts (the plan of a past day is only known from the forecasts made that day).
 *
 * A past forecast's PIT is the share of its simulated futures that finished strictly before the
 * work really did (its miss share): its level-p date held exactly when the PIT was below p. If
 * past PITs were uniform the forecaster would be calibrated; when, say, 30 % of them lie above
 * 0.85, its P85 held only 70 % of the time. Reading today's forecast at the level u where the
 * past PITs' distribution reaches p, instead of at p, makes the level-p date hold as often as the
 * record says it would have.
 *
 * With few scored forecasts their distribution is mostly noise, so it is shrunk towards the
 * identity (a calibrated forecaster) as if `priorForecasts` past forecasts had been perfectly
 * calibrated: G(u) = w F(u) + (1 − w) u, w = n / (n + priorForecasts). The prior's weight, ten
 * forecasts, is fixed a priori (not fitted): one forecast ten has a say of a half, fifty a say of
 * five sixths. Outcomes still running are right-censored (their PIT is at least their bound) and
 * go through Kaplan–Meier, as in self-calibration.ts.
 */
import { type CensoredValue, estimateKaplanMeier, measureProbabilityBelow } from './kaplan-meier';

/** Imaginary calibrated past forecasts the record is shrunk towards. */
export const PIT_PRIOR_FORECASTS = 10;
/** Scored past forecasts needed before a forecast is recalibrated at all. */
export const PIT_MIN_FORECASTS = 10;

/**
 * The level to read today's forecast at so that its level-p statement holds as often as the
 * record of past PITs says.
 * @param options.pits past forecasts' PITs (0..1), a running one as a lower bound.
 * @param options.level p, in %.
 * @param options.priorForecasts the shrinkage's weight (default PIT_PRIOR_FORECASTS).
 * @returns the level to read at, in % (0..100); p itself when there is no PIT.
 */
export function recalibrateLevel(options: {
  pits: readonly CensoredValue[];
  level: number;
  priorForecasts?: number;
}): number {
  const { pits, level } = options;
  if (pits.length === 0) return level;
  const prior = options.priorForecasts ?? PIT_PRIOR_FORECASTS;
  const weight = pits.length / (pits.length + prior);
  const record = estimateKaplanMeier(pits);
  const target = level / 100;
  // G is non-decreasing in u: the smallest u with G(u) ≥ p by bisection.
  const atOrBelow = (u: number) => measureProbabilityBelow(record, u + 1e-12);
  let lo = 0;
  let hi = 1;
  for (let step = 0; step < 40; step++) {
    const mid = (lo + hi) / 2;
    if (weight * atOrBelow(mid) + (1 - weight) * mid >= target) hi = mid;
    else lo = mid;
  }
  return 100 * hi;
}

/** A forecaster's levels recalibrated on its scored past forecasts. */
export interface PitRecalibration {
  /** Scored past forecasts it rests on. */
  forecasts: number;
  /** The level (in %) to read the simulation at for a level-p statement. */
  readAt: (level: number) => number;
  /** The calibrated chance of a share of simulated futures (0..1): G(share), and 0 for none. */
  chanceOf: (share: number) => number;
}

/**
 * The recalibration of a forecaster on its past PITs, once PIT_MIN_FORECASTS are known.
 * @param pits past forecasts' PITs (0..1), a running one as a lower bound.
 * @param priorForecasts the shrinkage's weight (default PIT_PRIOR_FORECASTS).
 * @returns the recalibration, or null with too few known outcomes.
 */
export function buildPitRecalibration(
  pits: readonly CensoredValue[],
  priorForecasts = PIT_PRIOR_FORECASTS,
): PitRecalibration | null {
  const known = pits.filter((p) => !p.censored).length;
  if (known < PIT_MIN_FORECASTS) return null;
  const record = estimateKaplanMeier(pits);
  const weight = pits.length / (pits.length + priorForecasts);
  return {
    forecasts: known,
    readAt: (level) => recalibrateLevel({ pits, level, priorForecasts }),
    // Past outcomes that beat every simulated future (a PIT of 0) say the work may finish sooner
    // than any trial, but not on which day: a day no trial finished by keeps a chance of 0.
    chanceOf: (share) =>
      share <= 0 ? 0 : weight * measureProbabilityBelow(record, share + 1e-12) + (1 - weight) * share,
  };
}

/**
 * A simulated finish read through a recalibration: its percentiles relabelled with the levels
 * they now stand for, its chance of the target and its curve mapped through G.
 * @param forecast the finish forecast, its percentiles read at `readAt(level)` of each level.
 * @param levels the levels asked for, in the order the percentiles were read.
 * @param recalibration the recalibration.
 * @returns the forecast as the recalibration reads it.
 */
export function recalibrateFinishForecast<
  F extends {
    percentiles: Array<{ level: number }>;
    probabilityOnTime: number | null;
    curve: Array<{ dayOffset: number; probability: number }>;
  },
>(forecast: F, levels: readonly number[], recalibration: PitRecalibration): F {
  return {
    ...forecast,
    percentiles: forecast.percentiles.map((p, i) => ({ ...p, level: levels[i] ?? p.level })),
    probabilityOnTime:
      forecast.probabilityOnTime === null ? null : recalibration.chanceOf(forecast.probabilityOnTime),
    curve: forecast.curve.map((point) => ({
      ...point,
      probability: recalibration.chanceOf(point.probability),
    })),
  };
}
