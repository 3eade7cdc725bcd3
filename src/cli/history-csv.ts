/**
 * Reading delivery histories from `date,done` CSV files (papaparse, RFC 4180), for the CLI and the
 * benchmarks alike: one row per day (or per week with --weekly), days missing between the first
 * and the last row count as 0. Every mistake says which line to fix.
 */

import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { DailyThroughput, WeeklyThroughput } from '../domain/forecasting';
import { formatIsoDay, parseIsoDay } from '../domain/shared';

/** A history file that cannot be read as `date,done` rows, saying what to fix. */
export class HistoryFileError extends Error {
  override name = 'HistoryFileError';
}

/** Reads the rows of a `date,done` CSV: done per day number; throws HistoryFileError saying what to fix. */
function readDateDoneRows(path: string): Map<number, number> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new HistoryFileError(`cannot read --history ${path}: ${reason}`);
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = rows[0]?.map((cell) => cell.trim().toLowerCase());
  if (header?.join(',') !== 'date,done') {
    throw new HistoryFileError(`${path}: the first line must be the header "date,done"`);
  }
  const counts = new Map<number, number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    if (row.length !== 2) throw new HistoryFileError(`${path} line ${line}: expected 2 columns (date,done)`);
    const [dateText = '', doneText = ''] = row.map((cell) => cell.trim());
    const day = parseIsoDay(dateText);
    if (day === null)
      throw new HistoryFileError(`${path} line ${line}: "${dateText}" is not a YYYY-MM-DD date`);
    if (!/^\d+$/.test(doneText)) {
      throw new HistoryFileError(`${path} line ${line}: done must be a whole number ≥ 0 (got "${doneText}")`);
    }
    if (counts.has(day)) throw new HistoryFileError(`${path} line ${line}: ${dateText} appears twice`);
    counts.set(day, Number(doneText));
  }
  if (counts.size === 0) throw new HistoryFileError(`${path}: no rows after the header`);
  return counts;
}

/**
 * Reads a `date,done` CSV into a daily history; days missing between the first and last row count as 0.
 * @param path the CSV file.
 * @returns the history; throws HistoryFileError saying what to fix.
 */
export function readHistoryCsv(path: string): DailyThroughput {
  const counts = readDateDoneRows(path);
  const days = [...counts.keys()];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const daily = new Array<number>(last - first + 1).fill(0);
  for (const [day, done] of counts) daily[day - first] = done;
  return { firstDate: formatIsoDay(first), counts: daily };
}

/**
 * Reads a `date,done` CSV of weekly counts: each row is the first day of a week and the items
 * done in that week and the 6 days after it; rows are 7 days apart, a missing week counts as 0.
 * @param path the CSV file.
 * @returns the weekly history; throws HistoryFileError saying what to fix.
 */
export function readWeeklyHistoryCsv(path: string): WeeklyThroughput {
  const counts = readDateDoneRows(path);
  const days = [...counts.keys()];
  const first = Math.min(...days);
  const weekly = new Array<number>(Math.floor((Math.max(...days) - first) / 7) + 1).fill(0);
  for (const [day, done] of counts) {
    if ((day - first) % 7 !== 0) {
      throw new HistoryFileError(
        `${path}: with --weekly every date must start a week 7 days after the previous one; ` +
          `${formatIsoDay(day)} is not a whole number of weeks after ${formatIsoDay(first)}`,
      );
    }
    weekly[(day - first) / 7] = done;
  }
  return { firstWeekStart: formatIsoDay(first), weeklyCounts: weekly };
}
