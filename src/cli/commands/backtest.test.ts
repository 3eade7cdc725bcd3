import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom, formatIsoDay, parseIsoDay } from '../../domain/shared';
import { runBacktest } from './backtest';
import { runForecast } from './forecast';

const dir = mkdtempSync(join(tmpdir(), 'headway-backtest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIRST = parseIsoDay('2023-01-01')!;

function writeHistory(name: string, counts: number[]): string {
  const path = join(dir, name);
  writeFileSync(path, `date,done\n${counts.map((c, i) => `${formatIsoDay(FIRST + i)},${c}`).join('\n')}\n`);
  return path;
}

// A team whose level moves every 60 days: quiet (0–1 a day), then busy (2–8 a day).
const random = createRandom(21);
const counts = Array.from({ length: 700 }, (_, d) =>
  Math.floor(d / 60) % 2 === 0 ? random.nextIndex(2) : 2 + random.nextIndex(7),
);
const full = writeHistory('shifting.csv', counts);

/** The same history cut just before a start, as a file of its own. */
function cutBefore(start: string): string {
  const keep = parseIsoDay(start)! - FIRST;
  return writeHistory(`cut-${start}.csv`, counts.slice(0, keep));
}

describe('runBacktest', () => {
  it('should answer at each origin exactly as `headway forecast` on the history cut before it', () => {
    const rows = runBacktest({
      history: full,
      items: '15',
      every: '70',
      from: '2023-02-01',
      trials: '500',
      seed: '4',
    });
    expect(rows.length).toBe(10);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['calibrating', 'calibrated']));
    for (const row of rows) {
      const single = JSON.parse(
        runForecast(
          {
            items: '15',
            history: cutBefore(row.start),
            start: row.start,
            trials: '500',
            seed: '4',
            json: true,
          },
          '2000-01-01',
        ),
      );
      expect(row).toEqual({ start: row.start, status: single.status, dates: single.dates });
    }
  });

  it('should count the origin as day 1 and match `headway forecast --by` when asked for days', () => {
    const rows = runBacktest({ history: full, days: '30', every: '100', from: '2023-03-01', trials: '400' });
    for (const row of rows) {
      const by = formatIsoDay(parseIsoDay(row.start)! + 29);
      const single = JSON.parse(
        runForecast(
          { by, history: cutBefore(row.start), start: row.start, trials: '400', json: true },
          '2000-01-01',
        ),
      );
      expect(row).toEqual({ start: row.start, status: single.status, counts: single.counts });
    }
  });

  it('should say "insufficient" with no answer where the history before an origin is too short', () => {
    const [row, ...rest] = runBacktest({ history: full, items: '5', every: '1000', from: '2023-01-03' });
    expect(rest).toEqual([]);
    expect(row).toEqual({
      start: '2023-01-03',
      status: 'insufficient',
      dates: { 50: null, 70: null, 85: null, 95: null },
    });
  });

  it('should explain bad flags', () => {
    expect(() => runBacktest({ history: full })).toThrow(/exactly one of --items N/);
    expect(() => runBacktest({ history: full, items: '3', days: '3' })).toThrow(/exactly one of --items N/);
    expect(() => runBacktest({ items: '3' })).toThrow(/--history/);
    expect(() => runBacktest({ history: full, days: '0' })).toThrow(/--days must be a whole number/);
    expect(() => runBacktest({ history: full, items: '3', every: 'x' })).toThrow(/--every must be/);
    expect(() => runBacktest({ history: full, items: '3', from: '2030-01-01' })).toThrow(/after the history/);
  });
});

describe('headway backtest (process)', () => {
  it('should print {"rows": [...]} as one JSON object', async () => {
    const run = promisify(execFile);
    const bin = join(import.meta.dirname, '../../../bin/headway.js');
    const args = [
      'backtest',
      '--history',
      full,
      '--days',
      '14',
      '--every',
      '300',
      '--trials',
      '200',
      '--json',
    ];
    const { stdout } = await run('node', [bin, ...args]);
    const { rows } = JSON.parse(stdout);
    expect(rows.map((r: { start: string }) => r.start)).toEqual(['2023-01-02', '2023-10-29', '2024-08-24']);
    expect(Object.keys(rows[2].counts)).toEqual(['50', '70', '85', '95']);
  });
});

describe('runForecast with calibration', () => {
  it('should say it is calibrated on how many past forecasts, and answer plainly with --no-calibrate', () => {
    const start = formatIsoDay(FIRST + 700);
    const calibrated = JSON.parse(
      runForecast({ items: '30', history: full, start, trials: '1000', json: true }, '2000-01-01'),
    );
    expect(calibrated.status).toBe('calibrated');
    expect(calibrated.calibration.label).toMatch(/^calibrated on \d+ past forecasts/);
    expect(calibrated.calibration.knownOutcomes).toBeGreaterThanOrEqual(52);
    const plain = JSON.parse(
      runForecast(
        { items: '30', history: full, start, trials: '1000', calibrate: false, json: true },
        '2000-01-01',
      ),
    );
    expect(plain.status).toBe('off');
    // The level moves, so plain resampling was over-confident: calibrated P95 is later.
    expect(calibrated.dates['95'] > plain.dates['95']).toBe(true);
    const text = runForecast({ items: '30', history: full, start, trials: '1000' }, '2000-01-01');
    expect(text).toMatch(/calibrated on \d+ past forecasts/);
  });

  it('should reject a window that is not a whole number of days', () => {
    expect(() => runForecast({ items: '3', history: full, window: '0' }, '2024-01-01')).toThrow(
      /--window must be/,
    );
  });
});
