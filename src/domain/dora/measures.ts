/**
 * The four DORA measures of a period, from deployment and incident events: deployment
 * frequency, lead time for changes, change failure rate and time to restore, each with the
 * survey band it falls in and the tiers of every seeded report year.
 *
 * Durations are skewed (a few changes wait weeks), so lead time and time to restore are given
 * as the median and the 85th percentile, never as a mean with a standard deviation.
 */
import { bandDeployFrequency, bandDuration, computeDoraByYear, type DoraYearResult } from '../assessment';
import { computeQuantile, MS_PER_DAY, toDayNumber } from '../shared';

/** A deployment as its pipeline reported it. Times are epoch milliseconds. */
export interface Deployment {
  /** The sender's key for the event; an incident names the deployment that caused it by this key. */
  key: string;
  environment: string;
  deployedAt: number;
  /** When each change it shipped was committed. */
  commitTimes: readonly number[];
  /** False when the deployment itself failed (it never reached users or was rolled back at once). */
  succeeded: boolean;
}

/** An incident in production. Times are epoch milliseconds. */
export interface Incident {
  key: string;
  openedAt: number;
  /** Null while service is not restored. */
  resolvedAt: number | null;
  /** The key of the deployment that caused it, when known. */
  causedBy: string | null;
}

/** The events and the period (ISO days, both included) to measure. */
export interface DoraInput {
  deployments: readonly Deployment[];
  incidents: readonly Incident[];
  from: string;
  to: string;
  /** Only deployments to this environment count (incidents are always production's). */
  environment: string;
}

/** Two percentiles of durations in hours, or nulls when nothing was measured. */
export interface DurationSummary {
  count: number;
  medianHours: number | null;
  p85Hours: number | null;
  /** The survey band of the median ('under-1-day', …), as the assessment asks it. */
  band: string | null;
}

export interface DoraMeasures {
  from: string;
  to: string;
  environment: string;
  days: number;
  /** Successful deployments of the period, per day and per week, and their survey band. */
  deploymentFrequency: { deployments: number; perDay: number; perWeek: number; band: string | null };
  /** From each change's commit to the successful deployment that shipped it. */
  leadTime: DurationSummary;
  /** Deployments of the period (failed ones included) that failed or caused an incident. */
  changeFailure: { deployments: number; failed: number; rate: number | null };
  /** From an incident's opening to its resolution, over incidents resolved in the period. */
  timeToRestore: DurationSummary & { open: number };
  /** The tiers of every seeded report year, newest first; never a blend of years. */
  tiers: DoraYearResult[];
}

const MS_PER_HOUR = 3_600_000;

/** Median, P85 and the band of durations in hours (clamped at zero: a clock skew is not negative time). */
function summarize(hours: number[]): DurationSummary {
  if (hours.length === 0) return { count: 0, medianHours: null, p85Hours: null, band: null };
  const sorted = hours.map((h) => Math.max(0, h)).sort((a, b) => a - b);
  const median = computeQuantile(sorted, 0.5);
  return {
    count: sorted.length,
    medianHours: median,
    p85Hours: computeQuantile(sorted, 0.85),
    band: bandDuration(median),
  };
}

/**
 * Measures deployment frequency, lead time for changes, change failure rate and time to
 * restore over a period, and tiers them by each report year's DORA table.
 *
 * Frequency and lead time count successful deployments only; the failure rate counts every
 * deployment, and a deployment fails when it reported failure or an incident names it as its
 * cause (whenever that incident was opened). Time to restore reads the incidents resolved in
 * the period; those still open at its end are counted apart.
 * @param input the events (any period: the engine keeps what falls in `from`..`to`) and the environment
 * @returns the four measures, with null figures where the period holds no event to measure
 */
export function computeDoraMeasures(input: DoraInput): DoraMeasures {
  const start = toDayNumber(input.from) * MS_PER_DAY;
  const end = (toDayNumber(input.to) + 1) * MS_PER_DAY;
  const days = (end - start) / MS_PER_DAY;
  const inPeriod = (time: number) => time >= start && time < end;

  const deployments = input.deployments.filter(
    (d) => d.environment === input.environment && inPeriod(d.deployedAt),
  );
  const succeeded = deployments.filter((d) => d.succeeded);
  const perDay = succeeded.length / days;
  const perWeek = perDay * 7;

  const leadHours = succeeded.flatMap((d) => d.commitTimes.map((c) => (d.deployedAt - c) / MS_PER_HOUR));

  const causes = new Set(input.incidents.flatMap((i) => (i.causedBy === null ? [] : [i.causedBy])));
  const failed = deployments.filter((d) => !d.succeeded || causes.has(d.key)).length;

  const restoredHours = input.incidents
    .filter((i) => i.resolvedAt !== null && inPeriod(i.resolvedAt))
    .map((i) => ((i.resolvedAt as number) - i.openedAt) / MS_PER_HOUR);
  const open = input.incidents.filter(
    (i) => i.openedAt < end && (i.resolvedAt === null || i.resolvedAt >= end),
  ).length;

  const measures: Omit<DoraMeasures, 'tiers'> = {
    from: input.from,
    to: input.to,
    environment: input.environment,
    days,
    deploymentFrequency: {
      deployments: succeeded.length,
      perDay,
      perWeek,
      band: succeeded.length === 0 ? null : bandDeployFrequency(perWeek),
    },
    leadTime: summarize(leadHours),
    changeFailure: {
      deployments: deployments.length,
      failed,
      rate: deployments.length === 0 ? null : failed / deployments.length,
    },
    timeToRestore: { ...summarize(restoredHours), open },
  };
  return { ...measures, tiers: tierMeasures(measures) };
}

/**
 * The tiers of measured figures in every report year, through the assessment's own DORA tables
 * (the measures become the answers a person would have given).
 * @param measures the measured figures; a figure not measured leaves its tier unknown
 */
export function tierMeasures(measures: Omit<DoraMeasures, 'tiers'>): DoraYearResult[] {
  const answers: Record<string, string | number> = {};
  if (measures.deploymentFrequency.band) answers['deploy-frequency'] = measures.deploymentFrequency.band;
  if (measures.leadTime.band) answers['lead-time'] = measures.leadTime.band;
  if (measures.changeFailure.rate !== null) answers['change-fail-rate'] = measures.changeFailure.rate * 100;
  if (measures.timeToRestore.band) answers['recovery-time'] = measures.timeToRestore.band;
  return computeDoraByYear(answers);
}
