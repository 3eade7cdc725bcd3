/**
 * Sets a plan forecast beside the throughput forecast for the same work, so a reader sees both
 * answers to "when?" and why they still differ (see domain/forecasting/disagreement.ts). The
 * throughput forecast made here is not stored: it is part of the plan forecast's answer.
 */

import { FORECAST_DEFAULTS, type PlanComparison } from '../../contract';
import type { Database } from '../../db/client';
import {
  explainDisagreement,
  forecastCompletionCalibrated,
  type PlanForecast,
} from '../../domain/forecasting';
import { formatIsoDay, readDayNumber } from '../../domain/shared';
import { loadDailyHistory } from './forecasts';
import type { PlanRecord } from './plan-record';

/** Trials of the comparison's throughput forecast: enough for a P85, quick beside the plan. */
const COMPARISON_TRIALS = 2_000;

/**
 * Compares a plan forecast's subject with a throughput forecast for the items the plan finishes
 * by then: the subject's and every other planned item whose median finish is no later than the
 * subject's (the work the team does first or alongside).
 * @param db the database
 * @param options.workspaceId the workspace
 * @param options.start the forecast's first day: throughput reads completions before it only
 * @param options.seed the plan forecast's seed
 * @param options.result the plan simulation (its first milestone is the subject)
 * @param options.subjectItems how many items the subject holds
 * @param options.unestimated how many of them were drawn from the team's sizes
 * @param options.record the team's record the plan used
 */
export async function comparePlanWithThroughput(
  db: Database,
  options: {
    workspaceId: string;
    start: string;
    seed: number;
    result: PlanForecast;
    subjectItems: number;
    unestimated: number;
    record: PlanRecord;
  },
): Promise<PlanComparison> {
  const { start, seed, result, subjectItems, unestimated, record } = options;
  const subject = result.milestones[0]!;
  const medianOf = (f: { percentiles: { level: number; finish: number | null }[] }) =>
    f.percentiles.find((p) => p.level === 50)?.finish ?? null;
  const subjectMedian = medianOf(subject);
  const items =
    subjectMedian === null
      ? subjectItems
      : Math.max(subjectItems, result.items.filter((f) => (medianOf(f) ?? Infinity) <= subjectMedian).length);
  const startDay = readDayNumber(start);
  const { history } = await loadDailyHistory(db, options.workspaceId, { to: formatIsoDay(startDay - 1) });
  const throughput = forecastCompletionCalibrated({
    history,
    start,
    trials: COMPARISON_TRIALS,
    seed,
    window: { endBefore: start, days: FORECAST_DEFAULTS.windowDays },
    calibration: {},
    items,
  });
  if (throughput.status !== 'ok') return { status: 'unavailable', reason: throughput.reason };
  const p85 = (list: readonly { level: number; date: string | null }[]) =>
    list.find((p) => p.level === 85)?.date ?? null;
  const planP85 = p85(subject.percentiles);
  const throughputP85 = p85(throughput.percentiles);
  const days = (date: string | null) => (date === null ? null : readDayNumber(date) - startDay);
  const explained = explainDisagreement({
    planP85Days: days(planP85),
    throughputP85Days: days(throughputP85),
    focus: { value: record.focus.value, learned: record.focus.status === 'learned' },
    unestimated,
    subjectItems,
    comparedItems: items,
  });
  return {
    status: 'compared',
    items,
    planP85,
    throughputP85,
    calibrationLabel: throughput.calibration.label,
    ...explained,
  };
}
