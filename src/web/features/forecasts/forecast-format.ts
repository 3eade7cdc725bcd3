/** Plain-language wording and chart data for forecasts: pure, so it can be tested without a browser. */
import { addDays, readDayNumber } from '../../../domain/shared';

/** The percentile of a forecast: a level (50, 70, 85, 95) with a date or a count. */
export interface Percentile {
  level: number;
  date?: string | null | undefined;
  dayOffset?: number | null | undefined;
  count?: number | undefined;
}

const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const LONG = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });

/**
 * A date the way people say it: "12 Mar", with the year only when it is not the reference year.
 * @param iso YYYY-MM-DD
 * @param options.today the reference day (YYYY-MM-DD), usually the forecast's start
 * @param options.weekday put the weekday first ("Thu 12 Mar")
 */
export function formatDay(iso: string, options: { today: string; weekday?: boolean }): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const text = iso.slice(0, 4) === options.today.slice(0, 4) ? SHORT.format(date) : LONG.format(date);
  return options.weekday ? `${WEEKDAY.format(date)} ${text}` : text;
}

/** The percentile at a level, if the forecast has it. */
export function findPercentile<P extends Percentile>(
  percentiles: readonly P[],
  level: number,
): P | undefined {
  return percentiles.find((p) => p.level === level);
}

/** "in 3 weeks", "tomorrow": how far a date is from the start, roughly. */
export function describeDistance(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days < 14) return `in ${days} days`;
  if (days < 60) return `in ${Math.round(days / 7)} weeks`;
  return `in ${Math.round(days / 30.44)} months`;
}

/** A whole-percent share: 0.856 → "86%"; never rounds a certainty that is not one to 0% or 100%. */
export function formatShare(share: number): string {
  const pct = share * 100;
  if (pct > 0 && pct < 1) return '<1%';
  if (pct < 100 && pct > 99) return '>99%';
  return `${Math.round(pct)}%`;
}

/**
 * Says how a forecast moved, in plain words.
 * @param options.level the confidence level compared (usually 85)
 * @param options.before the date at that level before the change (null: beyond the horizon)
 * @param options.after the date after the change
 * @param options.today reference day for formatting
 * @returns e.g. "was 85% by 12 Mar, now 85% by 3 Mar (9 days earlier)"
 */
export function describeShift(options: {
  level: number;
  before: string | null;
  after: string | null;
  today: string;
}): string {
  const { level, before, after, today } = options;
  const show = (iso: string | null) => (iso ? formatDay(iso, { today }) : 'beyond the horizon');
  if (before === after) return `still ${level}% by ${show(after)}`;
  let delta = '';
  if (before && after) {
    const days = readDayNumber(after) - readDayNumber(before);
    delta = ` (${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days < 0 ? 'earlier' : 'later'})`;
  }
  return `was ${level}% by ${show(before)}, now ${level}% by ${show(after)}${delta}`;
}

/**
 * The share of trials that finished by the end of a day, from a finish histogram.
 * @param options.histogram histogram[d] = trials finishing on day offset d
 * @param options.trials all trials, including any unfinished at the horizon
 * @param options.dayOffset the day, as an offset from the start (0 = the start day)
 */
export function shareDoneBy(options: {
  histogram: readonly number[];
  trials: number;
  dayOffset: number;
}): number {
  const { histogram, trials, dayOffset } = options;
  if (dayOffset < 0 || trials <= 0) return 0;
  let done = 0;
  const last = Math.min(dayOffset, histogram.length - 1);
  for (let d = 0; d <= last; d++) done += histogram[d] ?? 0;
  return done / trials;
}

/**
 * The chance that a "when" forecast's items are done by the end of a day: the calibrated chance
 * when the forecast was calibrated on the team's record, else the share of simulated futures.
 * @param options.chanceByDay calibrated chance per day offset, when calibrated
 * @param options.histogram trials finishing per day offset
 * @param options.trials all trials
 * @param options.dayOffset the day (0 = the start day)
 */
export function chanceDoneBy(options: {
  chanceByDay?: readonly number[] | undefined;
  histogram: readonly number[];
  trials: number;
  dayOffset: number;
}): number {
  const { chanceByDay, dayOffset } = options;
  if (!chanceByDay || chanceByDay.length === 0) return shareDoneBy(options);
  if (dayOffset < 0) return 0;
  // Past the list the chance is within a hair of certain: the list runs until it is.
  return chanceByDay[Math.min(dayOffset, chanceByDay.length - 1)]!;
}

/** Where a throughput forecast stands on the team's record, as the screen says it. */
export function describeCalibrationStatus(calibration: {
  status: 'calibrated' | 'calibrating' | 'insufficient' | 'off';
  label: string;
  pastCoverage: ReadonlyArray<{ level: number; observed: number }> | null;
}): { title: string; detail: string } {
  const title = calibration.label.charAt(0).toUpperCase() + calibration.label.slice(1);
  const held = (calibration.pastCoverage ?? []).find((c) => c.level === 85);
  switch (calibration.status) {
    case 'calibrated':
      return {
        title,
        detail: held
          ? `Plain resampling’s 85% dates held ${formatShare(held.observed)} of the time for this team; these ranges are set by how far off past forecasts were.`
          : 'These ranges are set by how far off past forecasts were.',
      };
    case 'calibrating':
      return {
        title,
        detail: 'Until then the ranges are plain resampling, which is over-confident for most teams.',
      };
    case 'insufficient':
      return {
        title,
        detail: 'The ranges are plain resampling of very little data: treat them as a rough guess.',
      };
    case 'off':
      return { title, detail: 'Plain resampling, for comparison.' };
  }
}

/** One bar of the finish-date chart. */
export interface FinishBar {
  date: string;
  /** Share of trials finishing that day, in %. */
  share: number;
  /** Share finished by the end of that day, in %. */
  cumulative: number;
}

/**
 * Bars for the finish-date histogram with the cumulative curve, from the first day any trial
 * finished; days are grouped into weeks when the spread is long, so the chart stays readable.
 */
export function buildFinishBars(options: { histogram: readonly number[]; trials: number; start: string }): {
  bars: FinishBar[];
  bucketDays: number;
} {
  const { histogram, trials, start } = options;
  const first = histogram.findIndex((n) => n > 0);
  if (first < 0 || trials <= 0) return { bars: [], bucketDays: 1 };
  const span = histogram.length - first;
  const bucketDays = span > 120 ? 7 : 1;
  const bars: FinishBar[] = [];
  let cumulative = histogram.slice(0, first).reduce((a, b) => a + b, 0);
  for (let d = first; d < histogram.length; d += bucketDays) {
    let inBucket = 0;
    for (let k = d; k < Math.min(d + bucketDays, histogram.length); k++) inBucket += histogram[k] ?? 0;
    cumulative += inBucket;
    const lastDay = Math.min(d + bucketDays, histogram.length) - 1;
    bars.push({
      date: addDays(start, lastDay),
      share: (100 * inBucket) / trials,
      cumulative: (100 * cumulative) / trials,
    });
  }
  return { bars, bucketDays };
}

/** One point of the "chance of being done by each date" curve. */
export interface CurvePoint {
  /** Days after the start. */
  day: number;
  /** Percent of the simulated plans done by the end of that day. */
  chance: number;
  /** The percentile levels reached first on that day ("50%", "85%/95%"), or "". */
  label: string;
}

/**
 * Points of a plan forecast's cumulative curve, from the whole simulated distribution the server
 * answers: a point at 0 % the day before the first finish, then one per day a plan finished on,
 * each percentile's level written on the day it is first reached.
 * @param options.distribution the server's (dayOffset, probability) points, ascending
 * @param options.levels the percentile levels to write on the curve
 */
export function buildDistributionCurve(options: {
  distribution: readonly { dayOffset: number; probability: number }[];
  levels: readonly number[];
}): CurvePoint[] {
  const { distribution, levels } = options;
  const first = distribution[0];
  if (!first) return [];
  const points: CurvePoint[] = [{ day: Math.max(0, first.dayOffset - 1), chance: 0, label: '' }];
  if (points[0]!.day === first.dayOffset) points.pop();
  for (const d of distribution) points.push({ day: d.dayOffset, chance: 100 * d.probability, label: '' });
  for (const level of [...levels].sort((a, b) => a - b)) {
    const hit = points.find((p) => p.chance >= level - 1e-7);
    if (hit) hit.label = hit.label ? `${hit.label}/${level}%` : `${level}%`;
  }
  return points;
}

/**
 * Where an outcome landed in its forecast, in words, from the stored score.
 * @param score the server's score: levels the outcome fell at or below / above
 * @param unit 'date' (earlier is better) or 'count' (more is better: scored on negated counts)
 */
export function describeLanding(
  score: { landedAtOrBelow: number | null; landedAbove: number; landedPercentile: number | null },
  unit: 'date' | 'count' = 'date',
): string {
  if (score.landedPercentile !== null) return `at P${Math.round(score.landedPercentile)}`;
  if (unit === 'count') {
    if (score.landedAtOrBelow === null) return `fewer than the P${score.landedAbove} count`;
    if (score.landedAbove === 0) return `at least the P${score.landedAtOrBelow} count`;
    return `between the P${score.landedAtOrBelow} and P${score.landedAbove} counts`;
  }
  if (score.landedAtOrBelow === null) return `later than P${score.landedAbove}`;
  if (score.landedAbove === 0) return `at or before P${score.landedAtOrBelow}`;
  return `between P${score.landedAbove} and P${score.landedAtOrBelow}`;
}

/**
 * A milestone's plan forecast in the words its roadmap card and its timeline mark both show.
 * @param forecast the milestone's P85 and chance of meeting its target (null: no target)
 * @param start the forecast's start, the reference day for dates
 * @returns e.g. "85% likely by Tue 20 Jan · 40% likely by the target"
 */
export function describeMilestoneForecast(
  forecast: { p85: string; probabilityOnTime: number | null },
  start: string,
): string {
  const p85 = `85% likely by ${formatDay(forecast.p85, { today: start, weekday: true })}`;
  return forecast.probabilityOnTime === null
    ? p85
    : `${p85} · ${formatShare(forecast.probabilityOnTime)} likely by the target`;
}
