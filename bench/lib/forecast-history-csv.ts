/**
 * Reads the delivery histories used by the forecast backtest (`date,done`, one row per
 * calendar day; see ../shared/data/histories/README.md). Missing days count as 0.
 */
import { readFileSync } from 'node:fs';
import type { DailyThroughput } from '../../src/domain/forecasting/index';
import { formatIsoDay, parseIsoDay } from '../../src/domain/forecasting/index';

/**
 * Parses one history file.
 * @param path the CSV file.
 * @returns the daily history; throws on a malformed row (the data is trusted, so this is a bug).
 */
export function loadHistoryCsv(path: string): DailyThroughput {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  if (lines[0]?.trim() !== 'date,done') throw new Error(`${path}: expected the header date,done`);
  const byDay = new Map<number, number>();
  for (const line of lines.slice(1)) {
    const [date = '', done = ''] = line.split(',');
    const day = parseIsoDay(date.trim());
    if (day === null || !/^\d+$/.test(done.trim())) throw new Error(`${path}: bad row "${line}"`);
    byDay.set(day, Number(done));
  }
  const days = [...byDay.keys()];
  const first = Math.min(...days);
  const counts = new Array<number>(Math.max(...days) - first + 1).fill(0);
  for (const [day, done] of byDay) counts[day - first] = done;
  return { firstDate: formatIsoDay(first), counts };
}
