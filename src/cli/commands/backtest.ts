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
import {
  type CalibrationStatus,
  type DailyThroughput,
  forecastCompletionCalibrated,
  forecastCountCalibrated,
} from '../../domain/forecasting';
import { formatIsoDay, parseIsoDay } from '../../domain/shared';
import { readHistoryCsv } from '../history-csv';
import { buildForecastOptions, ForecastInputError, type ForecastQuestion, parseQuestion } from './forecast';

interface BacktestFlags {
  history?: string;
  items?: string;
  days?: string;
  every?: string;
  from?: string;
  window?: string;
  trials?: string;
  seed?: string;
  calibrate?: boolean;
  json?: boolean;
}

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

const MAX_DAYS = 3650;
const MAX_EVERY = 3650;
const DEFAULT_EVERY = 7;

function parseWhole(flag: string, text: string, max: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > max) {
    throw new ForecastInputError(`${flag} must be a whole number from 1 to ${max} (got "${text}")`);
  }
  return Number(text);
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
 * @param flags the parsed command-line flags.
 * @returns the rows, oldest origin first; throws ForecastInputError on bad input.
 */
export function runBacktest(flags: BacktestFlags): BacktestRow[] {
  if (flags.history === undefined) throw new ForecastInputError('give --history FILE.csv');
  if ((flags.items === undefined) === (flags.days === undefined)) {
    throw new ForecastInputError(
      'give exactly one of --items N (when will N items be done?) or --days H (how many in H days?)',
    );
  }
  const days = flags.days === undefined ? undefined : parseWhole('--days', flags.days, MAX_DAYS);
  const every = flags.every === undefined ? DEFAULT_EVERY : parseWhole('--every', flags.every, MAX_EVERY);
  const history = readHistoryCsv(flags.history);
  const first = parseIsoDay(history.firstDate)!;
  const last = first + history.counts.length - 1;
  let from = first + 1;
  if (flags.from !== undefined) {
    const day = parseIsoDay(flags.from.trim());
    if (day === null)
      throw new ForecastInputError(`--from must be a calendar date as YYYY-MM-DD (got "${flags.from}")`);
    from = day;
  }
  if (from > last) {
    throw new ForecastInputError(
      `--from ${formatIsoDay(from)} is after the history's last day ${formatIsoDay(last)}`,
    );
  }
  const rows: BacktestRow[] = [];
  for (let day = from; day <= last; day += every) {
    const question = parseQuestion(
      {
        ...(flags.items !== undefined ? { items: flags.items } : { by: formatIsoDay(day + days! - 1) }),
        start: formatIsoDay(day),
        ...(flags.window !== undefined ? { window: flags.window } : {}),
        ...(flags.trials !== undefined ? { trials: flags.trials } : {}),
        ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
        calibrate: flags.calibrate !== false,
      },
      formatIsoDay(day),
    );
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
    .option('--window <DAYS>', 'calendar days before each origin to learn from (default 90)')
    .option('--trials <T>', 'Monte Carlo trials per forecast (default 10000)')
    .option('--seed <S>', 'random seed, as for `headway forecast` (default 1)')
    .option('--no-calibrate', 'plain resampling, as `headway forecast --no-calibrate`')
    .option('--json', 'print {"rows": [...]} as one JSON object')
    .action((flags: BacktestFlags) => {
      const rows = runBacktest(flags);
      process.stdout.write(flags.json ? `${JSON.stringify({ rows })}\n` : renderTable(rows));
    });
}
