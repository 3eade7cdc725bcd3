/** Forecast accountability: stored forecasts scored against what really happened. */

import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { FORECAST_FAMILIES, StoredForecastDocumentsSchema, type TrackRecord } from '../../contract';
import type { Database } from '../../db/client';
import { forecasts, items } from '../../db/schema';
import {
  type DailyThroughput,
  type ForecastScore,
  measureCoverageTrend,
  type StoredPercentile,
  scoreForecast,
  summarizeCalibration,
} from '../../domain/forecasting';
import { formatIsoDay, readDayNumber, toDayNumberOf } from '../../domain/shared';
import { loadDailyHistory } from './forecasts';

type ForecastRow = typeof forecasts.$inferSelect;

/** The scored forecasts whose calibration "recent" speaks of. */
export const RECENT_FORECASTS = 10;

/** The family a stored forecast's kind belongs to. */
function familyOf(kind: ForecastRow['kind']): (typeof FORECAST_FAMILIES)[number] {
  return kind === 'plan' ? 'plan' : 'throughput';
}

/** True when the row's JSON documents match the schemas this version reads them with. */
function isReadable(row: ForecastRow): boolean {
  return StoredForecastDocumentsSchema.safeParse({
    subject: row.subject,
    inputs: row.inputs,
    percentiles: row.percentiles,
    distribution: row.distribution,
    outcome: row.outcome,
  }).success;
}
type Outcome = { date: string | null; dayOffset: number | null; count: number | null; void?: boolean };

/** What happened to a forecast's work, or null while it has not finished. */
function findOutcome(
  row: ForecastRow,
  context: {
    history: DailyThroughput;
    today: number;
    done: Map<string, { state: string; completedAt: Date | null }>;
  },
): Outcome | null {
  const startDay = readDayNumber(row.startDate);
  const firstDay = readDayNumber(context.history.firstDate);
  const countOn = (day: number) => context.history.counts[day - firstDay] ?? 0;
  if (row.kind === 'throughput_when') {
    const target = Number(row.subject.items);
    let done = 0;
    for (let day = startDay; day <= context.today; day++) {
      done += countOn(day);
      if (done >= target) return { date: formatIsoDay(day), dayOffset: day - startDay, count: null };
    }
    return null;
  }
  if (row.kind === 'throughput_count') {
    const byDay = readDayNumber(String(row.subject.by));
    // The count is known once the whole day has passed.
    if (byDay >= context.today) return null;
    let count = 0;
    for (let day = startDay; day <= byDay; day++) count += countOn(day);
    return { date: formatIsoDay(byDay), dayOffset: byDay - startDay, count };
  }
  const ids = (row.subject.itemIds as string[] | undefined) ?? [];
  let last: number | null = null;
  for (const id of ids) {
    const it = context.done.get(id);
    if (!it || (it.state !== 'done' && it.state !== 'cancelled')) return null;
    if (it.state === 'done' && it.completedAt) {
      const day = toDayNumberOf(it.completedAt);
      last = last === null ? day : Math.max(last, day);
    }
  }
  if (last === null) return { date: null, dayOffset: null, count: null, void: true };
  return { date: formatIsoDay(last), dayOffset: last - startDay, count: null };
}

/** Scores a stored forecast against its outcome; counts are negated so "reached at least" reads as "at or below". */
function scoreRow(row: ForecastRow, outcome: Outcome): ForecastScore {
  const stored = row.percentiles as Array<{ level: number; dayOffset?: number | null; count?: number }>;
  if (row.kind === 'throughput_count') {
    return scoreForecast({
      percentiles: stored.map((p) => ({ level: p.level, value: -(p.count ?? 0) })),
      actual: -(outcome.count ?? 0),
    });
  }
  const percentiles: StoredPercentile[] = stored.map((p) => ({ level: p.level, value: p.dayOffset ?? null }));
  const distribution = row.distribution as { histogram?: number[]; total?: number } | null;
  return scoreForecast({
    percentiles,
    actual: outcome.dayOffset ?? 0,
    ...(distribution?.histogram && distribution.total
      ? { distribution: { histogram: distribution.histogram, total: distribution.total } }
      : {}),
  });
}

/**
 * Records the outcome of every stored forecast of the workspace whose work has finished since it
 * was last looked at, so it can be scored. Safe to run twice, or on two servers at once: a
 * forecast's outcome is written only while it has none.
 * @param db the database
 * @param workspaceId the workspace
 * @param now the current time
 * @returns how many forecasts got their outcome now
 */
export async function recordForecastOutcomes(
  db: Database,
  workspaceId: string,
  now = new Date(),
): Promise<number> {
  const today = toDayNumberOf(now);
  // A forecast stored by an older version (or an import that trusted its file) in a shape this
  // version cannot read is left out, rather than failing the whole track record.
  const pendingRows = (
    await db
      .select()
      .from(forecasts)
      .where(and(eq(forecasts.workspaceId, workspaceId), isNull(forecasts.scoredAt)))
  ).filter(isReadable);
  let recorded = 0;
  if (pendingRows.length > 0) {
    const { history } = await loadDailyHistory(db, workspaceId, { to: formatIsoDay(today) });
    const itemIds = [
      ...new Set(
        pendingRows.flatMap((r) => (r.kind === 'plan' ? ((r.subject.itemIds as string[]) ?? []) : [])),
      ),
    ];
    const states =
      itemIds.length === 0
        ? []
        : await db
            .select({ id: items.id, state: items.state, completedAt: items.completedAt })
            .from(items)
            .where(and(eq(items.workspaceId, workspaceId), inArray(items.id, itemIds)));
    const done = new Map(states.map((s) => [s.id, s]));
    for (const row of pendingRows) {
      const outcome = findOutcome(row, { history, today, done });
      if (!outcome) continue;
      const updated = await db
        .update(forecasts)
        .set({ outcome, scoredAt: now })
        .where(and(eq(forecasts.id, row.id), isNull(forecasts.scoredAt)))
        .returning({ id: forecasts.id });
      recorded += updated.length;
    }
  }
  return recorded;
}

/**
 * The workspace's forecast track record: stored forecasts whose work has finished, each scored
 * against what really happened (at or below P85? where did it land?), and the calibration over
 * all of them. Forecasts whose work finished since the last read get their outcome recorded now.
 * @param db the database
 * @param workspaceId the workspace
 * @param now the current time
 * @returns the scored forecasts, the number still pending, and the calibration table
 */
export async function getTrackRecord(
  db: Database,
  workspaceId: string,
  now = new Date(),
): Promise<TrackRecord> {
  await recordForecastOutcomes(db, workspaceId, now);
  const rows = (
    await db
      .select()
      .from(forecasts)
      .where(eq(forecasts.workspaceId, workspaceId))
      .orderBy(asc(forecasts.madeAt))
  ).filter(isReadable);
  const scored: TrackRecord['forecasts'] = [];
  let pending = 0;
  const pendingOf = new Map<string, number>();
  for (const row of rows) {
    const outcome = row.outcome as Outcome | null;
    if (!row.scoredAt || !outcome) {
      pending++;
      pendingOf.set(familyOf(row.kind), (pendingOf.get(familyOf(row.kind)) ?? 0) + 1);
      continue;
    }
    if (outcome.void) continue;
    scored.push({
      id: row.id,
      kind: row.kind,
      method: row.method,
      subject: row.subject,
      startDate: row.startDate,
      madeAt: row.madeAt.toISOString(),
      percentiles: row.percentiles as TrackRecord['forecasts'][number]['percentiles'],
      outcome: { date: outcome.date, dayOffset: outcome.dayOffset, count: outcome.count },
      score: scoreRow(row, outcome),
      scoredAt: row.scoredAt.toISOString(),
    });
  }
  // Oldest first (made, then started), so "recent" means the latest forecasts made.
  const byKind = FORECAST_FAMILIES.map((family) => {
    const scores = scored.filter((f) => familyOf(f.kind) === family).map((f) => f.score);
    const trend = measureCoverageTrend(scores, { level: 85, recent: RECENT_FORECASTS });
    return {
      family,
      pending: pendingOf.get(family) ?? 0,
      calibration: summarizeCalibration(scores),
      trend: { ...trend, recentCount: RECENT_FORECASTS },
    };
  });
  return {
    forecasts: scored,
    pending,
    calibration: summarizeCalibration(scored.map((f) => f.score)),
    byKind,
  };
}
