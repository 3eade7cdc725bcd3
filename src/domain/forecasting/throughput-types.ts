/** What the throughput questions take and answer. */
import type { WorkingCalendar } from './calendar';
import type { DailyThroughput, HistoryWindow, MinimumHistory, SamplePool } from './history-samples';
import type { LevelUncertaintyOptions } from './level-uncertainty';
import type { WeeklyThroughput } from './weekly-samples';

/** Options shared by both throughput questions. */
export interface ThroughputForecastOptions {
  /** The team's daily (or weekly) completed-item counts. */
  history: DailyThroughput | WeeklyThroughput;
  /** The first forecast day (YYYY-MM-DD); work done on it counts. */
  start: string;
  /** Monte Carlo trials (default 10,000). */
  trials?: number;
  /** Seed of the generator (default 1): the same seed gives the same answer. */
  seed?: number;
  /**
   * Which part of the history to learn from (default: all of it before the start). Days on or
   * after `start` are never used, whatever `window.endBefore` says: a forecast cannot see its future.
   */
  window?: HistoryWindow;
  /** A working-day calendar; by default every calendar day is a sample, weekends included. Daily history only. */
  calendar?: WorkingCalendar;
  /**
   * Resample whole runs of this many consecutive days (a moving-block bootstrap) instead of
   * single days, so that short-range dependence (bursts, quiet spells) carries into the
   * forecast; 7 = weeks. Default 1: every day is an independent draw. With a calendar, it
   * counts working days (5 = a working week); with weekly history it must be a multiple of 7.
   */
  blockDays?: number;
  /**
   * Level uncertainty (off by default): each trial first draws a throughput-level multiplier
   * whose spread is how much the window's own level moved between its consecutive parts, then
   * resamples as without it, scaled by that multiplier. See level-uncertainty.ts.
   */
  levelUncertainty?: LevelUncertaintyOptions;
  /** When the team size changed, throughput is scaled by future / history, and the result says so. */
  teamSize?: { history: number; future: number };
  /** Expected items each remaining item will split into (≥ 1; default 1). */
  splitRate?: number;
  /** Confidence levels in percent (default 50, 70, 85, 95). */
  levels?: readonly number[];
  /** The least history accepted (default DEFAULT_MINIMUM_HISTORY). */
  minimum?: MinimumHistory;
}

/** What the forecast learnt from and how it adjusted it. */
export interface ForecastBasis {
  history: Omit<SamplePool, 'samples'>;
  /** Multiplier applied to historical throughput (team size ÷ split rate). */
  throughputFactor: number;
  /** What one sample is (a day or a week) and how many consecutive days a trial replays at once. */
  resampling: { unit: 'day' | 'week'; blockDays: number };
  /** With the level-uncertainty option: parts of the window and σ of the log multiplier. */
  levelUncertainty?: { parts: number; sigma: number };
  /** Plain-language notes on every adjustment made. */
  notes: string[];
}

/** One date percentile. */
export interface DatePercentile {
  level: number;
  /** Days after the start (0 = the start day); null when beyond the horizon. */
  dayOffset: number | null;
  /** YYYY-MM-DD, or null when beyond the horizon. */
  date: string | null;
}

/** The answer to "when will these N items be done?". */
export interface CompletionForecast {
  status: 'ok';
  method: 'throughput-monte-carlo';
  items: number;
  trials: number;
  seed: number;
  start: string;
  /** The earliest day by whose end at least `level`% of trials had finished. */
  percentiles: DatePercentile[];
  /** finishHistogram[d] = trials that finished on day offset d. */
  finishHistogram: number[];
  /** Trials still unfinished at the horizon (maxDays). */
  unfinishedTrials: number;
  basis: ForecastBasis;
}

/** The answer to "how many items by date D?". */
export interface CountForecast {
  status: 'ok';
  method: 'throughput-monte-carlo';
  by: string;
  trials: number;
  seed: number;
  start: string;
  /** The largest count that at least `level`% of trials reached by the end of `by`. */
  percentiles: Array<{ level: number; count: number }>;
  basis: ForecastBasis;
}
