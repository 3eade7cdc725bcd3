/**
 * `headway forecast`: Monte Carlo delivery forecasts from a daily throughput history.
 *
 *   headway forecast (--items N | --by YYYY-MM-DD) (--history FILE.csv [--weekly] | --workspace W)
 *                    [--start YYYY-MM-DD] [--trials T] [--seed S] [--block-days D]
 *                    [--level-uncertainty] [--json]
 */
import type { Command } from 'commander';
import {
  type CompletionForecast,
  type CountForecast,
  type DailyThroughput,
  forecastCompletion,
  forecastCountByDate,
  formatIsoDay,
  type HistoryWindow,
  type InsufficientHistory,
  parseIsoDay,
  type WeeklyThroughput,
} from '../../domain/forecasting';
import { loadDailyHistory } from '../../server/commands/forecasts';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../config';
import { readHistoryCsv, readWeeklyHistoryCsv } from '../history-csv';
import { resolveWorkspace } from '../workspace-ref';

const DEFAULT_TRIALS = 10_000;
const MAX_TRIALS = 1_000_000;
const DEFAULT_SEED = 1;
/** Calendar days of workspace history a forecast learns from, as in the API. */
const WORKSPACE_WINDOW_DAYS = 90;
const MAX_BLOCK_DAYS = 365;

interface ForecastFlags {
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
  json?: boolean;
}

/** A mistake in the command line or the input file, reported as `headway: <message>`, exit 1. */
class ForecastInputError extends Error {
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

function renderCompletion(forecast: CompletionForecast, json: boolean): string {
  const missing = forecast.percentiles.find((p) => p.date === null);
  if (missing) {
    throw new ForecastInputError(
      `fewer than ${missing.level}% of trials finish ${forecast.items} items within 10 years at this ` +
        'history’s throughput; check the CSV or forecast fewer items',
    );
  }
  if (json) {
    const dates = levelRecord(forecast.percentiles.map((p) => ({ level: p.level, value: p.date })));
    return `${JSON.stringify({ items: forecast.items, trials: forecast.trials, dates })}\n`;
  }
  const lines = [
    `When will ${forecast.items} items be done? (start ${forecast.start}, ${forecast.trials} trials, seed ${forecast.seed})`,
    ...forecast.basis.notes.map((note) => `  ${note}`),
    '',
    '  likelihood  done by the end of',
    ...forecast.percentiles.map((p) => `  ${`${p.level}%`.padEnd(10)}  ${p.date}`),
  ];
  return `${lines.join('\n')}\n`;
}

function renderCount(forecast: CountForecast, json: boolean): string {
  if (json) {
    const counts = levelRecord(forecast.percentiles.map((p) => ({ level: p.level, value: p.count })));
    return `${JSON.stringify({ by: forecast.by, trials: forecast.trials, counts })}\n`;
  }
  const lines = [
    `How many items by the end of ${forecast.by}? (start ${forecast.start}, ${forecast.trials} trials, seed ${forecast.seed})`,
    ...forecast.basis.notes.map((note) => `  ${note}`),
    '',
    '  likelihood  at least',
    ...forecast.percentiles.map((p) => `  ${`${p.level}%`.padEnd(10)}  ${p.count} items`),
  ];
  return `${lines.join('\n')}\n`;
}

interface ForecastQuestion {
  start: string;
  trials: number;
  seed: number;
  items?: number | undefined;
  by?: string | undefined;
  blockDays?: number | undefined;
  levelUncertainty: boolean;
  json: boolean;
}

/** Checks the flags shared by both history sources and turns them into the question asked. */
function parseQuestion(flags: ForecastFlags, today: string): ForecastQuestion {
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
  return {
    start,
    trials,
    seed,
    items,
    by,
    blockDays,
    levelUncertainty: flags.levelUncertainty === true,
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

/** Answers the question from a daily history and renders it; `advice` says how to get more history. */
function answer(options: {
  question: ForecastQuestion;
  history: DailyThroughput | WeeklyThroughput;
  window?: HistoryWindow;
  advice: string;
}): string {
  const { question, history, window, advice } = options;
  const { start, trials, seed, items, by, blockDays, levelUncertainty, json } = question;
  const common = {
    history,
    start,
    trials,
    seed,
    ...(window ? { window } : {}),
    ...(blockDays !== undefined ? { blockDays } : {}),
    ...(levelUncertainty ? { levelUncertainty: {} } : {}),
  };
  if (items !== undefined) {
    const result = forecastCompletion({ ...common, items });
    if (result.status !== 'ok') throw explainInsufficient(result, advice);
    return renderCompletion(result, json);
  }
  const result = forecastCountByDate({ ...common, by: by! });
  if (result.status !== 'ok') throw explainInsufficient(result, advice);
  return renderCount(result, json);
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
  return answer({
    question: parseQuestion(flags, today),
    history: flags.weekly ? readWeeklyHistoryCsv(flags.history!) : readHistoryCsv(flags.history!),
    advice: flags.weekly
      ? 'Give a longer history in the CSV (one row per week with the items done that week).'
      : 'Give a longer history in the CSV (one row per day with the items done that day).',
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
    window: { endBefore: question.start, days: WORKSPACE_WINDOW_DAYS },
    advice: `"${name}" needs more finished work in the ${WORKSPACE_WINDOW_DAYS} days before ${question.start}: move items to done as they finish, or use --history FILE.csv.`,
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
        '--workspace <W>',
        'learn from a workspace’s completions over the 90 days before the start (id, slug or name)',
      )
      .option('--start <YYYY-MM-DD>', 'first forecast day; its work counts (default: today, UTC)')
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
      .option('--json', 'print one JSON object'),
  ).action(async (flags: ForecastFlags & DatabaseFlags) => {
    const today = new Date().toISOString().slice(0, 10);
    process.stdout.write(
      flags.workspace === undefined ? runForecast(flags, today) : await runWorkspaceForecast(flags, today),
    );
  });
}
