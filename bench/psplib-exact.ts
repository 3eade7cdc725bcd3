/**
 * Exact-mode benchmark on PSPLIB j30: runs `headway plan --exact`'s solver on every instance
 * (or a stride sample) and counts how many it proves optimal within the HiGHS time limit, how
 * many it leaves feasible with a gap or at the heuristic's schedule, and checks every answer
 * against the published optima (a proven bound above the optimum, or a makespan below it, is
 * an error). In the same process, the heuristic alone is the baseline: how many of its
 * schedules are proven by the instance's own lower bound.
 *
 *   npm run bench:psplib-exact -- [--data ../shared/data/psplib] [--time-limit-s 10]
 *                                 [--limit N] [--max-schedules 20000]
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkRcpspSchedule, parsePsplib } from '../src/domain/scheduling/index';
import { computeMedian } from '../src/domain/shared';
import {
  EXACT_DEFAULT_MAX_SCHEDULES,
  EXACT_DEFAULT_TIME_LIMIT_SECONDS,
  solveRcpspExactly,
} from '../src/server/solvers/highs-rcpsp';
import { keyOfInstanceFile, parseReferenceTable } from './lib/psplib-format';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/psplib' },
    'time-limit-s': { type: 'string', default: String(EXACT_DEFAULT_TIME_LIMIT_SECONDS) },
    limit: { type: 'string' },
    'max-schedules': { type: 'string', default: String(EXACT_DEFAULT_MAX_SCHEDULES) },
  },
});
const folder = join(values.data, 'j30');
if (!existsSync(folder)) {
  process.stderr.write(`PSPLIB j30 not found at ${folder}: pass the PSPLIB folder with --data DIR.\n`);
  process.exit(2);
}
const timeLimitSeconds = Number(values['time-limit-s']);
const maxSchedules = Number(values['max-schedules']);
const optimum = parseReferenceTable(readFileSync(join(values.data, 'j30opt.sm'), 'utf8'));
const all = readdirSync(folder)
  .map((f) => ({ f, key: keyOfInstanceFile('j30', f) }))
  .filter((x): x is { f: string; key: string } => x.key !== null)
  .sort((a, b) => {
    const [pa, ia] = a.key.split('_').map(Number);
    const [pb, ib] = b.key.split('_').map(Number);
    return pa! - pb! || ia! - ib!;
  });
const limit = values.limit === undefined ? all.length : Math.min(all.length, Number(values.limit));
const chosen = Array.from({ length: limit }, (_, i) => all[Math.floor((i * all.length) / limit)]!);
console.log(
  `PSPLIB j30 exact mode — HiGHS limit ${timeLimitSeconds} s, heuristic ${maxSchedules} schedules, ${chosen.length} of ${all.length} instances, node ${process.version}`,
);
const counts = { optimal: 0, feasible: 0, heuristic: 0 };
let byHeuristicBound = 0;
let atOptimum = 0;
let errors = 0;
let gapSum = 0;
const milpSeconds: number[] = [];
const started = performance.now();
for (const { f, key } of chosen) {
  const parsed = parsePsplib(readFileSync(join(folder, f), 'utf8'));
  if (!parsed.ok) throw new Error(`${f}: ${parsed.errors.join('; ')}`);
  const result = await solveRcpspExactly(parsed.value.instance, { timeLimitSeconds, maxSchedules });
  if (!('starts' in result)) throw new Error(`${f}: ${result.status}`);
  const opt = optimum.get(key)!;
  const wrong =
    checkRcpspSchedule(parsed.value.instance, result.starts).length > 0 ||
    result.makespan < opt ||
    result.lowerBound > opt;
  if (wrong) {
    errors++;
    console.log(`  !! ${f}: makespan ${result.makespan}, bound ${result.lowerBound}, optimum ${opt}`);
  }
  counts[result.status]++;
  if (result.status === 'optimal' && result.milpSeconds === 0) byHeuristicBound++;
  if (result.makespan === opt) atOptimum++;
  gapSum += result.gap;
  if (result.milpSeconds > 0) milpSeconds.push(result.milpSeconds);
}
const wall = (performance.now() - started) / 1000;
milpSeconds.sort((a, b) => a - b);
const pct = (x: number) => `${((100 * x) / chosen.length).toFixed(1)}%`;
console.log(
  `  proven optimal ${counts.optimal}/${chosen.length} (${pct(counts.optimal)}): ${byHeuristicBound} by the heuristic reaching the instance's lower bound, ${counts.optimal - byHeuristicBound} by HiGHS`,
);
console.log(
  `  feasible with a gap ${counts.feasible}, heuristic only ${counts.heuristic}; average gap ${((100 * gapSum) / chosen.length).toFixed(2)}%`,
);
console.log(
  `  at the published optimum (proven or not) ${atOptimum}/${chosen.length}; HiGHS runs ${milpSeconds.length}, median ${(milpSeconds.length === 0 ? 0 : computeMedian(milpSeconds)).toFixed(1)} s; wall ${wall.toFixed(0)} s`,
);
console.log(
  `  baseline (heuristic alone, proof only by the instance's lower bound): ${byHeuristicBound}/${chosen.length} proven; ratio exact/baseline ${(counts.optimal / Math.max(1, byHeuristicBound)).toFixed(2)}`,
);
if (errors > 0) {
  console.log(`  !! ${errors} answers contradict the published optima`);
  process.exitCode = 1;
}
