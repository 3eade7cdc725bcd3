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
import { z } from 'zod';
import { exactlyOneOf, wholeNumberText } from '../../contract/common';
import {
  checkThroughputQuestion,
  FORECAST_DEFAULTS,
  ThroughputQuestionFields,
} from '../../contract/forecasts';
import { WorkspaceRefSchema } from '../../contract/workspace';
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
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { FilePathSchema, parseFlags, SwitchSchema, UsageError } from '../flags';
import { readHistoryCsv, readWeeklyHistoryCsv } from '../history-csv';
import { resolveWorkspace } from '../workspace-ref';

const MAX_BLOCK_DAYS = 365;

/**
 * The flags of `headway forecast`: the API's question (items or by, start, window, trials,
 * seed, with its rules and defaults) and where the history comes from.
 */
export const ForecastFlagsSchema = z
  .strictObject({
    ...ThroughputQuestionFields,
    history: FilePathSchema.optional(),
    workspace: WorkspaceRefSchema.optional(),
    blockDays: wholeNumberText(1, MAX_BLOCK_DAYS).optional(),
    levelUncertainty: SwitchSchema,
    weekly: SwitchSchema,
    /** false with --no-calibrate. */
    calibrate: z.boolean().default(true),
    json: SwitchSchema,
    ...DATABASE_FLAGS,
    dataDir: DATABASE_FLAGS.dataDir.optional(),
  })
  .check(checkThroughputQuestion)
  .check(exactlyOneOf({ history: 'FILE.csv', workspace: 'W' }))
  .check((ctx) => {
    const { weekly, history, blockDays } = ctx.value;
    if (weekly && history === undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'describes the --history CSV; a workspace is read day by day',
        input: weekly,
        path: ['weekly'],
      });
    }
    if (weekly && blockDays !== undefined && blockDays % 7 !== 0) {
      ctx.issues.push({
        code: 'custom',
        message: 'must be a multiple of 7 with --weekly',
        input: blockDays,
        path: ['blockDays'],
      });
    }
  });

/** The flags of `headway forecast`, as commander gives them (text, switches). */
export type ForecastFlags = Partial<Record<keyof z.input<typeof ForecastFlagsSchema>, string | boolean>>;

/** A question of `headway forecast`, checked. */
export type ForecastQuestion = z.output<typeof ForecastFlagsSchema> & { start: string };

/** A mistake in the input file or too little history in it, reported as `headway: <message>`, exit 1. */
export class ForecastInputError extends Error {
  override name = 'ForecastInputError';
}

/**
 * Checks the flags of `headway forecast` and turns them into the question asked.
 * @param flags commander's options.
 * @param today the default start (YYYY-MM-DD).
 * @returns the question; throws UsageError naming a refused flag.
 */
export function parseQuestion(flags: ForecastFlags, today: string): ForecastQuestion {
  const question = parseFlags(ForecastFlagsSchema, { ...flags, start: flags.start ?? today });
  return { ...question, start: question.start ?? today };
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
  const { start, trials, seed, blockDays, levelUncertainty, window, calibrate } = question;
  return {
    history,
    start,
    trials,
    seed,
    window: { days: window },
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
  const question = parseQuestion(flags, today);
  if (question.history === undefined) {
    throw new UsageError(
      'this function reads a CSV: use --history FILE.csv here, or runWorkspaceForecast for --workspace',
    );
  }
  return answer({
    question,
    history: question.weekly ? readWeeklyHistoryCsv(question.history) : readHistoryCsv(question.history),
    advice: question.weekly
      ? `Give more history in the CSV (one row per week with the items done that week) in the ${question.window} days before the start, or a longer --window.`
      : `Give more history in the CSV (one row per day with the items done that day) in the ${question.window} days before the start, or a longer --window.`,
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
export async function runWorkspaceForecast(flags: ForecastFlags, today: string): Promise<string> {
  const question = parseQuestion(flags, today);
  const { workspace, dataDir, databaseUrl } = question;
  if (workspace === undefined || dataDir === undefined) {
    throw new UsageError('this function reads a workspace: give --workspace W and --data-dir DIR');
  }
  const startDay = parseIsoDay(question.start)!;
  const { history, name } = await withDatabase({ dataDir, databaseUrl }, async ({ db }) => {
    const ws = await resolveWorkspace(db, workspace);
    const daily = await loadDailyHistory(db, ws.id, { to: formatIsoDay(startDay - 1) });
    return { history: daily.history, name: ws.name };
  });
  return answer({
    question,
    history,
    advice: `"${name}" needs more finished work in the ${question.window} days before ${question.start}: move items to done as they finish, or use --history FILE.csv.`,
  });
}

/** `headway forecast`: registers the verb on the program. */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('forecast')
      .description('forecast delivery by Monte Carlo from a daily throughput history or a workspace')
      .option('--items <N>', 'when will N items be done? (1 to 100,000)')
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
        `calendar days before the start to learn from, 7 to 3650 (default ${FORECAST_DEFAULTS.windowDays})`,
      )
      .option(
        '--trials <T>',
        `Monte Carlo trials, 100 to 100,000 (default ${FORECAST_DEFAULTS.throughputTrials})`,
      )
      .option(
        '--seed <S>',
        `random seed; the same seed gives the same answer (default ${FORECAST_DEFAULTS.seed})`,
      )
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
  ).action(async (flags: ForecastFlags) => {
    const today = new Date().toISOString().slice(0, 10);
    process.stdout.write(
      flags.workspace === undefined ? runForecast(flags, today) : await runWorkspaceForecast(flags, today),
    );
  });
}
