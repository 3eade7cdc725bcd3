/**
 * Plan-forecast benchmark: past plan forecasts scored against the completions that followed, the
 * way the throughput forecasts are scored (coverage of P50/P85/P95, pinball loss), plain and
 * recalibrated through the PIT of the forecasts scored before each one (pit-recalibration.ts).
 *
 *   npm run bench:plan-forecast [-- --now 2026-12-01] [--every 7] [--first 160] [--last 7]
 *
 * The history is the demo company's (src/server/demo): at every `--every` days from `--first`
 * to `--last` days before `--now`, the demo's plan engine forecasts the work then in flight
 * from what was known that day (demo-plan-forecasts.ts). A forecast counts once all its work has
 * finished by `--now`; each recalibrated forecast uses only the outcomes known on its own day
 * (work still running then is a lower bound), and is scored where 10 or more were known.
 */

import { parseArgs } from 'node:util';
import type { HeadwayExport } from '../src/contract';
import { type CensoredValue, PIT_MIN_FORECASTS, recalibrateLevel } from '../src/domain/forecasting/index';
import { computeMedian, readDayNumber } from '../src/domain/shared';
import { buildPastPlanForecasts } from '../src/server/demo/demo-plan-forecasts';
import { buildDemoWorkspace, demoEmail } from '../src/server/demo/demo-workspace';

const { values } = parseArgs({
  options: {
    now: { type: 'string', default: '2026-12-01' },
    every: { type: 'string', default: '7' },
    first: { type: 'string', default: '160' },
    last: { type: 'string', default: '7' },
  },
});
const LEVELS = [50, 70, 85, 95];
const SHOWN = [50, 85, 95];

type Forecast = HeadwayExport['forecasts'][number];
interface Scored {
  startDay: number;
  /** Day offset of the last item's completion; null while some item is still open. */
  outcome: number | null;
  /** Day the outcome became known (the last completion). */
  knownOn: number | null;
  cumulative: number[];
  total: number;
  percentiles: Map<number, number | null>;
}

function prepare(doc: HeadwayExport, forecast: Forecast): Scored | null {
  const startDay = readDayNumber(forecast.startDate);
  const ids = (forecast.subject.itemIds as string[]).map((id) => Number(id.replace('item:#', '')));
  let last: number | null = null;
  for (const number of ids) {
    const item = doc.items.find((it) => it.number === number);
    if (!item?.completedAt) {
      last = null;
      break;
    }
    last = Math.max(last ?? 0, readDayNumber(item.completedAt.slice(0, 10)));
  }
  const distribution = forecast.distribution as { histogram: number[]; total: number } | null;
  if (!distribution) return null;
  const cumulative: number[] = [];
  let running = 0;
  for (const n of distribution.histogram) {
    running += n;
    cumulative.push(running);
  }
  return {
    startDay,
    outcome: last === null ? null : last - startDay,
    knownOn: last,
    cumulative,
    total: distribution.total,
    percentiles: new Map(
      forecast.percentiles.map((p): [number, number | null] => [
        Number(p.level),
        (p.dayOffset as number | null | undefined) ?? null,
      ]),
    ),
  };
}

/** Share of trials done strictly before a day offset: the outcome's PIT. */
function pitOf(f: Scored, dayOffset: number): number {
  if (dayOffset <= 0) return 0;
  return (f.cumulative[Math.min(dayOffset, f.cumulative.length) - 1] ?? 0) / f.total;
}

/** The first day offset by whose end a share of trials is done. */
function readAt(f: Scored, level: number): number | null {
  const needed = Math.max(1, Math.ceil((level / 100) * f.total - 1e-9));
  const found = f.cumulative.findIndex((c) => c >= needed);
  return found < 0 ? null : found;
}

/** PITs of the forecasts made before `day`: known when their work finished before it, else a bound. */
function pitsKnownOn(all: readonly Scored[], day: number): { pits: CensoredValue[]; known: number } {
  const pits: CensoredValue[] = [];
  let known = 0;
  for (const f of all) {
    if (f.startDay >= day) continue;
    if (f.knownOn !== null && f.knownOn < day) {
      pits.push({ value: pitOf(f, f.outcome!), censored: false });
      known++;
    } else pits.push({ value: pitOf(f, day - f.startDay), censored: true });
  }
  return { pits, known };
}

function score(rows: Array<{ actual: number; answers: Map<number, number | null> }>) {
  const hits = new Map(LEVELS.map((l) => [l, 0]));
  let loss = 0;
  const ratios: number[] = [];
  for (const { actual, answers } of rows) {
    for (const level of LEVELS) {
      const q = answers.get(level) ?? Number.POSITIVE_INFINITY;
      if (actual <= q) hits.set(level, hits.get(level)! + 1);
      const u = actual - (Number.isFinite(q) ? q : actual + 365);
      loss += u * (level / 100 - (u < 0 ? 1 : 0));
    }
    const p50 = answers.get(50);
    const p95 = answers.get(95);
    if (p50 != null && p95 != null) ratios.push((p95 + 1) / (p50 + 1));
  }
  const n = rows.length;
  const pct = (level: number) => (n === 0 ? '    -' : ((100 * hits.get(level)!) / n).toFixed(1).padStart(5));
  return `${String(n).padStart(7)} ${SHOWN.map(pct).join(' ')}  ${(ratios.length ? computeMedian(ratios) : Number.NaN).toFixed(2).padStart(7)}  ${(n ? loss / (n * LEVELS.length) : Number.NaN).toFixed(2).padStart(7)}`;
}

const now = new Date(`${values.now}T12:00:00.000Z`);
const doc = buildDemoWorkspace(now);
const forecasts = buildPastPlanForecasts(doc, {
  now,
  madeBy: demoEmail('jonas'),
  firstDaysAgo: Number(values.first),
  lastDaysAgo: Number(values.last),
  everyDays: Number(values.every),
});
const prepared = forecasts.flatMap((f) => {
  const p = prepare(doc, f);
  return p ? [p] : [];
});
const finished = prepared.filter((f) => f.outcome !== null);
const plain: Array<{ actual: number; answers: Map<number, number | null> }> = [];
const plainSame: typeof plain = [];
const recalibrated: typeof plain = [];
for (const f of finished) {
  plain.push({ actual: f.outcome!, answers: f.percentiles });
  const { pits, known } = pitsKnownOn(prepared, f.startDay);
  if (known < PIT_MIN_FORECASTS) continue;
  plainSame.push({ actual: f.outcome!, answers: f.percentiles });
  const answers = new Map(LEVELS.map((level) => [level, readAt(f, recalibrateLevel({ pits, level }))]));
  recalibrated.push({ actual: f.outcome!, answers });
}

process.stdout.write(
  `Plan forecasts of the demo company (now ${values.now}): ${forecasts.length} made every ${values.every} days from ${values.first} to ${values.last} days back, ` +
    `${finished.length} with all their work finished, ${prepared.length - finished.length} still running.\n` +
    `Coverage = share whose level-p date held (all the work done by its end); P95/P50 = median ratio in days from the start (start day = day 1); ` +
    'pinball = mean quantile loss over P50/70/85/95, in days.\n\n' +
    'method                                      forecasts   P50   P85   P95  P95/P50  pinball\n' +
    `${'plain, every finished forecast'.padEnd(44)}${score(plain)}\n` +
    `${`plain, where ${PIT_MIN_FORECASTS}+ past outcomes were known`.padEnd(44)}${score(plainSame)}\n` +
    `${'recalibrated on past PITs (same forecasts)'.padEnd(44)}${score(recalibrated)}\n`,
);
