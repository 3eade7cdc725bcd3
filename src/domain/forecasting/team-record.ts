/**
 * What a plan forecast learns from the team's own record, so its dates stop assuming that
 * estimates are unbiased and that all capacity goes to planned work:
 *
 * - **Effort ratios.** For each open item, the ratios actual / likely estimate of completed
 *   items like it: the same estimator's when there are enough, else the same item type's, else
 *   the whole workspace's. A trial draws the item's effort as its likely estimate times one of
 *   those ratios (the team's reference class replaces the stated range, whose width the record
 *   shows to be unreliable).
 * - **Focus factor.** The share of the team's working capacity that went to planned, completed
 *   items over a recent window: effort delivered ÷ (FTE × weekdays). Interruptions, bugs and
 *   support are what the rest went to; a plan that ignores them is early by 1 ÷ focus.
 *
 * Only work completed before the forecast's start is read: a forecast never sees its future.
 */

import { toDayNumber, weekdayOf } from '../shared/calendar';
import { computeMedian } from '../shared/stats';

/** Completed items with an estimate and the effort they really took, in days. */
export interface EffortRecord {
  estimator: string | null;
  itemType: string;
  likely: number;
  actual: number;
  completedOn: string;
}

/** Enough completed items to stand for a group (the calibration page's median threshold). */
export const MIN_RATIOS = 10;

/** Where an item's effort ratios come from. */
export interface EffortRatios {
  group: 'estimator' | 'type' | 'workspace';
  key: string | null;
  /** actual / likely of each completed item in the group, ascending. */
  ratios: Float64Array;
}

/** Finds the effort ratios for an item by its estimator and type. */
export type RatioLookup = (estimator: string | null, itemType: string) => EffortRatios | null;

/**
 * Builds the lookup of effort ratios from the completed records before `start`.
 * @param records completed items with an estimate and an actual effort
 * @param start the forecast's first day: records completed on or after it are ignored
 * @returns a lookup answering the most specific group with at least MIN_RATIOS items, or null
 */
export function buildRatioLookup(records: readonly EffortRecord[], start: string): RatioLookup {
  const startDay = toDayNumber(start);
  const byEstimator = new Map<string, number[]>();
  const byType = new Map<string, number[]>();
  const all: number[] = [];
  for (const r of records) {
    if (!(r.likely > 0) || !(r.actual > 0) || toDayNumber(r.completedOn) >= startDay) continue;
    const ratio = r.actual / r.likely;
    all.push(ratio);
    if (r.estimator !== null) byEstimator.set(r.estimator, [...(byEstimator.get(r.estimator) ?? []), ratio]);
    byType.set(r.itemType, [...(byType.get(r.itemType) ?? []), ratio]);
  }
  const frozen = (group: EffortRatios['group'], key: string | null, values: number[] | undefined) =>
    values && values.length >= MIN_RATIOS ? { group, key, ratios: Float64Array.from(values).sort() } : null;
  const workspace = frozen('workspace', null, all);
  const cache = new Map<string, EffortRatios | null>();
  return (estimator, itemType) => {
    const cacheKey = `${estimator ?? ''}\u0000${itemType}`;
    if (!cache.has(cacheKey)) {
      cache.set(
        cacheKey,
        (estimator === null ? null : frozen('estimator', estimator, byEstimator.get(estimator))) ??
          frozen('type', itemType, byType.get(itemType)) ??
          workspace,
      );
    }
    return cache.get(cacheKey) ?? null;
  };
}

/** A completed item as the focus factor reads it. */
export interface DeliveredItem {
  completedOn: string;
  /** Effort it took in days, or null when nobody recorded it. */
  actual: number | null;
  /** Its likely estimate, used (times the median ratio) when the actual is missing. */
  likely: number | null;
}

/** How much of the team's capacity went to planned work. */
export type FocusFactor =
  | {
      status: 'learned';
      value: number;
      /** Items and effort delivered in the window, and the capacity they are set against. */
      items: number;
      effortDays: number;
      capacityDays: number;
      windowDays: number;
      note: string;
    }
  | { status: 'assumed'; value: 1; items: number; windowDays: number; note: string };

/** Completed items a window needs before its focus factor is trusted. */
export const MIN_FOCUS_ITEMS = 10;
/** Below this a measured focus says more about missing records than about the team. */
const MIN_FOCUS = 0.1;

const percent = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Learns the focus factor over the `windowDays` before `start`: effort of the items completed
 * in the window ÷ (the team's FTE × weekdays in the window). An item without a recorded effort
 * counts as its likely estimate times the team's median ratio; one with neither is left out and
 * counted. Fewer than MIN_FOCUS_ITEMS items, or no capacity, and the factor is assumed to be 1.
 * A value above 1 (more recorded than the FTE allows) is capped at 1; one below 0.1 is raised
 * to 0.1, and the note says so.
 * @param options.delivered completed items (any dates; only the window's are read)
 * @param options.totalFte the FTE of the people who take planned work today
 * @param options.medianRatio the workspace's median actual/likely ratio, or null
 * @param options.start the forecast's first day (exclusive end of the window)
 * @param options.windowDays the window's length in calendar days (default 90)
 */
export function learnFocusFactor(options: {
  delivered: readonly DeliveredItem[];
  totalFte: number;
  medianRatio: number | null;
  start: string;
  windowDays?: number;
}): FocusFactor {
  const { delivered, totalFte, medianRatio, start, windowDays = 90 } = options;
  const end = toDayNumber(start);
  const first = end - windowDays;
  let items = 0;
  let effortDays = 0;
  let unknown = 0;
  for (const d of delivered) {
    const day = toDayNumber(d.completedOn);
    if (day < first || day >= end) continue;
    const effort = d.actual ?? (d.likely !== null && medianRatio !== null ? d.likely * medianRatio : null);
    if (effort === null || !(effort > 0)) {
      unknown++;
      continue;
    }
    items++;
    effortDays += effort;
  }
  let weekdays = 0;
  for (let day = first; day < end; day++) {
    const w = weekdayOf(day);
    if (w !== 0 && w !== 6) weekdays++;
  }
  const capacityDays = totalFte * weekdays;
  const skipped =
    unknown > 0 ? ` (${unknown} completed item(s) with neither effort nor estimate left out)` : '';
  if (items < MIN_FOCUS_ITEMS || !(capacityDays > 0)) {
    return {
      status: 'assumed',
      value: 1,
      items,
      windowDays,
      note: `Focus factor assumed 1 (all capacity on planned work): ${items} item(s) with a known effort were completed in the last ${windowDays} days, ${MIN_FOCUS_ITEMS} are needed to learn it${skipped}.`,
    };
  }
  const measured = effortDays / capacityDays;
  const value = Math.min(1, Math.max(MIN_FOCUS, measured));
  const bound =
    measured > 1
      ? ' More effort was recorded than the FTE allows, so it is capped at 100 %: check the team’s FTE.'
      : measured < MIN_FOCUS
        ? ` The record shows only ${percent(measured)}, which says more about unrecorded work; ${percent(MIN_FOCUS)} is used.`
        : '';
  return {
    status: 'learned',
    value,
    items,
    effortDays,
    capacityDays,
    windowDays,
    note: `Focus factor ${percent(value)}: in the last ${windowDays} days the team delivered ${effortDays.toFixed(1)} days of planned work out of ${capacityDays.toFixed(1)} days of capacity (${items} items)${skipped}.${bound}`,
  };
}

/**
 * The median of the workspace's ratios before `start`, for items completed without a recorded
 * effort.
 * @returns the median ratio, or null with fewer than MIN_RATIOS records
 */
export function medianRatioBefore(records: readonly EffortRecord[], start: string): number | null {
  const startDay = toDayNumber(start);
  const ratios = records
    .filter((r) => r.likely > 0 && r.actual > 0 && toDayNumber(r.completedOn) < startDay)
    .map((r) => r.actual / r.likely);
  return ratios.length >= MIN_RATIOS ? computeMedian(ratios) : null;
}
