/**
 * DORA tiers from the assessment answers, for one benchmark year at a time. Tiers of different
 * report years are never averaged: each year is its own table, shown with its source.
 */
import { DORA_BENCHMARKS, type DoraBenchmark } from './dora-benchmarks';
import type { Answers, DoraMetric, DoraTier, DoraYearResult } from './types';

const TIER_RANK: Record<DoraTier, number> = { low: 0, medium: 1, high: 2, elite: 3 };

/**
 * Orders tiers: positive when `a` is better than `b`.
 * @returns a number whose sign says which tier is better
 */
export function compareTiers(a: DoraTier, b: DoraTier): number {
  return TIER_RANK[a] - TIER_RANK[b];
}

function worse(a: DoraTier | undefined, b: DoraTier | undefined): DoraTier | null {
  if (a === undefined || b === undefined) return null;
  return compareTiers(a, b) <= 0 ? a : b;
}

/**
 * Finds the benchmark table of a report year.
 * @returns the table, or undefined when that year is not seeded
 */
export function findDoraBenchmark(year: number): DoraBenchmark | undefined {
  return DORA_BENCHMARKS.find((b) => b.year === year);
}

/**
 * Tier of a change fail rate (percent) in a benchmark year.
 * @returns the tier of the first cut-off the rate stays within, low beyond the last
 */
export function tierChangeFailRate(benchmark: DoraBenchmark, rate: number): DoraTier {
  return benchmark.changeFailRate.find((c) => rate <= c.atMost)?.tier ?? 'low';
}

/**
 * Computes the DORA tiers of one benchmark year from the answers.
 *
 * Throughput is the worse of deploy frequency and lead time, stability the worse of fail rate
 * and time to restore, overall the worse of the two: deliberately conservative, so a weak side
 * is never averaged away.
 * @param answers the assessment answers (deploy-frequency, lead-time, change-fail-rate, recovery-time)
 * @param benchmark the report year's table
 * @returns per-metric tiers (only for answered metrics) and the rolled-up tiers
 */
export function computeDoraTiers(answers: Answers, benchmark: DoraBenchmark): DoraYearResult {
  const metrics: Partial<Record<DoraMetric, DoraTier>> = {};
  const deploy = answers['deploy-frequency'];
  if (typeof deploy === 'string' && benchmark.deployFrequency[deploy]) {
    metrics['deploy-frequency'] = benchmark.deployFrequency[deploy];
  }
  const lead = answers['lead-time'];
  if (typeof lead === 'string' && benchmark.leadTime[lead]) metrics['lead-time'] = benchmark.leadTime[lead];
  const rate = answers['change-fail-rate'];
  if (typeof rate === 'number') metrics['change-fail-rate'] = tierChangeFailRate(benchmark, rate);
  const recovery = answers['recovery-time'];
  if (typeof recovery === 'string' && benchmark.recoveryTime[recovery]) {
    metrics['recovery-time'] = benchmark.recoveryTime[recovery];
  }
  const throughput = worse(metrics['deploy-frequency'], metrics['lead-time']);
  const stability = worse(metrics['change-fail-rate'], metrics['recovery-time']);
  return {
    year: benchmark.year,
    source: benchmark.source,
    metrics,
    throughput,
    stability,
    overall: worse(throughput ?? undefined, stability ?? undefined),
    caveats: [...benchmark.caveats],
  };
}

/**
 * Computes the DORA tiers against every seeded report year, newest first.
 * @returns one result per year; never a blend of years
 */
export function computeDoraByYear(answers: Answers): DoraYearResult[] {
  return [...DORA_BENCHMARKS]
    .sort((a, b) => b.year - a.year)
    .map((benchmark) => computeDoraTiers(answers, benchmark));
}
