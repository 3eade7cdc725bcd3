/**
 * `headway forecast`: Monte Carlo delivery forecasts from a daily throughput history.
 *
 *   headway forecast (--items N | --by YYYY-MM-DD) (--history FILE.csv [--weekly] | -w, --workspace W)
 *                    [--start YYYY-MM-DD] [--window DAYS] [--trials T] [--seed S] [--block-days D]
 *                    [--level-uncertainty] [--no-calibrate] [--json]
 *
 * By default a forecast is calibrated on the team's own past forecasts (see
 * domain/forecasting/self-calibration.ts); --no-calibrate gives plain resampling.
 */

import type { Command } from 'commander';
import {
  type CompletionForecast,
  type CountForecast,
  type DailyThroughput,
  type ForecastCalibration,
  forecastCompletionCalibrated,
  forecastCountCalibrated,
  type InsufficientHistory,
  type WeeklyThroughput,
} from '../../domain/forecasting';
import { formatIsoDay, parseIsoDay } from '../../domain/shared';
import { loadDailyHistory } from '../../server/commands/forecasts';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../config';
import { readHistoryCsv, readWeeklyHistoryCsv } from '../history-csv';
import { resolveWorkspace } from '../workspace-ref';

const DEFAULT_TRIALS = 10_000;
const MAX_TRIALS = 1_000_000;
const DEFAULT_SEED = 1;
/** Calendar days of history a forecast learns from by default, as in the API. */
const DEFAULT_WINDOW_DAYS = 90;
const MAX_WINDOW_DAYS = 3650;
const MAX_BLOCK_DAYS = 365;

/** The flags of `headway forecast`, as commander gives them. */
export interface ForecastFlags {
  items?: string;
  by?: string;
  history?: string;
  workspace?: string;
  start?: string;
  trials?: string;
  seed?: string;
  blockDays?: string;
  levelUncertainty?: boolean;
  weekly?: boolean;
  window?: string;
  /** false with --no-calibrate. */
  calibrate?: boolean;
  json?: boolean;
}

/** A mistake in the command line or the input file, reported as `headway: <message>`, exit 1. */
export class ForecastInputError extends Error {
  override name = 'ForecastInputError';
}

function parsePositiveInteger(flag: string, text: string, max: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > max) {
    throw new ForecastInputError(
      `${flag} must be a whole number from 1 to ${max.toLocaleString('en')} (got "${text}")`,
    );
  }
  return Number(text);
}

function parseDateFlag(flag: string, text: string): number {
  const day = parseIsoDay(text.trim());
  if (day === null)
    throw new ForecastInputError(`${flag} must be a calendar date as YYYY-MM-DD (got "${text}")`);
  return day;
}

function explainInsufficient(result: InsufficientHistory, advice: string): ForecastInputError {
  return new ForecastInputError(`${result.reason}. ${advice}`);
}

function levelRecord<T>(entries: Array<{ level: number; value: T }>): Record<string, T> {
  return Object.fromEntries(entries.map((e) => [String(e.level), e.value]));
}

/** The calibration as JSON: where the forecast stands and on how many past forecasts. */
export function summarizeCalibration(calibration: ForecastCalibration) {
  const { status, label, knownOutcomes, runningOutcomes, neededOutcomes, pastForecasts } = calibration;
  return { status, label, knownOutcomes, runningOutcomes, neededOutcomes, pastForecasts };
}

type Calibrated<T> = T & { calibration: ForecastCalibration };

function renderCompletion(forecast: Calibrated<CompletionForecast>, json: boolean): string {
  const missing = forecast.percentiles.find((p) => p.date === null);
  if (missing) {
    throw new ForecastInputError(
      `fewer than ${missing.level}% of trials finish ${forecast.items} items within 10 years at this ` +
        'history’s throughput; check the CSV or forecast fewer items',
    );
  }
  if (json) {
    const dates = levelRecord(forecast.percentiles.map((p) => ({ level: p.level, value: p.date })));
    const { items, trials, calibration } = forecast;
    const status = calibration.status;
    return `${JSON.stringify({ items, trials, status, dates, calibration: summarizeCalibration(calibration) })}\n`;
  }
  const lines = [
    `When will ${forecast.items} items be done? (start ${forecast.start}, ${forecast.trials} trials, seed ${forecast.seed}; ${forecast.calibration.label})`,
    ...forecast.basis.notes.map((note) => `  ${note}`),
    '',
    '  likelihood  done by the end of',
    ...forecast.percentiles.map((p) => `  ${`${p.level}%`.padEnd(10)}  ${p.date}`),
  ];
  return `${lines.join('\n')}\n`;
}

function renderCount(forecast: Calibrated<CountForecast>, json: boolean): string {
  if (json) {
    const counts = levelRecord(forecast.percentiles.map((p) => ({ level: p.level, value: p.count })));
    const { by, trials, calibration } = forecast;
    const status = calibration.status;
    return `${JSON.stringify({ by, trials, status, counts, calibration: summarizeCalibration(calibration) })}\n`;
  }
  const lines = [
    `How many items by the end of ${forecast.by}? (start ${forecast.start}, ${forecast.trials} trials, seed ${forecast.seed}; ${forecast.calibration.label})`,
    ...forecast.basis.notes.map((note) => `  ${note}`),
    '',
    '  likelihood  at least',
    ...forecast.percentiles.map((p) => `  ${`${p.level}%`.padEnd(10)}  ${p.count} items`),
  ];
  return `${lines.join('\n')}\n`;
}

/** A question of `headway forecast`, checked. */
export interface ForecastQuestion {
  start: string;
  trials: number;
  seed: number;
  items?: number | undefined;
  by?: string | undefined;
  blockDays?: number | undefined;
  levelUncertainty: boolean;
  windowDays: number;
  calibrate: boolean;
  json: boolean;
}

/** Checks the flags shared by both history sources and turns them into the question asked. */
export function parseQuestion(flags: ForecastFlags, today: string): ForecastQuestion {
  const startDay = parseDateFlag('--start', flags.start ?? today);
  const start = formatIsoDay(startDay);
  const trials =
    flags.trials === undefined ? DEFAULT_TRIALS : parsePositiveInteger('--trials', flags.trials, MAX_TRIALS);
  const seedText = flags.seed ?? String(DEFAULT_SEED);
  if (!/^-?\d+$/.test(seedText.trim()) || !Number.isSafeInteger(Number(seedText))) {
    throw new ForecastInputError(`--seed must be a whole number (got "${seedText}")`);
  }
  const seed = Number(seedText);
  const items =
    flags.items === undefined ? undefined : parsePositiveInteger('--items', flags.items, 10_000_000);
  let by: string | undefined;
  if (flags.by !== undefined) {
    const byDay = parseDateFlag('--by', flags.by);
    if (byDay < startDay) throw new ForecastInputError(`--by ${flags.by} is before the start ${start}`);
    by = formatIsoDay(byDay);
  }
  const blockDays =
    flags.blockDays === undefined
      ? undefined
      : parsePositiveInteger('--block-days', flags.blockDays, MAX_BLOCK_DAYS);
  if (flags.weekly && blockDays !== undefined && blockDays % 7 !== 0) {
    throw new ForecastInputError(`with --weekly, --block-days must be a multiple of 7 (got ${blockDays})`);
  }
  const windowDays =
    flags.window === undefined
      ? DEFAULT_WINDOW_DAYS
      : parsePositiveInteger('--window', flags.window, MAX_WINDOW_DAYS);
  return {
    start,
    trials,
    seed,
    items,
    by,
    blockDays,
    levelUncertainty: flags.levelUncertainty === true,
    windowDays,
    calibrate: flags.calibrate !== false,
    json: flags.json === true,
  };
}

function checkSource(flags: ForecastFlags): void {
  if ((flags.items === undefined) === (flags.by === undefined)) {
    throw new ForecastInputError(
      'give exactly one of --items N (when will N items be done?) or --by YYYY-MM-DD',
    );
  }
  if ((flags.history === undefined) === (flags.workspace === undefined)) {
    throw new ForecastInputError('give exactly one of --history FILE.csv or --workspace W');
  }
  if (flags.weekly && flags.history === undefined) {
    throw new ForecastInputError('--weekly describes the --history CSV; a workspace is read day by day');
  }
}

/**
 * The options of `headway forecast` for a question, as the engine takes them: the same for a
 * CSV, a workspace and every row of `headway backtest`.
 * @param question the parsed question.
 * @param history the history (only its days before the start are read).
 * @returns the engine options.
 */
export function buildForecastOptions(
  question: ForecastQuestion,
  history: DailyThroughput | WeeklyThroughput,
) {
  const { start, trials, seed, blockDays, levelUncertainty, windowDays, calibrate } = question;
  return {
    history,
    start,
    trials,
    seed,
    window: { days: windowDays },
    ...(blockDays !== undefined ? { blockDays } : {}),
    ...(levelUncertainty ? { levelUncertainty: {} } : {}),
    calibration: calibrate ? {} : (false as const),
  };
}

/** Answers the question from a history and renders it; `advice` says how to get more history. */
function answer(options: {
  question: ForecastQuestion;
  history: DailyThroughput | WeeklyThroughput;
  advice: string;
}): string {
  const { question, history, advice } = options;
  const common = buildForecastOptions(question, history);
  if (question.items !== undefined) {
    const result = forecastCompletionCalibrated({ ...common, items: question.items });
    if (result.status !== 'ok') throw explainInsufficient(result, advice);
    return renderCompletion(result, question.json);
  }
  const result = forecastCountCalibrated({ ...common, by: question.by! });
  if (result.status !== 'ok') throw explainInsufficient(result, advice);
  return renderCount(result, question.json);
}

/**
 * Runs the forecast described by the flags, from a `--history` CSV.
 * @param flags the parsed command-line flags.
 * @param today the default start date (YYYY-MM-DD).
 * @returns the text to print; throws ForecastInputError on bad input.
 */
export function runForecast(flags: ForecastFlags, today: string): string {
  checkSource(flags);
  if (flags.workspace !== undefined) {
    throw new ForecastInputError(
      'this function reads a CSV: use --history FILE.csv here, or runWorkspaceForecast for --workspace',
    );
  }
  const question = parseQuestion(flags, today);
  return answer({
    question,
    history: flags.weekly ? readWeeklyHistoryCsv(flags.history!) : readHistoryCsv(flags.history!),
    advice: flags.weekly
      ? `Give more history in the CSV (one row per week with the items done that week) in the ${question.windowDays} days before the start, or a longer --window.`
      : `Give more history in the CSV (one row per day with the items done that day) in the ${question.windowDays} days before the start, or a longer --window.`,
  });
}

/**
 * Runs the forecast described by the flags from a workspace's own completions: features, tasks
 * and bugs moved to done (a reopened item counts once), over the 90 days before the start,
 * exactly as the API does. The JSON has the same shape as with --history.
 * @param flags the parsed command-line flags, with the database options.
 * @param today the default start date (YYYY-MM-DD).
 * @returns the text to print; throws ForecastInputError on bad input.
 */
export async function runWorkspaceForecast(
  flags: ForecastFlags & DatabaseFlags,
  today: string,
): Promise<string> {
  checkSource(flags);
  const question = parseQuestion(flags, today);
  const startDay = parseIsoDay(question.start)!;
  const { history, name } = await withDatabase(flags, async ({ db }) => {
    const ws = await resolveWorkspace(db, flags.workspace!);
    const daily = await loadDailyHistory(db, ws.id, { to: formatIsoDay(startDay - 1) });
    return { history: daily.history, name: ws.name };
  });
  return answer({
    question,
    history,
    advice: `"${name}" needs more finished work in the ${question.windowDays} days before ${question.start}: move items to done as they finish, or use --history FILE.csv.`,
  });
}

/** `headway forecast`: registers the verb on the program. */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('forecast')
      .description('forecast delivery by Monte Carlo from a daily throughput history or a workspace')
      .option('--items <N>', 'when will N items be done?')
      .option('--by <YYYY-MM-DD>', 'how many items by the end of this day?')
      .option(
        '--history <FILE.csv>',
        'daily history: header "date,done", one row per day (missing days count as 0); see --weekly',
      )
      .option(
        '-w, --workspace <W>',
        'learn from a workspace’s completions over the 90 days before the start (id, slug or name)',
      )
      .option(
        '--start <YYYY-MM-DD>',
        'first forecast day; its work counts, and only days before it are read (default: today, UTC)',
      )
      .option(
        '--window <DAYS>',
        `calendar days before the start to learn from (default ${DEFAULT_WINDOW_DAYS})`,
      )
      .option('--trials <T>', `Monte Carlo trials (default ${DEFAULT_TRIALS})`)
      .option('--seed <S>', `random seed; the same seed gives the same answer (default ${DEFAULT_SEED})`)
      .option(
        '--block-days <D>',
        'replay runs of D consecutive past days instead of single days (a block bootstrap: keeps ' +
          'bursts and quiet spells; 7 = weeks). Default: every day is an independent draw',
      )
      .option(
        '--level-uncertainty',
        'also allow for the team’s delivery level moving: each trial scales throughput by a level ' +
          'factor (mean 1) whose spread is how much the three consecutive thirds of the history ' +
          'window differed; wider, more honest ranges when the level drifts. Default: off',
      )
      .option(
        '--weekly',
        'the --history CSV holds weekly counts: "date,done" with date the first day of each week, ' +
          'rows 7 days apart; dates are then ends of weeks',
      )
      .option(
        '--no-calibrate',
        'plain resampling: do not calibrate on the team’s own past forecasts (by default each level is ' +
          'set by how far off the same forecaster was, weekly over the two years before the start)',
      )
      .option('--json', 'print one JSON object'),
  ).action(async (flags: ForecastFlags & DatabaseFlags) => {
    const today = new Date().toISOString().slice(0, 10);
    process.stdout.write(
      flags.workspace === undefined ? runForecast(flags, today) : await runWorkspaceForecast(flags, today),
    );
  });
}
