/**
 * The burn-up with a fan of likely futures: completed items so far, and from the start on, the
 * range the team's own throughput makes likely, resampled with the same engine the server uses.
 */

import { buildDailyCounts, type CompletionEvent, forecastCountByDate } from '../../../domain/forecasting';
import { addDays } from '../../../domain/shared';

/** One day of the burn-up: `done` in the past, the fan in the future (cumulative items). */
export interface BurnUpPoint {
  date: string;
  /** Days after the start (negative in the past), so the chart's time axis is to scale. */
  day: number;
  done?: number;
  /** 95% of futures reach at least this (the pessimistic edge). */
  low?: number;
  /** 75% reach at least this. */
  lowMid?: number;
  median?: number;
  /** 25% reach at least this. */
  highMid?: number;
  /** 5% reach at least this (the optimistic edge). */
  high?: number;
  /** recharts draws a band from a [from, to] pair. */
  outer?: [number, number];
  inner?: [number, number];
}

export interface BurnUp {
  status: 'ok';
  points: BurnUpPoint[];
  /** Items done before the start (the base the fan grows from). */
  base: number;
}

const FAN_LEVELS = [95, 75, 50, 25, 5];
/** The server's rule: 10 or more closures, each within 5 minutes of the last, are a clean-up. */
const BULK_RULE = { minItems: 10, withinMinutes: 5 };

/**
 * Builds the burn-up: the last `windowDays` of completions and a fan over `horizonDays`.
 * @param options.completedAt completion times of done features, tasks and bugs (ISO)
 * @param options.start the first forecast day (YYYY-MM-DD); its work belongs to the future
 * @param options.windowDays the history the fan learns from, as the server's forecast does
 * @param options.horizonDays how far the fan reaches
 * @param options.trials futures per fan point (a few thousand is smooth enough)
 * @param options.excludeBulk leave out bulk clean-ups (the server's rule)
 * @returns the points, or the insufficient-history answer of the engine
 */
export function buildBurnUp(options: {
  completedAt: readonly string[];
  start: string;
  windowDays: number;
  horizonDays: number;
  trials?: number;
  /** Leave out bulk clean-ups, as the server does on request. */
  excludeBulk?: boolean;
}): BurnUp | { status: 'insufficient-history' } {
  const { completedAt, start, windowDays, trials = 2000 } = options;
  const horizonDays = Math.max(1, Math.min(options.horizonDays, 730));
  const firstDay = addDays(start, -windowDays);
  const events: CompletionEvent[] = completedAt.map((at, i) => ({
    itemId: String(i),
    at,
    kind: 'completed',
  }));
  const { history } = buildDailyCounts({
    events,
    from: firstDay,
    to: addDays(start, -1),
    ...(options.excludeBulk ? { excludeBulkClosures: BULK_RULE } : {}),
  });
  const points: BurnUpPoint[] = [];
  let done = 0;
  for (let d = 0; d < windowDays; d++) {
    done += history.counts[d] ?? 0;
    points.push({ date: addDays(firstDay, d), day: d - windowDays, done });
  }
  const base = done;
  // The fan starts where the history ends, so the two lines meet.
  const last = points[points.length - 1];
  if (last) Object.assign(last, fanPoint([base, base, base, base, base]));
  // About 24 fan points whatever the horizon: smooth enough, and quick in the browser.
  const step = Math.max(1, Math.round(horizonDays / 24));
  for (let d = step - 1; d < horizonDays + step - 1; d += step) {
    const day = Math.min(d, horizonDays - 1);
    const by = addDays(start, day);
    const forecast = forecastCountByDate({
      history,
      start,
      by,
      trials,
      seed: 1,
      window: { endBefore: start, days: windowDays },
      levels: FAN_LEVELS,
    });
    if (forecast.status !== 'ok') return { status: 'insufficient-history' };
    const counts = FAN_LEVELS.map(
      (level) => base + (forecast.percentiles.find((p) => p.level === level)?.count ?? 0),
    );
    points.push({ date: by, day, ...fanPoint(counts) });
    if (day === horizonDays - 1) break;
  }
  return { status: 'ok', points, base };
}

function fanPoint(counts: number[]): Omit<BurnUpPoint, 'date' | 'day'> {
  const [low = 0, lowMid = 0, median = 0, highMid = 0, high = 0] = counts;
  return { low, lowMid, median, highMid, high, outer: [low, high], inner: [lowMid, highMid] };
}
