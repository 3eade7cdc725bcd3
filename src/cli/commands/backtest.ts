/**
 * `headway backtest`: replays `headway forecast` at regular origins of a history, each from the
 * days before it only, so anyone can see how a forecaster would have done on their own data.
 *
 *   headway backtest --history FILE.csv (--items N | --days H) [--every 7] [--from YYYY-MM-DD]
 *                    [--window DAYS] [--trials T] [--seed S] [--no-calibrate] [--json]
 *
 * Each row is exactly what `headway forecast` answers with the same flags from the history cut
 * before the row's start: `--days H` asks "how many by the end of start + H − 1" (the start
 * counts as day 1).
 */

import type { Command } from 'commander';
import { z } from 'zod';
import { DateOnlySchema, exactlyOneOf, wholeNumberText } from '../../contract/common';
import { FORECAST_DEFAULTS, ThroughputQuestionFields } from '../../contract/forecasts';
import {
  type CalibrationStatus,
  type DailyThroughput,
  forecastCompletionCalibrated,
  forecastCountCalibrated,
} from '../../domain/forecasting';
import { formatIsoDay, parseIsoDay } from '../../domain/shared';
import { FilePathSchema, parseFlags, SwitchSchema } from '../flags';
import { readHistoryCsv } from '../history-csv';
import { buildForecastOptions, ForecastInputError, type ForecastQuestion } from './forecast';

const MAX_DAYS = 3650;
const MAX_EVERY = 3650;
const DEFAULT_EVERY = 7;

/** The flags of `headway backtest`: `headway forecast`'s question, asked at every origin. */
const BacktestFlagsSchema = z
  .strictObject({
    history: FilePathSchema,
    items: ThroughputQuestionFields.items,
    days: wholeNumberText(1, MAX_DAYS).optional(),
    every: wholeNumberText(1, MAX_EVERY).default(DEFAULT_EVERY),
    from: DateOnlySchema.optional(),
    window: ThroughputQuestionFields.window,
    trials: ThroughputQuestionFields.trials,
    seed: ThroughputQuestionFields.seed,
    calibrate: z.boolean().default(true),
    json: SwitchSchema,
  })
  .check(
    exactlyOneOf({
      items: 'N (when will N items be done?)',
      days: 'H (how many in H days?)',
    }),
  );

/** The flags of `headway backtest`, as commander gives them. */
type BacktestFlags = Partial<Record<keyof z.input<typeof BacktestFlagsSchema>, string | boolean>>;

/** One origin of a backtest: the forecast made as of `start`. */
export interface BacktestRow {
  start: string;
  /** Where the forecast stood; "insufficient" also when there was too little history to answer. */
  status: CalibrationStatus;
  /** "When" rows: the date per level (null when there was no answer). */
  dates?: Record<string, string | null>;
  /** "How many" rows: the count per level (null when there was no answer). */
  counts?: Record<string, number | null>;
}

const levelsOf = <T>(entries: Array<{ level: number; value: T }>) =>
  Object.fromEntries(entries.map((e) => [String(e.level), e.value]));

function forecastRow(question: ForecastQuestion, history: DailyThroughput): BacktestRow {
  const options = buildForecastOptions(question, history);
  const levels = [50, 70, 85, 95];
  if (question.items !== undefined) {
    const result = forecastCompletionCalibrated({ ...options, items: question.items });
    if (result.status !== 'ok') {
      return {
        start: question.start,
        status: 'insufficient',
        dates: levelsOf(levels.map((level) => ({ level, value: null }))),
      };
    }
    return {
      start: question.start,
      status: result.calibration.status,
      dates: levelsOf(result.percentiles.map((p) => ({ level: p.level, value: p.date }))),
    };
  }
  const result = forecastCountCalibrated({ ...options, by: question.by! });
  if (result.status !== 'ok') {
    return {
      start: question.start,
      status: 'insufficient',
      counts: levelsOf(levels.map((level) => ({ level, value: null }))),
    };
  }
  return {
    start: question.start,
    status: result.calibration.status,
    counts: levelsOf(result.percentiles.map((p) => ({ level: p.level, value: p.count }))),
  };
}

/**
 * Runs the backtest described by the flags.
 * @param raw commander's options.
 * @returns the rows, oldest origin first; throws UsageError on a bad flag and
 *   ForecastInputError on a bad history.
 */
export function runBacktest(raw: BacktestFlags): BacktestRow[] {
  const flags = parseFlags(BacktestFlagsSchema, raw);
  const history = readHistoryCsv(flags.history);
  const first = parseIsoDay(history.firstDate)!;
  const last = first + history.counts.length - 1;
  const from = flags.from === undefined ? first + 1 : parseIsoDay(flags.from)!;
  if (from > last) {
    throw new ForecastInputError(
      `--from ${formatIsoDay(from)} is after the history's last day ${formatIsoDay(last)}`,
    );
  }
  const rows: BacktestRow[] = [];
  for (let day = from; day <= last; day += flags.every) {
    const start = formatIsoDay(day);
    const question: ForecastQuestion = {
      start,
      items: flags.items,
      by: flags.days === undefined ? undefined : formatIsoDay(day + flags.days - 1),
      window: flags.window,
      trials: flags.trials,
      seed: flags.seed,
      calibrate: flags.calibrate,
      levelUncertainty: false,
      weekly: false,
      json: flags.json,
    };
    rows.push(forecastRow(question, history));
  }
  return rows;
}

function renderTable(rows: BacktestRow[]): string {
  const levels = ['50', '70', '85', '95'];
  const lines = rows.map((row) => {
    const values = row.dates ?? row.counts ?? {};
    const cells = levels.map((l) => String(values[l] ?? '-').padStart(row.dates ? 10 : 6));
    return `${row.start}  ${row.status.padEnd(12)}  ${cells.join('  ')}`;
  });
  const head = `start       status        ${levels.map((l) => `P${l}`.padStart(rows[0]?.dates ? 10 : 6)).join('  ')}`;
  return `${[head, ...lines].join('\n')}\n`;
}

/** `headway backtest`: registers the verb on the program. */
export function register(program: Command): void {
  program
    .command('backtest')
    .description('replay `headway forecast` at regular origins of a history, each from the days before it')
    .option('--history <FILE.csv>', 'daily history: header "date,done", one row per day')
    .option('--items <N>', 'when will the next N items be done, at each origin?')
    .option('--days <H>', 'how many items in the H days from each origin (the origin is day 1)?')
    .option('--every <D>', `days between origins (default ${DEFAULT_EVERY})`)
    .option('--from <YYYY-MM-DD>', 'first origin (default: the day after the history’s first day)')
    .option(
      '--window <DAYS>',
      `calendar days before each origin to learn from, 7 to 3650 (default ${FORECAST_DEFAULTS.windowDays})`,
    )
    .option(
      '--trials <T>',
      `Monte Carlo trials per forecast, 100 to 100,000 (default ${FORECAST_DEFAULTS.throughputTrials})`,
    )
    .option('--seed <S>', 'random seed, as for `headway forecast` (default 1)')
    .option('--no-calibrate', 'plain resampling, as `headway forecast --no-calibrate`')
    .option('--json', 'print {"rows": [...]} as one JSON object')
    .action((flags: BacktestFlags) => {
      const rows = runBacktest(flags);
      process.stdout.write(flags.json ? `${JSON.stringify({ rows })}\n` : renderTable(rows));
    });
}
