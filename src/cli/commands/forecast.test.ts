import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from '../../domain/shared';
import { readHistoryCsv, readWeeklyHistoryCsv } from '../history-csv';
import { runForecast } from './forecast';

const dir = mkdtempSync(join(tmpdir(), 'headway-forecast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeCsv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// Two items every day for three weeks.
const steady = writeCsv(
  'steady.csv',
  `date,done\n${Array.from({ length: 21 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')},2`).join('\n')}\n`,
);

describe('readHistoryCsv', () => {
  it('should count a missing day as zero', () => {
    const path = writeCsv('gap.csv', 'date,done\n2026-01-01,3\n2026-01-04,1\n2026-01-02,2\n');
    expect(readHistoryCsv(path)).toEqual({ firstDate: '2026-01-01', counts: [3, 2, 0, 1] });
  });

  it('should say which line to fix when a count is not a whole number', () => {
    const path = writeCsv('bad.csv', 'date,done\n2026-01-01,3\n2026-01-02,-1\n');
    expect(() => readHistoryCsv(path)).toThrow(/line 3: done must be a whole number/);
  });

  it('should ask for the header when it is missing', () => {
    const path = writeCsv('nohead.csv', '2026-01-01,3\n');
    expect(() => readHistoryCsv(path)).toThrow(/header "date,done"/);
  });
});

describe('runForecast', () => {
  it('should print the same date at every level as JSON when throughput is constant', () => {
    // 2 a day from 2026-03-01 (counted): 10 items at the end of 2026-03-05.
    const out = runForecast({ items: '10', history: steady, start: '2026-03-01', json: true }, '2000-01-01');
    expect(JSON.parse(out)).toMatchObject({
      items: 10,
      trials: 10_000,
      dates: { 50: '2026-03-05', 70: '2026-03-05', 85: '2026-03-05', 95: '2026-03-05' },
    });
  });

  it('should print counts as JSON when asked how many by a date', () => {
    // 2026-03-01..2026-03-03 is 3 days at 2 a day.
    const out = runForecast(
      { by: '2026-03-03', history: steady, start: '2026-03-01', trials: '500', json: true },
      '2000-01-01',
    );
    expect(JSON.parse(out)).toMatchObject({
      by: '2026-03-03',
      trials: 500,
      counts: { 50: 6, 70: 6, 85: 6, 95: 6 },
    });
  });

  it('should start today when no start is given', () => {
    const out = runForecast({ items: '2', history: steady, json: true }, '2026-05-10');
    expect(JSON.parse(out).dates['85']).toBe('2026-05-10');
  });

  it('should print a readable table when JSON is not asked for', () => {
    const out = runForecast({ items: '4', history: steady, start: '2026-03-01' }, '2000-01-01');
    expect(out).toContain('When will 4 items be done?');
    expect(out).toMatch(/85%\s+2026-03-02/);
  });

  it('should reject both or neither question', () => {
    expect(() => runForecast({ history: steady }, '2026-01-01')).toThrow(/exactly one of --items/);
    expect(() => runForecast({ items: '1', by: '2026-02-01', history: steady }, '2026-01-01')).toThrow(
      /exactly one of --items/,
    );
  });

  it('should point to --history when a workspace is given', () => {
    expect(() => runForecast({ items: '5', workspace: 'acme' }, '2026-01-01')).toThrow(/use --history/);
  });

  it('should explain bad flag values', () => {
    expect(() => runForecast({ items: 'ten', history: steady }, '2026-01-01')).toThrow(
      /--items must be a whole/,
    );
    expect(() => runForecast({ items: '3', history: steady, start: '2026-02-30' }, '2026-01-01')).toThrow(
      /--start must be a calendar date/,
    );
    expect(() =>
      runForecast({ by: '2026-01-01', history: steady, start: '2026-02-01' }, '2026-01-01'),
    ).toThrow(/before the start/);
    expect(() => runForecast({ items: '3', history: join(dir, 'none.csv') }, '2026-01-01')).toThrow(
      /no such file/,
    );
  });

  it('should say the minimum history needed when the CSV is too short', () => {
    const path = writeCsv('short.csv', 'date,done\n2026-01-01,1\n2026-01-02,0\n');
    expect(() => runForecast({ items: '3', history: path }, '2026-01-01')).toThrow(/need at least 7 days/);
  });
});

// Four repeats of a week whose days are all busy and total 14: every run of 7 days totals 14.
const periodicWeek = [1, 2, 3, 1, 2, 3, 2];
const periodic = writeCsv(
  'periodic.csv',
  `date,done\n${Array.from({ length: 28 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')},${periodicWeek[i % 7]}`).join('\n')}\n`,
);
// Four weeks of 14 items, weeks starting on Mondays.
const weekly = writeCsv(
  'weekly.csv',
  'date,done\n2026-01-05,14\n2026-01-12,14\n2026-01-19,14\n2026-01-26,14\n',
);

describe('runForecast with --block-days and --weekly', () => {
  it('should give one date in the same JSON shape when every 7-day block completes the same total', () => {
    // 42 items = 3 blocks of 14, the last day of a block is never 0: day offset 20 from 2026-03-01.
    const out = runForecast(
      { items: '42', history: periodic, start: '2026-03-01', blockDays: '7', trials: '300', json: true },
      '2000-01-01',
    );
    expect(JSON.parse(out)).toMatchObject({
      items: 42,
      trials: 300,
      dates: { 50: '2026-03-21', 70: '2026-03-21', 85: '2026-03-21', 95: '2026-03-21' },
    });
  });

  it('should say in the table that whole runs of days were replayed', () => {
    const out = runForecast(
      { items: '42', history: periodic, start: '2026-03-01', blockDays: '7' },
      '2000-01-01',
    );
    expect(out).toContain('7 consecutive days (moving-block bootstrap)');
  });

  it('should answer at the ends of weeks when the CSV holds weekly counts', () => {
    // 42 items = 3 weeks of 14: the third week from 2026-03-01 ends on 2026-03-21.
    const when = runForecast(
      { items: '42', history: weekly, weekly: true, start: '2026-03-01', json: true },
      '2000-01-01',
    );
    expect(JSON.parse(when).dates).toEqual({
      50: '2026-03-21',
      70: '2026-03-21',
      85: '2026-03-21',
      95: '2026-03-21',
    });
    // By 2026-03-20 only 2 whole weeks have ended: 28 items.
    const count = runForecast(
      { by: '2026-03-20', history: weekly, weekly: true, start: '2026-03-01', json: true },
      '2000-01-01',
    );
    expect(JSON.parse(count)).toMatchObject({
      by: '2026-03-20',
      trials: 10_000,
      counts: { 50: 28, 70: 28, 85: 28, 95: 28 },
    });
  });

  it('should reject a block length that is not a positive whole number or not whole weeks of weekly counts', () => {
    expect(() => runForecast({ items: '3', history: steady, blockDays: '0' }, '2026-01-01')).toThrow(
      /--block-days must be a whole number/,
    );
    expect(() =>
      runForecast({ items: '3', history: weekly, weekly: true, blockDays: '10' }, '2026-01-01'),
    ).toThrow(/multiple of 7/);
    expect(() => runForecast({ items: '3', workspace: 'acme', weekly: true }, '2026-01-01')).toThrow(
      /--weekly/,
    );
  });
});

// Three weeks: the first delivers 1 a day, the next two 3 a day.
const shifted = writeCsv(
  'shifted.csv',
  `date,done\n${Array.from({ length: 21 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')},${i < 7 ? 1 : 3}`).join('\n')}\n`,
);

describe('runForecast with --level-uncertainty', () => {
  it('should give the default dates when the thirds of the history deliver at the same rate', () => {
    // Constant 2 a day: every third has the same rate, so the level factor is 1 and 10 items
    // land at the end of 2026-03-05 in every trial, as without the flag.
    const out = runForecast(
      { items: '10', history: steady, start: '2026-03-01', levelUncertainty: true, json: true },
      '2000-01-01',
    );
    expect(JSON.parse(out).dates).toEqual({
      50: '2026-03-05',
      70: '2026-03-05',
      85: '2026-03-05',
      95: '2026-03-05',
    });
  });

  it('should widen the dates and say so when the level moved within the history', () => {
    const flags = { items: '60', history: shifted, start: '2026-03-01', trials: '500' };
    const plain = JSON.parse(runForecast({ ...flags, json: true }, '2000-01-01')).dates;
    const level = JSON.parse(
      runForecast({ ...flags, levelUncertainty: true, json: true }, '2000-01-01'),
    ).dates;
    expect(level['95'] > plain['95']).toBe(true);
    const text = runForecast({ ...flags, levelUncertainty: true }, '2000-01-01');
    expect(text).toContain('Level uncertainty');
  });
});

describe('runForecast with --start inside the history', () => {
  // Sixty days: 1 a day for thirty days, then a flood of 50 a day.
  const days = Array.from({ length: 60 }, (_, i) => formatIsoDay(parseIsoDay('2026-01-01')! + i));
  const flooded = writeCsv(
    'flooded.csv',
    `date,done\n${days.map((d, i) => `${d},${i < 30 ? 1 : 50}`).join('\n')}\n`,
  );
  const cut = writeCsv(
    'cut.csv',
    `date,done\n${days
      .slice(0, 30)
      .map((d) => `${d},1`)
      .join('\n')}\n`,
  );

  it('should answer from the days before the start only, as on the file cut there', () => {
    const flags = { items: '10', start: days[30]!, trials: '300', json: true };
    const full = runForecast({ ...flags, history: flooded }, '2000-01-01');
    expect(full).toBe(runForecast({ ...flags, history: cut }, '2000-01-01'));
    // 1 a day from the 31st: the 10th item lands on the 10th day, not on the first.
    expect(JSON.parse(full).dates['50']).toBe(days[39]);
  });

  it('should give different answers for two starts when the history changed between them', () => {
    const at = (start: string) =>
      JSON.parse(runForecast({ items: '10', start, history: flooded, json: true }, '2000-01-01')).dates;
    expect(at(days[30]!)).not.toEqual(at(days[59]!));
  });
});

describe('readWeeklyHistoryCsv', () => {
  it('should count a missing week as zero', () => {
    const path = writeCsv('gap-weeks.csv', 'date,done\n2026-01-19,5\n2026-01-05,3\n');
    expect(readWeeklyHistoryCsv(path)).toEqual({ firstWeekStart: '2026-01-05', weeklyCounts: [3, 0, 5] });
  });

  it('should say which date does not start a week when rows are not 7 days apart', () => {
    const path = writeCsv('odd-weeks.csv', 'date,done\n2026-01-05,3\n2026-01-13,4\n');
    expect(() => readWeeklyHistoryCsv(path)).toThrow(/2026-01-13 is not a whole number of weeks/);
  });
});

describe('headway forecast (process)', () => {
  const run = promisify(execFile);
  const bin = join(import.meta.dirname, '../../../bin/headway.js');

  it('should print one JSON object and exit 0 when the input is good', async () => {
    const { stdout } = await run('node', [
      bin,
      'forecast',
      '--items',
      '6',
      '--history',
      steady,
      '--start',
      '2026-03-01',
      '--json',
    ]);
    expect(JSON.parse(stdout).dates['50']).toBe('2026-03-03');
  });

  it('should accept --block-days on the command line', async () => {
    const { stdout } = await run('node', [
      bin,
      'forecast',
      '--items',
      '42',
      '--history',
      periodic,
      '--start',
      '2026-03-01',
      '--block-days',
      '7',
      '--trials',
      '200',
      '--json',
    ]);
    expect(JSON.parse(stdout).dates['95']).toBe('2026-03-21');
  });

  it('should accept --level-uncertainty on the command line and document it in --help', async () => {
    const { stdout } = await run('node', [
      bin,
      'forecast',
      '--items',
      '10',
      '--history',
      steady,
      '--start',
      '2026-03-01',
      '--level-uncertainty',
      '--trials',
      '200',
      '--json',
    ]);
    expect(JSON.parse(stdout).dates['95']).toBe('2026-03-05');
    const help = await run('node', [bin, 'forecast', '--help']);
    expect(help.stdout).toContain('--level-uncertainty');
  });

  it('should exit non-zero with a message when the input is bad', async () => {
    const failure = await run('node', [bin, 'forecast', '--items', '0', '--history', steady]).catch((e) => e);
    expect(failure.code).not.toBe(0);
    expect(failure.stderr).toContain('--items must be a whole number');
  });
});
