/**
 * Delivery forecasts for a workspace: Monte Carlo from its own completion history ("when will N
 * items be done?", "how many by D?") and through the roadmap scheduler (per item and milestone).
 * Every forecast shown is stored with what it was made from (once: read again unchanged, it is
 * the one stored), and scored against what really happened once its work has finished
 * (forecast accountability).
 */

import { and, asc, eq, inArray, or } from 'drizzle-orm';
import {
  type ForecastCalibrationView,
  type ItemType,
  type ThroughputForecastView,
  type ThroughputQuery,
  todayIso,
} from '../../contract';
import type { Database } from '../../db/client';
import { forecasts, itemStateChanges, items } from '../../db/schema';
import {
  buildDailyCounts,
  type CompletionEvent,
  type DailyCountsReport,
  type DailyThroughput,
  type ForecastCalibration,
  forecastCompletionCalibrated,
  forecastCountCalibrated,
  measureCalibratedChance,
} from '../../domain/forecasting';
import { formatIsoDay, MS_PER_DAY, readDayNumber } from '../../domain/shared';
import { recordChanges } from '../live/record';
import type { CommandContext } from './context';
import { storeChangedForecast } from './forecast-store';

const LEAF_TYPES: ItemType[] = ['feature', 'task', 'bug'];
/** A sweep of at least 10 closures, each within 5 minutes of the previous, is a clean-up, not delivery. */
const BULK_RULE = { minItems: 10, withinMinutes: 5 };

/**
 * Completion events of a workspace's features, tasks and bugs: every change into done, and every
 * change out of done (a reopen), from the state history.
 * @param db the database
 * @param workspaceId the workspace
 * @returns events in time order
 */
export async function loadCompletionEvents(db: Database, workspaceId: string): Promise<CompletionEvent[]> {
  const rows = await db
    .select({
      itemId: itemStateChanges.itemId,
      toState: itemStateChanges.toState,
      changedAt: itemStateChanges.changedAt,
    })
    .from(itemStateChanges)
    .innerJoin(items, eq(items.id, itemStateChanges.itemId))
    .where(
      and(
        eq(itemStateChanges.workspaceId, workspaceId),
        inArray(items.type, LEAF_TYPES),
        or(eq(itemStateChanges.toState, 'done'), eq(itemStateChanges.fromState, 'done')),
      ),
    )
    .orderBy(asc(itemStateChanges.changedAt));
  return rows.map((r) => ({
    itemId: r.itemId,
    at: r.changedAt.toISOString(),
    kind: r.toState === 'done' ? 'completed' : 'reopened',
  }));
}

/**
 * Daily completed-item counts of a workspace up to a day, as they stood at the end of that day:
 * an item reopened and closed again counts once, on its last close; optionally without bulk
 * clean-ups. Events after `to` are left out before anything is counted, so a reopen (or a
 * second close) that happened later cannot change the past a forecast learns from.
 * @param db the database
 * @param workspaceId the workspace
 * @param options.to the last day of the history (YYYY-MM-DD)
 * @param options.excludeBulk leave out bulk clean-ups
 * @returns the daily history and what was counted or left out
 */
export async function loadDailyHistory(
  db: Database,
  workspaceId: string,
  options: { to: string; excludeBulk?: boolean },
): Promise<{ history: DailyThroughput; report: DailyCountsReport }> {
  const endMs = (readDayNumber(options.to) + 1) * MS_PER_DAY;
  const events = (await loadCompletionEvents(db, workspaceId)).filter((e) => Date.parse(e.at) < endMs);
  return buildDailyCounts({
    events,
    to: options.to,
    ...(events.length === 0 ? { from: options.to } : {}),
    ...(options.excludeBulk ? { excludeBulkClosures: BULK_RULE } : {}),
  });
}

const levelRecord = <T>(entries: Array<{ level: number; value: T }>) =>
  Object.fromEntries(entries.map((e) => [String(e.level), e.value]));

/** The calibrated chance of being done is listed day by day until it is this close to certain. */
const CHANCE_CEILING = 0.999;
const MAX_CHANCE_DAYS = 3650;

/**
 * The calibration as the API shows it; for "when" forecasts, with the calibrated chance of being
 * done by the end of each day, so that every chart and probability on screen tells the same story
 * as the dates.
 * @param calibration the engine's calibration
 * @param when the finish histogram of a "when" forecast (its length is the least days listed)
 * @returns the view
 */
export function presentCalibration(
  calibration: ForecastCalibration,
  when?: { finishHistogram: readonly number[] },
): ForecastCalibrationView {
  const { status, label, recentItems, pastForecasts, knownOutcomes, runningOutcomes, neededOutcomes } =
    calibration;
  const view: ForecastCalibrationView = {
    status,
    label,
    recentItems,
    pastForecasts,
    knownOutcomes,
    runningOutcomes,
    neededOutcomes,
    pastCoverage: calibration.pastCoverage,
  };
  if (when && measureCalibratedChance(calibration, 0) !== null) {
    const chanceByDay: number[] = [];
    for (let d = 0; d < MAX_CHANCE_DAYS; d++) {
      const chance = measureCalibratedChance(calibration, d)!;
      chanceByDay.push(chance);
      if (chance >= CHANCE_CEILING && d >= when.finishHistogram.length - 1) break;
    }
    view.chanceByDay = chanceByDay;
  }
  return view;
}

/**
 * "When will N items be done?" or "how many by D?" from the workspace's own throughput,
 * calibrated on its own past forecasts unless `calibrate=false`. A forecast is stored unless the
 * latest stored one of the same question is the same forecast; too little history answers with
 * what is needed and stores nothing. The question's rules (one of
 * items or by, by not before the start, ranges and defaults) are ThroughputQuerySchema's.
 * @param ctx the database and the member asking
 * @param query the parsed question: items or by, window, trials, seed, start, excludeBulk, calibrate
 * @returns the forecast, or what history is missing
 */
export async function forecastThroughput(
  ctx: CommandContext,
  query: ThroughputQuery,
): Promise<ThroughputForecastView> {
  const { db, actor } = ctx;
  const start = query.start ?? todayIso();
  const startDay = readDayNumber(start);
  const windowDays = query.window;
  const { trials, seed } = query;
  const excludeBulk = query.excludeBulk === 'true';
  const { history, report } = await loadDailyHistory(db, actor.workspaceId, {
    to: formatIsoDay(startDay - 1),
    excludeBulk,
  });
  const calibrate = query.calibrate !== 'false';
  const common = {
    history,
    start,
    trials,
    seed,
    window: { endBefore: start, days: windowDays },
    calibration: calibrate ? {} : (false as const),
  };
  const basisOf = (basis: { history: ThroughputBasisHistory; notes: string[] }) => ({
    history: basis.history,
    notes: [
      ...basis.notes,
      ...(report.repeatCompletions > 0
        ? [`${report.repeatCompletions} repeat completions of reopened items were counted once.`]
        : []),
      ...(report.bulkExcluded > 0 ? [`${report.bulkExcluded} bulk-closed items were left out.`] : []),
    ],
    countedItems: report.countedItems,
    repeatCompletions: report.repeatCompletions,
    reopenedNotDone: report.reopenedNotDone,
    bulkExcluded: report.bulkExcluded,
  });
  const inputs = { trials, seed, windowDays, excludeBulk, calibrate };
  if (query.items !== undefined) {
    const result = forecastCompletionCalibrated({ ...common, items: query.items });
    if (result.status !== 'ok') return result;
    const calibration = presentCalibration(result.calibration, result);
    const percentiles = result.percentiles.map((p) => ({
      level: p.level,
      date: p.date,
      dayOffset: p.dayOffset,
    }));
    const basis = basisOf(result.basis);
    const forecastId = await storeChangedForecast(db, {
      workspaceId: actor.workspaceId,
      kind: 'throughput_when',
      subject: { items: query.items },
      method: result.method,
      inputs: {
        ...inputs,
        history: basis.history,
        notes: basis.notes,
        calibration: summarizeStored(calibration),
      },
      startDate: start,
      percentiles,
      distribution: { histogram: result.finishHistogram, total: trials },
      madeBy: actor.userId,
    });
    return {
      status: 'ok',
      forecastId,
      kind: 'throughput_when',
      method: result.method,
      items: query.items,
      start,
      trials,
      seed,
      windowDays,
      percentiles,
      dates: levelRecord(result.percentiles.map((p) => ({ level: p.level, value: p.date }))),
      finishHistogram: result.finishHistogram,
      basis,
      calibration,
    };
  }
  const by = query.by!;
  const result = forecastCountCalibrated({ ...common, by });
  if (result.status !== 'ok') return result;
  const calibration = presentCalibration(result.calibration);
  const percentiles = result.percentiles.map((p) => ({ level: p.level, count: p.count }));
  const basis = basisOf(result.basis);
  const forecastId = await storeChangedForecast(db, {
    workspaceId: actor.workspaceId,
    kind: 'throughput_count',
    subject: { by },
    method: result.method,
    inputs: {
      ...inputs,
      history: basis.history,
      notes: basis.notes,
      calibration: summarizeStored(calibration),
    },
    startDate: start,
    percentiles,
    distribution: null,
    madeBy: actor.userId,
  });
  return {
    status: 'ok',
    forecastId,
    kind: 'throughput_count',
    method: result.method,
    by,
    start,
    trials,
    seed,
    windowDays,
    percentiles,
    counts: levelRecord(result.percentiles.map((p) => ({ level: p.level, value: p.count }))),
    basis,
    calibration,
  };
}

/** What a stored forecast keeps of its calibration: where it stood, not the day-by-day chances. */
function summarizeStored(calibration: ForecastCalibrationView) {
  const { status, label, knownOutcomes, runningOutcomes } = calibration;
  return { status, label, knownOutcomes, runningOutcomes };
}

type ThroughputBasisHistory = {
  from: string;
  to: string;
  sampleDays: number;
  items: number;
  activeDays: number;
};

/**
 * Stores a forecast for its track record, whether or not the same one is stored already (a
 * forecast someone reads goes through `storeChangedForecast`), and, in the same transaction,
 * the workspace's `forecastMade` event (the live stream and the webhooks' "forecast" kind). The event names no
 * items: a forecast changes none, so open item lists need not be read again.
 * @returns the stored forecast's id
 */
export async function storeForecast(db: Database, row: typeof forecasts.$inferInsert): Promise<string> {
  return db.transaction(async (tx) => {
    const [stored] = await tx.insert(forecasts).values(row).returning({ id: forecasts.id });
    if (!stored) throw new Error('insert returned no row');
    await recordChanges(tx as unknown as Database, row.workspaceId, [{ kind: 'forecastMade' }]);
    return stored.id;
  });
}
