/**
 * `headway forecast`: Monte Carlo delivery forecasts from a daily throughput history.
 *
 *   headway forecast (--items N | --by YYYY-MM-DD) (--history FILE.csv | --workspace W)
 *                    [--start YYYY-MM-DD] [--trials T] [--seed S] [--json]
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import Papa from 'papaparse';
import {
  type CompletionForecast,
  type CountForecast,
  type DailyThroughput,
  forecastCompletion,
  forecastCountByDate,
  formatIsoDay,
  type InsufficientHistory,
  parseIsoDay,
} from '../../domain/forecasting';

const DEFAULT_TRIALS = 10_000;
const MAX_TRIALS = 1_000_000;
const DEFAULT_SEED = 1;

interface ForecastFlags {
  items?: string;
  by?: string;
  history?: string;
  workspace?: string;
  start?: string;
  trials?: string;
  seed?: string;
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

/**
 * Reads a `date,done` CSV into a daily history; days missing between the first and last row count as 0.
 * @param path the CSV file.
 * @returns the history; throws ForecastInputError saying what to fix.
 */
export function readHistoryCsv(path: string): DailyThroughput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new ForecastInputError(`cannot read --history ${path}: ${reason}`);
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = rows[0]?.map((cell) => cell.trim().toLowerCase());
  if (header?.join(',') !== 'date,done') {
    throw new ForecastInputError(`${path}: the first line must be the header "date,done"`);
  }
  const counts = new Map<number, number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    if (row.length !== 2)
      throw new ForecastInputError(`${path} line ${line}: expected 2 columns (date,done)`);
    const [dateText = '', doneText = ''] = row.map((cell) => cell.trim());
    const day = parseIsoDay(dateText);
    if (day === null)
      throw new ForecastInputError(`${path} line ${line}: "${dateText}" is not a YYYY-MM-DD date`);
    if (!/^\d+$/.test(doneText)) {
      throw new ForecastInputError(
        `${path} line ${line}: done must be a whole number ≥ 0 (got "${doneText}")`,
      );
    }
    if (counts.has(day)) throw new ForecastInputError(`${path} line ${line}: ${dateText} appears twice`);
    counts.set(day, Number(doneText));
  }
  if (counts.size === 0) throw new ForecastInputError(`${path}: no rows after the header`);
  const days = [...counts.keys()];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const daily = new Array<number>(last - first + 1).fill(0);
  for (const [day, done] of counts) daily[day - first] = done;
  return { firstDate: formatIsoDay(first), counts: daily };
}

function explainInsufficient(result: InsufficientHistory): ForecastInputError {
  return new ForecastInputError(
    `${result.reason}. Give a longer history in the CSV (one row per day with the items done that day).`,
  );
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

/**
 * Runs the forecast described by the flags.
 * @param flags the parsed command-line flags.
 * @param today the default start date (YYYY-MM-DD).
 * @returns the text to print; throws ForecastInputError on bad input.
 */
export function runForecast(flags: ForecastFlags, today: string): string {
  if ((flags.items === undefined) === (flags.by === undefined)) {
    throw new ForecastInputError(
      'give exactly one of --items N (when will N items be done?) or --by YYYY-MM-DD',
    );
  }
  if ((flags.history === undefined) === (flags.workspace === undefined)) {
    throw new ForecastInputError('give exactly one of --history FILE.csv or --workspace W');
  }
  if (flags.workspace !== undefined) {
    throw new ForecastInputError(
      'forecasting from a workspace needs the Headway server, which is not available yet; ' +
        'export the daily counts as a CSV with the header "date,done" and use --history FILE.csv for now',
    );
  }
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
  const history = readHistoryCsv(flags.history!);
  const json = flags.json === true;
  if (items !== undefined) {
    const result = forecastCompletion({ history, start, items, trials, seed });
    if (result.status !== 'ok') throw explainInsufficient(result);
    return renderCompletion(result, json);
  }
  const result = forecastCountByDate({ history, start, by: by!, trials, seed });
  if (result.status !== 'ok') throw explainInsufficient(result);
  return renderCount(result, json);
}

/** `headway forecast`: registers the verb on the program. */
export function register(program: Command): void {
  program
    .command('forecast')
    .description('forecast delivery by Monte Carlo from a daily throughput history')
    .option('--items <N>', 'when will N items be done?')
    .option('--by <YYYY-MM-DD>', 'how many items by the end of this day?')
    .option(
      '--history <FILE.csv>',
      'daily history: header "date,done", one row per day (missing days count as 0)',
    )
    .option('--workspace <W>', 'read the history from a workspace (needs the server; not available yet)')
    .option('--start <YYYY-MM-DD>', 'first forecast day; its work counts (default: today, UTC)')
    .option('--trials <T>', `Monte Carlo trials (default ${DEFAULT_TRIALS})`)
    .option('--seed <S>', `random seed; the same seed gives the same answer (default ${DEFAULT_SEED})`)
    .option('--json', 'print one JSON object')
    .action((flags: ForecastFlags) => {
      process.stdout.write(runForecast(flags, new Date().toISOString().slice(0, 10)));
    });
}
