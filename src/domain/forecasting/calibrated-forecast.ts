/**
 * Throughput forecasts calibrated on the team's own record, the default answer to "when?" and
 * "how many?": the same Monte Carlo as forecastCompletion / forecastCountByDate, answered from
 * its median and spread and the team's past errors (see self-calibration.ts). With too little
 * recent work or too few known past outcomes, the plain answer is returned and the calibration
 * says so.
 */
import { formatIsoDay, toDayNumber } from '../shared/calendar';
import type { InsufficientHistory } from './history-samples';
import { describeCountSpread, describeFinishSpread, type ForecastSpread } from './past-forecasts';
import { DEFAULT_LEVELS } from './percentiles';
import {
  calibrateOnPastForecasts,
  describeUncalibrated,
  type ForecastCalibration,
  findCalibratedCount,
  findCalibratedDay,
  measureCalibratedDoneBy,
  type SelfCalibrationOptions,
} from './self-calibration';
import {
  readCompletionForecast,
  readCountForecast,
  simulateCompletion,
  simulateCounts,
} from './throughput-forecast';
import type { CompletionForecast, CountForecast, ThroughputForecastOptions } from './throughput-types';
import { isWeeklyThroughput } from './weekly-samples';

/** Options of a calibrated forecast: the plain ones, and how (or whether) to calibrate. */
export interface CalibrationChoice {
  /** false: plain resampling, as forecastCompletion; default: calibrate with these settings. */
  calibration?: SelfCalibrationOptions | false;
}

function calibrate(
  options: ThroughputForecastOptions & CalibrationChoice,
  question: { items: number } | { days: number },
): ForecastCalibration {
  const levels = options.levels ?? DEFAULT_LEVELS;
  if (options.calibration === false) return describeUncalibrated('plain resampling was asked for');
  const { history } = options;
  if (isWeeklyThroughput(history)) {
    return describeUncalibrated('past forecasts are replayed from daily history, not weekly counts');
  }
  const { window, blockDays, levelUncertainty, calendar, minimum } = options;
  return calibrateOnPastForecasts({
    replay: {
      history,
      start: options.start,
      question,
      method: {
        ...(window?.days !== undefined ? { window: { days: window.days } } : {}),
        ...(blockDays !== undefined ? { blockDays } : {}),
        ...(levelUncertainty ? { levelUncertainty } : {}),
        ...(calendar ? { calendar } : {}),
        ...(minimum ? { minimum } : {}),
      },
      seed: options.seed ?? 1,
    },
    levels,
    ...(options.calibration ? { settings: options.calibration } : {}),
  });
}

function describeCalibration(calibration: ForecastCalibration): string[] {
  if (calibration.status !== 'calibrated') return [`Calibration: ${calibration.label}.`];
  const coverage = (calibration.pastCoverage ?? [])
    .map((c) => `P${c.level} held ${Math.round(100 * c.observed)}%`)
    .join(', ');
  return [
    `Calibration: ${calibration.label}. Read plainly, this forecaster's past answers held ${coverage} ` +
      'of the time; these answers use how far off its past forecasts were, so each level holds as often as it says.',
  ];
}

/** The calibration to use, with today's spread, or null when the plain answer stands. */
function applicable(
  calibration: ForecastCalibration,
  spread: ForecastSpread | null,
): ForecastCalibration | null {
  if (calibration.status !== 'calibrated' || calibration.scores === null || spread === null) return null;
  return { ...calibration, spread };
}

/**
 * Forecasts when a number of items will be done, calibrated on the team's past forecasts.
 * @param options as forecastCompletion, plus `calibration` (false for plain resampling).
 * @returns the forecast with its calibration, or what history is missing.
 */
export function forecastCompletionCalibrated(
  options: ThroughputForecastOptions & CalibrationChoice & { items: number; maxDays?: number },
): (CompletionForecast & { calibration: ForecastCalibration }) | InsufficientHistory {
  const simulated = simulateCompletion(options);
  if (simulated.status !== 'ok') return simulated;
  const levels = options.levels ?? DEFAULT_LEVELS;
  const forecast = readCompletionForecast({
    simulated,
    items: options.items,
    start: options.start,
    seed: options.seed ?? 1,
    levels: levels.map((level) => ({ level, readAt: level })),
  });
  let calibration = calibrate(options, { items: options.items });
  const finishedBy = new Int32Array(simulated.finishHistogram.length);
  for (let d = 0, running = 0; d < finishedBy.length; d++) {
    running += simulated.finishHistogram[d]!;
    finishedBy[d] = running;
  }
  const usable = applicable(calibration, describeFinishSpread(finishedBy, simulated.trials));
  if (usable) {
    calibration = usable;
    const startDay = toDayNumber(options.start);
    forecast.percentiles = levels.map((level) => {
      const dayOffset = findCalibratedDay({
        scores: usable.scores!,
        sampleSize: usable.effectiveForecasts,
        spread: usable.spread!,
        level,
      });
      return { level, dayOffset, date: formatIsoDay(startDay + dayOffset) };
    });
  }
  forecast.basis.notes.push(...describeCalibration(calibration));
  return { ...forecast, calibration };
}

/**
 * Forecasts how many items will be done by the end of a date, calibrated on the team's past
 * forecasts of the same number of days.
 * @param options as forecastCountByDate, plus `calibration` (false for plain resampling).
 * @returns the forecast with its calibration, or what history is missing.
 */
export function forecastCountCalibrated(
  options: ThroughputForecastOptions & CalibrationChoice & { by: string },
): (CountForecast & { calibration: ForecastCalibration }) | InsufficientHistory {
  const simulated = simulateCounts(options);
  if (simulated.status !== 'ok') return simulated;
  const levels = options.levels ?? DEFAULT_LEVELS;
  const forecast = readCountForecast({
    simulated,
    by: options.by,
    start: options.start,
    seed: options.seed ?? 1,
    levels: levels.map((level) => ({ level, readAt: level })),
  });
  const days = toDayNumber(options.by) - toDayNumber(options.start) + 1;
  let calibration = calibrate(options, { days });
  const usable = applicable(calibration, describeCountSpread(simulated.totals));
  if (usable) {
    calibration = usable;
    forecast.percentiles = levels.map((level) => ({
      level,
      count: findCalibratedCount({
        scores: usable.scores!,
        sampleSize: usable.effectiveForecasts,
        spread: usable.spread!,
        level,
      }),
    }));
  }
  forecast.basis.notes.push(...describeCalibration(calibration));
  return { ...forecast, calibration };
}

/**
 * The calibrated chance that a "when" forecast's work is done by the end of a day.
 * @param calibration the forecast's calibration.
 * @param dayOffset the day (0 = the start day).
 * @returns the chance (0..1), or null when the forecast is not calibrated (the plain share of
 *   trials is then the answer).
 */
export function measureCalibratedChance(calibration: ForecastCalibration, dayOffset: number): number | null {
  if (calibration.status !== 'calibrated' || !calibration.scores || !calibration.spread) return null;
  return measureCalibratedDoneBy(calibration.scores, calibration.spread, dayOffset);
}
