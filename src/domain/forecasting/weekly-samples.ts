/**
 * Weekly completed-item counts as forecast input, for teams (and trackers) that only keep a
 * weekly tally. A week is the sample: its days are not known, so no day within it is invented,
 * and answers have a resolution of one week.
 */
import { formatIsoDay, toDayNumber } from '../shared/calendar';
import {
  DEFAULT_MINIMUM_HISTORY,
  type HistoryWindow,
  type InsufficientHistory,
  type MinimumHistory,
  type SamplePool,
} from './history-samples';

/** Days in a week: the length of one weekly sample. */
export const DAYS_PER_WEEK = 7;

/** Completed items per week, one entry per consecutive week from `firstWeekStart`. */
export interface WeeklyThroughput {
  /** The first day of the week of weeklyCounts[0] (YYYY-MM-DD); any weekday may start a week. */
  firstWeekStart: string;
  /** Items completed in each 7-day week; a week without completions is 0, never left out. */
  weeklyCounts: ArrayLike<number>;
}

/**
 * Tells weekly input from daily input.
 * @param history either kind of history.
 * @returns true when it holds weekly counts.
 */
export function isWeeklyThroughput(history: object): history is WeeklyThroughput {
  return 'weeklyCounts' in history;
}

/**
 * Builds the sample pool from weekly counts: one sample per whole week inside the window.
 * The minimum is checked in days as for daily input (a week is 7 sample days); active days
 * are not known, so weeks with a completion stand in for them (each has at least one such day).
 * @param options.history weekly completed-item counts.
 * @param options.window which days to learn from: only weeks wholly inside it are used.
 * @param options.minimum the least history accepted (default DEFAULT_MINIMUM_HISTORY).
 * @returns the pool (samples are week totals), or an InsufficientHistory value.
 */
export function buildWeeklySamplePool(options: {
  history: WeeklyThroughput;
  window?: HistoryWindow;
  minimum?: MinimumHistory;
}): { status: 'ok'; pool: SamplePool } | InsufficientHistory {
  const { history, window = {}, minimum = DEFAULT_MINIMUM_HISTORY } = options;
  const first = toDayNumber(history.firstWeekStart);
  const historyEnd = first + DAYS_PER_WEEK * history.weeklyCounts.length; // exclusive
  const end = Math.min(
    historyEnd,
    window.endBefore === undefined ? historyEnd : toDayNumber(window.endBefore),
  );
  const from = window.days === undefined ? first : end - window.days;
  // Weeks k with first + 7k ≥ from and first + 7k + 7 ≤ end.
  const firstWeek = Math.max(0, Math.ceil((from - first) / DAYS_PER_WEEK));
  const endWeek = Math.floor((end - first) / DAYS_PER_WEEK); // exclusive
  const weeks = Math.max(0, endWeek - firstWeek);
  const samples = new Int32Array(weeks);
  let items = 0;
  let activeWeeks = 0;
  for (let k = 0; k < weeks; k++) {
    const done = history.weeklyCounts[firstWeek + k] ?? 0;
    samples[k] = done;
    items += done;
    if (done > 0) activeWeeks++;
  }
  const found = { sampleDays: weeks * DAYS_PER_WEEK, items, activeDays: activeWeeks };
  const missing: string[] = [];
  if (found.sampleDays < minimum.sampleDays) {
    missing.push(`${Math.ceil(minimum.sampleDays / DAYS_PER_WEEK)} whole weeks (found ${weeks})`);
  }
  if (items < minimum.items) missing.push(`${minimum.items} completed items (found ${items})`);
  if (activeWeeks < minimum.activeDays) {
    missing.push(`${minimum.activeDays} weeks with a completion (found ${activeWeeks})`);
  }
  if (missing.length > 0) {
    return {
      status: 'insufficient-history',
      reason: `too little history to forecast: need at least ${missing.join(', ')}`,
      needed: { ...minimum },
      found,
    };
  }
  const firstDay = first + DAYS_PER_WEEK * firstWeek;
  return {
    status: 'ok',
    pool: {
      samples,
      from: formatIsoDay(firstDay),
      to: formatIsoDay(firstDay + DAYS_PER_WEEK * weeks - 1),
      ...found,
    },
  };
}
