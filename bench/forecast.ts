/**
 * Forecast benchmark: a walk-forward backtest of the throughput forecast on real delivery
 * histories (coverage of P50/P85/P95 and width), then the speed of the engine against simple
 * array-of-objects baselines in the same run.
 *
 *   npm run bench:forecast -- [--data ../shared/data/histories] [--window 90] [--items 20]
 *                             [--step 7] [--trials 2000]
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backtestHistory, measureBurstiness } from './lib/forecast-backtest';
import { loadHistoryCsv } from './lib/forecast-history-csv';
import {
  generatePlan,
  runBaselineBy,
  runBaselinePlan,
  runBaselineWhen,
  runEngineBy,
  runEnginePlan,
  runEngineWhen,
  takeLastDays,
  timeMedian,
} from './lib/forecast-speed';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/histories' },
    window: { type: 'string', default: '90' },
    items: { type: 'string', default: '20' },
    step: { type: 'string', default: '7' },
    trials: { type: 'string', default: '2000' },
  },
});

const dataDir = values.data;
if (!existsSync(dataDir) || readdirSync(dataDir).filter((f) => f.endsWith('.csv')).length === 0) {
  process.stderr.write(
    `Delivery histories not found at ${dataDir}.\n` +
      'They are daily counts of landed pull requests (CSV "date,done", one row per calendar day) derived from\n' +
      'public repositories with `git log --first-parent`; see ../shared/data/histories/README.md. Pass the folder with --data DIR.\n',
  );
  process.exit(2);
}

const settings = {
  windowDays: Number(values.window),
  items: Number(values.items),
  stepDays: Number(values.step),
  trials: Number(values.trials),
  seed: 1,
};
const MIN_POINTS = 30;
const pct = (x: number) => (Number.isNaN(x) ? '   -' : `${(100 * x).toFixed(1)}`.padStart(5));
const files = readdirSync(dataDir)
  .filter((f) => f.endsWith('.csv'))
  .sort();

process.stdout.write(
  `Backtest: window ${settings.windowDays} calendar days before each point, next ${settings.items} items, ` +
    `a point every ${settings.stepDays} days, ${settings.trials} trials per forecast\n\n`,
);
process.stdout.write(
  'history        points declined   P50   P85   P95  (nominal 50/85/95)  P85-P50 P95-P50  actual  burst×  verdict\n',
);
for (const file of files) {
  const history = loadHistoryCsv(join(dataDir, file));
  const r = backtestHistory(history, settings);
  let verdict: string;
  if (r.points < MIN_POINTS) {
    verdict = `too little data (${r.points} scored points < ${MIN_POINTS})`;
  } else {
    const off = ([50, 85, 95] as const).filter((level) => Math.abs(100 * r.coverage[level] - level) > 5);
    verdict = off.length === 0 ? 'within ±5' : `off at P${off.join(', P')}`;
  }
  process.stdout.write(
    `${file.replace('.csv', '').padEnd(14)} ${String(r.points).padStart(6)} ${String(r.declined).padStart(8)} ` +
      `${pct(r.coverage[50])} ${pct(r.coverage[85])} ${pct(r.coverage[95])}                     ` +
      `${r.meanWidth85.toFixed(1).padStart(7)} ${r.meanWidth95.toFixed(1).padStart(7)} ${r.meanActualDays.toFixed(1).padStart(7)} ${measureBurstiness(history).toFixed(1).padStart(7)}  ${verdict}\n`,
  );
}

process.stdout.write(
  '\nburst× = variance of 4-week totals / (28 × variance of one day): 1 if days were independent, as resampling assumes.\n' +
    '\nSensitivity (the same method with other a-priori settings; shown for context, not used to pick the defaults)\n' +
    'history        setting               points   P50   P85   P95\n',
);
const variants = [
  { label: 'window 30, N 20', windowDays: 30, items: settings.items },
  { label: 'window 180, N 20', windowDays: 180, items: settings.items },
  { label: 'window 90, N 10', windowDays: settings.windowDays, items: 10 },
  { label: 'window 90, N 40', windowDays: settings.windowDays, items: 40 },
];
for (const file of files) {
  const history = loadHistoryCsv(join(dataDir, file));
  for (const v of variants) {
    const r = backtestHistory(history, { ...settings, windowDays: v.windowDays, items: v.items });
    process.stdout.write(
      `${file.replace('.csv', '').padEnd(14)} ${v.label.padEnd(20)} ${String(r.points).padStart(7)} ` +
        `${pct(r.coverage[50])} ${pct(r.coverage[85])} ${pct(r.coverage[95])}\n`,
    );
  }
}

process.stdout.write('\nSpeed (median of 5 runs after a warm-up; baseline median of 3)\n');
function reportSpeed(label: string, target: number, engine: () => unknown, baseline: () => unknown): void {
  const e = timeMedian(engine, 5);
  const b = timeMedian(baseline, 3);
  // Engine and baseline draw from different random streams, so their answers agree up to Monte Carlo noise.
  const answers = `engine ${JSON.stringify(e.result)} baseline ${JSON.stringify(b.result)}`;
  process.stdout.write(
    `${label.padEnd(58)} engine ${e.ms.toFixed(1).padStart(7)} ms (target ≤ ${target} ms, ${e.ms <= target ? 'met' : 'NOT met'})` +
      `  baseline ${b.ms.toFixed(1).padStart(8)} ms  ×${(b.ms / e.ms).toFixed(1)}\n    P50/70/85/95: ${answers}\n`,
  );
}
for (const name of ['outline', 'hono']) {
  const file = join(dataDir, `${name}.csv`);
  if (!existsSync(file)) continue;
  const recent = takeLastDays(loadHistoryCsv(file), 180);
  const perDay = Array.from(recent.counts).reduce((a, b) => a + b, 0) / 180;
  reportSpeed(
    `when: 10,000 trials, 1,000 items, last 180 days of ${name} (${perDay.toFixed(2)}/day)`,
    50,
    () => runEngineWhen(recent, 1000, 10_000),
    () => runBaselineWhen(recent, 1000, 10_000),
  );
  reportSpeed(
    `how many: 10,000 trials, by 90 days out, ${name}`,
    20,
    () => runEngineBy(recent, '2030-03-31', 10_000),
    () => runBaselineBy(recent, '2030-03-31', 10_000),
  );
}
const plan = generatePlan(300);
reportSpeed(
  'plan: 2,000 trials, 300 items, 8 people, greedy list scheduler',
  3000,
  () => runEnginePlan(plan, 8, 2000),
  () => runBaselinePlan(plan, 8, 2000),
);
