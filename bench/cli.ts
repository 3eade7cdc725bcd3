/**
 * Cold start of the `headway` command line: `headway --version` and a throughput forecast from a
 * history file, against `node -e 0` in the same run. Each command is started fresh, several
 * times; the table gives the median and the slowest wall time, the median peak memory (from
 * /usr/bin/time when the machine has it) and the ratio of the median to `node -e 0`'s.
 *
 *   npm run bench:cli [-- --runs 15]
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computeMedian, formatIsoDay, parseIsoDay } from '../src/domain/shared';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 3) throw new Error('--runs must be a whole number of at least 3');

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'headway.js');
if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) {
  console.log('dist/cli is missing: run `npm run build:cli` first (npm ci does it)');
  process.exit(1);
}

// A two-year daily history of completed items, drawn from a fixed pattern (no randomness needed:
// the forecast's speed, not its answer, is measured).
const dir = mkdtempSync(join(tmpdir(), 'headway-bench-cli-'));
const history = join(dir, 'done.csv');
const start = parseIsoDay('2024-01-01') ?? 0;
const lines = ['date,done'];
for (let day = 0; day < 730; day++) lines.push(`${formatIsoDay(start + day)},${(day * 7) % 5}`);
writeFileSync(history, `${lines.join('\n')}\n`);

const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Sample {
  ms: number;
  rssMiB: number | null;
}

function runOnce(args: string[]): Sample {
  const command = timeTool ? timeTool : process.execPath;
  const argv = timeTool ? ['-f', '%M', process.execPath, ...args] : args;
  const started = process.hrtime.bigint();
  const result = spawnSync(command, argv, { encoding: 'utf8', cwd: root });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  const kib = timeTool ? Number(result.stderr.trim().split('\n').at(-1)) : Number.NaN;
  return { ms, rssMiB: Number.isFinite(kib) ? kib / 1024 : null };
}

const cases: Array<{ name: string; args: string[] }> = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'headway --version', args: [bin, '--version'] },
  {
    name: 'headway forecast --history (20 items)',
    args: [bin, 'forecast', '--history', history, '--items', '20'],
  },
];

// Interleave the cases so a busy moment on the machine falls on all of them alike.
const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
for (const c of cases) runOnce(c.args); // warm the file cache
for (let i = 0; i < runs; i++) for (const c of cases) samples.get(c.name)?.push(runOnce(c.args));

const baseline = computeMedian((samples.get('node -e 0') ?? []).map((s) => s.ms));
console.log(`cold starts, ${runs} runs each (median / slowest wall time, median peak memory)`);
for (const c of cases) {
  const list = samples.get(c.name) ?? [];
  const ms = computeMedian(list.map((s) => s.ms));
  const slowest = Math.max(...list.map((s) => s.ms));
  const rss = list.every((s) => s.rssMiB !== null)
    ? `${computeMedian(list.map((s) => s.rssMiB as number)).toFixed(0)} MiB`
    : 'n/a';
  console.log(
    `${c.name.padEnd(40)} ${ms.toFixed(0).padStart(5)} ms / ${slowest.toFixed(0).padStart(5)} ms  ${rss.padStart(8)}  ×${(ms / baseline).toFixed(1)} node -e 0`,
  );
}
