import { MS_PER_DAY } from '../shared/calendar';
import {
  buildCalibrationProfile,
  type CalibrationProfile,
  type CompletedEstimate,
  type EstimateReference,
  MIN_ITEMS_FOR_MEDIAN,
  referenceValue,
} from './calibration';

/** How to slice history over time. */
export type DriftWindow = { kind: 'quarter' } | { kind: 'rolling'; size: number; stride?: number };

/** The calibration of one slice of time. */
export type DriftPeriod = { label: string; from: string; to: string; profile: CalibrationProfile };

/** Whether estimates are getting better or worse over time. */
export type DriftTrend =
  | { ok: true; factorPerYear: number; message: string }
  | { ok: false; needed: number; have: number; reason: string };

/** Calibration over time. */
export type CalibrationDrift = { periods: DriftPeriod[]; trend: DriftTrend; skipped: string[] };

/**
 * Measures how the actual/estimate ratio changes over time, by calendar quarter or in rolling
 * windows of completed items, plus an overall trend: the least-squares slope of ln(ratio) against
 * the completion date, reported as the factor by which the ratio changes per year.
 * @param options.records completed items
 * @param options.window `{ kind: 'quarter' }` or `{ kind: 'rolling', size, stride? }` (stride defaults to size / 2)
 * @param options.reference which number of a three-point estimate to compare against
 * @returns one profile per period (refusals where a period has too few items) and the trend
 */
export function measureCalibrationDrift(options: {
  records: readonly CompletedEstimate[];
  window: DriftWindow;
  reference?: EstimateReference;
}): CalibrationDrift {
  const reference = options.reference ?? 'likely';
  const skipped: string[] = [];
  const dated = options.records
    .map((record) => ({ record, time: Date.parse(`${record.completedOn}T00:00:00Z`) }))
    .filter(({ record, time }) => {
      if (Number.isNaN(time)) skipped.push(record.itemId);
      return !Number.isNaN(time);
    })
    .sort((a, b) => a.time - b.time);
  const day = (time: number) => new Date(time).toISOString().slice(0, 10);
  const periods: DriftPeriod[] = [];
  if (options.window.kind === 'quarter') {
    const quarters = new Map<string, typeof dated>();
    for (const entry of dated) {
      const date = new Date(entry.time);
      const label = `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
      quarters.set(label, [...(quarters.get(label) ?? []), entry]);
    }
    for (const [label, entries] of quarters) {
      const first = new Date((entries[0] as (typeof dated)[number]).time);
      const startMonth = Math.floor(first.getUTCMonth() / 3) * 3;
      const from = Date.UTC(first.getUTCFullYear(), startMonth, 1);
      const to = Date.UTC(first.getUTCFullYear(), startMonth + 3, 1) - MS_PER_DAY;
      periods.push({ label, from: day(from), to: day(to), profile: profileOf(entries, reference) });
    }
  } else {
    const size = Math.max(1, Math.floor(options.window.size));
    const stride = Math.max(1, Math.floor(options.window.stride ?? size / 2));
    for (let start = 0; start + size <= dated.length; start += stride) {
      const entries = dated.slice(start, start + size);
      const from = day((entries[0] as (typeof dated)[number]).time);
      const to = day((entries[entries.length - 1] as (typeof dated)[number]).time);
      periods.push({
        label: `items ${start + 1}–${start + size}`,
        from,
        to,
        profile: profileOf(entries, reference),
      });
    }
  }
  return { periods, trend: measureTrend(dated, reference), skipped };
}

function profileOf(
  entries: readonly { record: CompletedEstimate }[],
  reference: EstimateReference,
): CalibrationProfile {
  return buildCalibrationProfile({ records: entries.map((entry) => entry.record), reference });
}

function measureTrend(
  dated: readonly { record: CompletedEstimate; time: number }[],
  reference: EstimateReference,
): DriftTrend {
  const points = dated
    .map(({ record, time }) => ({
      years: time / (365.25 * MS_PER_DAY),
      ratio: record.actual / referenceValue(record.estimate, reference),
    }))
    .filter((point) => Number.isFinite(point.ratio) && point.ratio > 0)
    .map((point) => ({ x: point.years, y: Math.log(point.ratio) }));
  if (points.length < MIN_ITEMS_FOR_MEDIAN) {
    return {
      ok: false,
      needed: MIN_ITEMS_FOR_MEDIAN,
      have: points.length,
      reason: `a trend needs at least ${MIN_ITEMS_FOR_MEDIAN} completed items; there are ${points.length}`,
    };
  }
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  let covariance = 0;
  let varianceX = 0;
  for (const point of points) {
    covariance += (point.x - meanX) * (point.y - meanY);
    varianceX += (point.x - meanX) ** 2;
  }
  if (varianceX === 0) {
    return {
      ok: false,
      needed: 2,
      have: 1,
      reason: 'a trend needs completions on at least two different dates',
    };
  }
  const factorPerYear = Math.exp(covariance / varianceX);
  const change = Math.round((factorPerYear - 1) * 100);
  const message =
    change === 0
      ? 'the actual/estimate ratio is stable over time'
      : `the actual/estimate ratio ${change > 0 ? 'grows' : 'shrinks'} by about ${Math.abs(change)}% per year`;
  return { ok: true, factorPerYear, message };
}
