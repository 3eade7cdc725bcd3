/**
 * Forecast benchmark: a walk-forward backtest of throughput forecasts on real delivery histories,
 * for both questions ("when will the next N items be done?", "how many in the next H days?")
 * and several methods at the same origins — coverage of P50/P85/P95, width and quantile
 * (pinball) loss, per history and pooled — then the speed of the engine against simple
 * baselines in the same run.
 *
 *   npm run bench:forecast -- --data DIR [--window 90] [--items 20] [--days 30] [--step 7]
 *                             [--trials 2000]
 *
 * DIR holds daily throughput histories (`date,done` CSV files, one row per calendar day); other
 * CSV files in it are skipped with a message.
 */

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HistoryFileError, readHistoryCsv } from '../src/cli/history-csv';
import {
  clearPastForecastMemo,
  type DailyThroughput,
  DEFAULT_LEVEL_PARTS,
  forecastCompletion,
  forecastCompletionCalibrated,
} from '../src/domain/forecasting/index';
import { formatIsoDay, parseIsoDay } from '../src/domain/shared';
import { measureBurstiness, measureLevelDrift } from './lib/forecast-backtest';
import {
  type BacktestMethod,
  type BacktestQuestion,
  backtestCalibration,
  type ScoredOrigin,
  scoreMethod,
} from './lib/forecast-calibration-backtest';
import {
  generatePlan,
  runBaselineBy,
  runBaselinePlan,
  runBaselineWhen,
  runEngineBy,
  runEnginePlan,
  runEngineWhen,
  runTeamSchedulerPlan,
  takeLastDays,
  timeMedian,
} from './lib/forecast-speed';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    window: { type: 'string', default: '90' },
    items: { type: 'string', default: '20' },
    days: { type: 'string', default: '30' },
    step: { type: 'string', default: '7' },
    trials: { type: 'string', default: '2000' },
  },
});

const dataDir = values.data;
if (
  dataDir === undefined ||
  !existsSync(dataDir) ||
  readdirSync(dataDir).filter((f) => f.endsWith('.csv')).length === 0
) {
  process.stderr.write(
    `${dataDir === undefined ? 'No --data DIR given' : `No delivery histories found at ${dataDir}`}.\n` +
      'The benchmark needs daily throughput histories: CSV files with the header "date,done" and one row per\n' +
      'calendar day (items finished that day), e.g. derived from a repository’s merged pull requests with `git log`.\n' +
      'Headway’s shared data folder has six of them (shared/data/histories, see its README.md for how each was derived);\n' +
      'pass the folder with: npm run bench:forecast -- --data DIR\n',
  );
  process.exit(2);
}

const settings = {
  windowDays: Number(values.window),
  stepDays: Number(values.step),
  trials: Number(values.trials),
  seed: 1,
  levels: [50, 70, 85, 95],
};
const WEEK_BLOCK_DAYS = 7;
const SHOWN = [50, 85, 95] as const;

// The methods compared at the same origins. The calibrated one is the default of Headway; the
// others are plain resampling and its two options, with their a-priori settings (a calendar
// week for blocks, three parts for the level model), none tuned on these results.
const methods: BacktestMethod[] = [
  { label: 'calibrated', calibrate: true },
  { label: 'days (plain)', calibrate: false },
  { label: '7-day blocks', calibrate: false, blockDays: WEEK_BLOCK_DAYS },
  { label: 'days + level', calibrate: false, levelUncertainty: true },
];
const PLAIN = 'days (plain)';

const histories: Array<{ name: string; history: DailyThroughput }> = [];
for (const file of readdirSync(dataDir)
  .filter((f) => f.endsWith('.csv'))
  .sort()) {
  try {
    histories.push({ name: file.replace(/\.csv$/, ''), history: readHistoryCsv(join(dataDir, file)) });
  } catch (error) {
    if (!(error instanceof HistoryFileError)) throw error;
    process.stdout.write(`Skipped ${file}: not a daily throughput history (${error.message}).\n`);
  }
}

const pct = (x: number | undefined) =>
  x === undefined || Number.isNaN(x) ? '    -' : (100 * x).toFixed(1).padStart(5);

function verdictOf(coverage: Map<number, number>, tolerance: number): string {
  const off = SHOWN.filter((level) => Math.abs(100 * coverage.get(level)! - level) > tolerance);
  return off.length === 0 ? `within ±${tolerance}` : `off at P${off.join(', P')}`;
}

function reportQuestion(question: BacktestQuestion): void {
  const when = 'items' in question;
  process.stdout.write(
    `\n${when ? `When will the next ${question.items} items be done?` : `How many items in the next ${question.days} days (the origin is day 1)?`}\n` +
      `Origins every ${settings.stepDays} days, each forecast from the ${settings.windowDays} days before it, ${settings.trials} trials; ` +
      'scored only where the calibrated method had 52 or more known past outcomes, on the same origins for every method.\n' +
      `Coverage = share of origins whose level-p statement held (${when ? 'done by the date' : 'at least the count'}); ` +
      `${when ? 'P95/P50 = median ratio of the P95 to the P50 date in days from the start (start day = day 1)' : 'P50−P95 = median gap between the P50 and P95 counts, in items'}; ` +
      `pinball = mean quantile loss over P50/70/85/95 in ${when ? 'days' : 'items'}; ×plain = pinball ÷ plain daily resampling's.\n\n` +
      `history        method         origins   P50   P85   P95  ${when ? 'P95/P50' : 'P50−P95'}  pinball  ×plain  verdict\n`,
  );
  const pooled: ScoredOrigin[] = [];
  const statusLines: string[] = [];
  for (const { name, history } of histories) {
    const result = backtestCalibration(history, question, methods, settings);
    pooled.push(...result.scored);
    const s = result.statuses;
    statusLines.push(
      `${name.padEnd(14)} calibrated ${s.calibrated}, calibrating ${s.calibrating}, not enough data ${s.insufficient}, declined ${result.declined}`,
    );
    writeRows(name, result.scored, question, 5);
  }
  writeRows('pooled', pooled, question, 2);
  process.stdout.write(
    `\nOrigins with a known outcome, by the calibrated method's status:\n${statusLines.join('\n')}\n`,
  );
}

function writeRows(
  name: string,
  scored: readonly ScoredOrigin[],
  question: BacktestQuestion,
  tolerance: number,
): void {
  const when = 'items' in question;
  const plain = scoreMethod(scored, PLAIN, question, settings.levels);
  for (const method of methods) {
    const r = scoreMethod(scored, method.label, question, settings.levels);
    const width = when ? r.medianRatio.toFixed(2) : r.medianSpread.toFixed(1);
    const verdict = r.origins === 0 ? 'no calibrated origins' : verdictOf(r.coverage, tolerance);
    process.stdout.write(
      `${name.padEnd(14)} ${method.label.padEnd(13)} ${String(r.origins).padStart(7)} ` +
        `${SHOWN.map((l) => pct(r.coverage.get(l))).join(' ')}  ${width.padStart(7)}  ${r.pinball.toFixed(2).padStart(7)}  ` +
        `${(r.pinball / plain.pinball).toFixed(2).padStart(6)}  ${verdict}\n`,
    );
  }
}

process.stdout.write(
  `Backtest of throughput forecasts on ${histories.length} histories (${histories.map((h) => h.name).join(', ')})\n` +
    'Methods: calibrated = Headway’s default: daily resampling calibrated on the team’s own past forecasts (weekly over\n' +
    '           the two years before each origin, recent ones weighing more (half-life 364 days, chosen by\n' +
    '           leave-one-history-out); see src/domain/forecasting/self-calibration.ts);\n' +
    '         days (plain) = every day of the window is one independent sample (--no-calibrate);\n' +
    `         7-day blocks = circular moving-block bootstrap of ${WEEK_BLOCK_DAYS} consecutive days (--block-days 7 --no-calibrate);\n` +
    `         days + level = days, each trial scaled by a log-normal level factor from the window's ${DEFAULT_LEVEL_PARTS} parts (--level-uncertainty --no-calibrate)\n`,
);
const started = performance.now();
reportQuestion({ items: Number(values.items) });
reportQuestion({ days: Number(values.days) });
process.stdout.write(`\n(backtest took ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);

process.stdout.write(
  '\nWhy plain resampling misses (per history)\n' +
    'history        burst×7 burst×28   level moved > 1.5× between consecutive windows\n',
);
for (const { name, history } of histories) {
  const drift = measureLevelDrift(history, settings);
  process.stdout.write(
    `${name.padEnd(14)} ${measureBurstiness(history, 7).toFixed(1).padStart(7)} ${measureBurstiness(history, 28).toFixed(1).padStart(7)}` +
      `   ${pct(drift.real)}% (shuffled days: ${pct(drift.shuffled).trim()}%)\n`,
  );
}
process.stdout.write(
  'burst×k = variance of k-day totals / (k × variance of one day): 1 if days were independent, as resampling assumes.\n' +
    `level moved = share of origins where the ${settings.windowDays} days after it delivered over 1.5× more or less than the ${settings.windowDays} days before.\n`,
);

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
  const found = histories.find((h) => h.name === name);
  if (!found) continue;
  const recent = takeLastDays(found.history, 180);
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
  reportSpeed(
    `when, 7-day blocks (option; targets are for the default): ${name}`,
    50,
    () => runEngineWhen(recent, 1000, 10_000, WEEK_BLOCK_DAYS),
    () => runBaselineWhen(recent, 1000, 10_000),
  );
  reportSpeed(
    `how many, 7-day blocks (option): ${name}`,
    20,
    () => runEngineBy(recent, '2030-03-31', 10_000, WEEK_BLOCK_DAYS),
    () => runBaselineBy(recent, '2030-03-31', 10_000),
  );
  reportSpeed(
    `when, level uncertainty (option): ${name}`,
    50,
    () => runEngineWhen(recent, 1000, 10_000, undefined, true),
    () => runBaselineWhen(recent, 1000, 10_000),
  );
  reportSpeed(
    `how many, level uncertainty (option): ${name}`,
    20,
    () => runEngineBy(recent, '2030-03-31', 10_000, undefined, true),
    () => runBaselineBy(recent, '2030-03-31', 10_000),
  );
}
// The calibrated forecast replays about a hundred past forecasts: timed from a cold memo (the
// first question of the day) and warm (asked again), against the plain forecast it wraps.
for (const name of ['outline', 'hono']) {
  const found = histories.find((h) => h.name === name);
  if (!found) continue;
  const start = formatIsoDay(parseIsoDay(found.history.firstDate)! + found.history.counts.length);
  const options = { history: found.history, start, items: 20, trials: 10_000, seed: 7, window: { days: 90 } };
  const plain = timeMedian(() => forecastCompletion(options), 5);
  const cold = timeMedian(() => {
    clearPastForecastMemo();
    return forecastCompletionCalibrated(options);
  }, 3);
  const warm = timeMedian(() => forecastCompletionCalibrated(options), 5);
  const status = warm.result.status === 'ok' ? warm.result.calibration.label : warm.result.reason;
  process.stdout.write(
    `${`calibrated when, 20 items, 10,000 trials, ${name} (${status})`.padEnd(58)} cold ${cold.ms.toFixed(1).padStart(7)} ms` +
      `  warm ${warm.ms.toFixed(1).padStart(6)} ms  plain ${plain.ms.toFixed(1).padStart(6)} ms` +
      `  cold ×${(cold.ms / plain.ms).toFixed(1)}, warm ×${(warm.ms / plain.ms).toFixed(1)} of plain\n`,
  );
}
const plan = generatePlan(300);
reportSpeed(
  'plan: 2,000 trials, 300 items, 8 people, greedy list scheduler',
  3000,
  () => runEnginePlan(plan, 8, 2000),
  () => runBaselinePlan(plan, 8, 2000),
);
reportSpeed(
  'plan: 2,000 trials, 300 items, 8 people, Headway team scheduler (working days, FTE, order)',
  3000,
  () => runTeamSchedulerPlan(plan, 8, 2000),
  () => runBaselinePlan(plan, 8, 2000),
);
