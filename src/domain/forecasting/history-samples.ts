/**
 * Turns a team's daily completed-item counts into the pool of days that Monte Carlo trials
 * draw from, and decides whether there is enough history to forecast at all.
 */
import { formatIsoDay, toDayNumber } from '../shared/calendar';
import { markWorkingDays, type WorkingCalendar } from './calendar';

/** Completed items per calendar day, one entry per consecutive day from `firstDate`. */
export interface DailyThroughput {
  /** The date of counts[0] (YYYY-MM-DD). */
  firstDate: string;
  /** Items completed on each day; a day without completions is 0, never left out. */
  counts: ArrayLike<number>;
}

/** Which part of the history to learn from. */
export interface HistoryWindow {
  /** Only days strictly before this date (YYYY-MM-DD) are used; default: the whole history. */
  endBefore?: string;
  /** Only the last this many calendar days before the end are used; default: all of them. */
  days?: number;
}

/** The least history a forecast needs before it will give an answer. */
export interface MinimumHistory {
  /** Days in the sample (working days when a calendar is given). */
  sampleDays: number;
  /** Completed items over those days. */
  items: number;
  /** Days with at least one completion. */
  activeDays: number;
}

/**
 * The default minimum: one week of days, five items, three days with a completion. Fewer than
 * that and the resampled distribution is mostly an artefact of one or two lucky days.
 */
export const DEFAULT_MINIMUM_HISTORY: Readonly<MinimumHistory> = { sampleDays: 7, items: 5, activeDays: 3 };

/** The days that trials draw from. */
export interface SamplePool {
  /** One entry per sampled day: the items completed that day. */
  samples: Int32Array;
  /** The first and last dates of the window (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Totals over the sample, for display and for the minimum check. */
  sampleDays: number;
  items: number;
  activeDays: number;
}

/** The answer when the history is too thin: what is needed, and what was found. */
export interface InsufficientHistory {
  status: 'insufficient-history';
  reason: string;
  needed: MinimumHistory;
  found: MinimumHistory;
}

/**
 * Builds the sample pool from a daily history.
 * @param options.history daily completed-item counts.
 * @param options.window which days to learn from (default: all).
 * @param options.calendar when given, only working days are sampled (non-working days are
 *   left out, since the future simulation gives them zero anyway).
 * @param options.minimum the least history accepted (default DEFAULT_MINIMUM_HISTORY).
 * @returns the pool, or an InsufficientHistory value saying what is missing.
 */
export function buildSamplePool(options: {
  history: DailyThroughput;
  window?: HistoryWindow;
  calendar?: WorkingCalendar;
  minimum?: MinimumHistory;
}): { status: 'ok'; pool: SamplePool } | InsufficientHistory {
  const { history, window = {}, calendar, minimum = DEFAULT_MINIMUM_HISTORY } = options;
  const historyFirst = toDayNumber(history.firstDate);
  const historyEnd = historyFirst + history.counts.length; // exclusive
  const end = Math.min(
    historyEnd,
    window.endBefore === undefined ? historyEnd : toDayNumber(window.endBefore),
  );
  const start = Math.max(historyFirst, window.days === undefined ? historyFirst : end - window.days);
  const length = Math.max(0, end - start);
  const working = calendar ? markWorkingDays({ calendar, firstDay: start, length }) : null;

  const samples = new Int32Array(length);
  let sampleDays = 0;
  let items = 0;
  let activeDays = 0;
  for (let i = 0; i < length; i++) {
    if (working && working[i] === 0) continue;
    const done = history.counts[start - historyFirst + i] ?? 0;
    samples[sampleDays++] = done;
    items += done;
    if (done > 0) activeDays++;
  }
  const found = { sampleDays, items, activeDays };
  const missing: string[] = [];
  if (sampleDays < minimum.sampleDays) missing.push(`${minimum.sampleDays} days (found ${sampleDays})`);
  if (items < minimum.items) missing.push(`${minimum.items} completed items (found ${items})`);
  if (activeDays < minimum.activeDays) {
    missing.push(`${minimum.activeDays} days with a completion (found ${activeDays})`);
  }
  if (missing.length > 0) {
    return {
      status: 'insufficient-history',
      reason: `too little history to forecast: need at least ${missing.join(', ')}`,
      needed: { ...minimum },
      found,
    };
  }
  return {
    status: 'ok',
    pool: {
      samples: samples.slice(0, sampleDays),
      from: formatIsoDay(start),
      to: formatIsoDay(end - 1),
      ...found,
    },
  };
}
