/**
 * Import benchmark: a generated 50,000-row Jira Server CSV export through the whole dry-run
 * path (CSV split with papaparse, Jira parser, wiki markup → Markdown, proposed mapping, plan
 * with parents, dependencies, cycle check and history). Baseline in the same run: papaparse
 * alone splitting the same text. Prints median time, heap growth and peak RSS, and the ratio.
 *
 *   npm run bench:import -- [--rows 50000] [--runs 3]
 */

import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { computeMedian } from '../src/domain/shared';
import { planImport } from '../src/server/imports/plan-import';
import { generateJiraExport } from './lib/jira-export-generator';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '50000' }, runs: { type: 'string', default: '3' } },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;

function measure<T>(run: () => T): { ms: number; heapGrowth: number; result: T } {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  // Heap still held right after the run, including the result: what the dry run keeps alive.
  const heapGrowth = process.memoryUsage().heapUsed - before;
  return { ms, heapGrowth, result };
}

const text = generateJiraExport(ROWS, 1);
process.stdout.write(
  `Import benchmark: ${ROWS} Jira rows, ${mb(Buffer.byteLength(text))} of CSV, ${RUNS} runs each${gc ? '' : ' (run with --expose-gc for steadier memory figures)'}\n\n`,
);

const baseline: { ms: number; heapGrowth: number }[] = [];
const engine: { ms: number; heapGrowth: number }[] = [];
let summary: ReturnType<typeof planImport> | null = null;
for (let run = 0; run < RUNS; run++) {
  const base = measure(
    () => Papa.parse<string[]>(text, { header: false, skipEmptyLines: false }).data.length,
  );
  baseline.push(base);
  const full = measure(() =>
    planImport({ text, from: 'jira', members: [{ email: 'dana@example.com', name: 'Dana' }] }),
  );
  engine.push(full);
  summary = full.result;
}
const baseMs = computeMedian(baseline.map((b) => b.ms));
const engineMs = computeMedian(engine.map((e) => e.ms));
const peakRss = process.resourceUsage().maxRSS * 1024;

process.stdout.write(
  [
    `${'step'.padEnd(44)}${'median'.padStart(10)}${'heap held'.padStart(12)}`,
    `${'baseline: papaparse split only'.padEnd(44)}${`${baseMs.toFixed(0)} ms`.padStart(10)}${mb(computeMedian(baseline.map((b) => b.heapGrowth))).padStart(12)}`,
    `${'dry run: split, parse, map, plan, summary'.padEnd(44)}${`${engineMs.toFixed(0)} ms`.padStart(10)}${mb(computeMedian(engine.map((e) => e.heapGrowth))).padStart(12)}`,
    '',
    `ratio dry run ÷ papaparse: ×${(engineMs / baseMs).toFixed(2)}   rows/s: ${Math.round(ROWS / (engineMs / 1000))}   peak RSS of the process: ${mb(peakRss)}`,
  ].join('\n'),
);
if (summary?.kind === 'plan') {
  const s = summary.summary;
  process.stdout.write(
    `\nplan: ${s.items} items (${s.done} done, ${s.cancelled} cancelled), ${s.dependencies} dependencies, ${s.people} people, ${s.historyEntries} history entries, ${s.problems.length} problems (${s.errors} errors), skipped ${JSON.stringify(s.skipped)}\n`,
  );
}
