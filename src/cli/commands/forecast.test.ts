import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readHistoryCsv, runForecast } from './forecast';

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
    expect(JSON.parse(out)).toEqual({
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
    expect(JSON.parse(out)).toEqual({
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

  it('should exit non-zero with a message when the input is bad', async () => {
    const failure = await run('node', [bin, 'forecast', '--items', '0', '--history', steady]).catch((e) => e);
    expect(failure.code).not.toBe(0);
    expect(failure.stderr).toContain('--items must be a whole number');
  });
});
