/**
 * Loads what a plan forecast learns from the team's record (see domain/forecasting/team-record):
 * the actual/estimate ratios of completed items and the effort delivered in the recent window,
 * and turns them into each planned item's ratios and the focus factor, with a sentence for each.
 */
import { and, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { items } from '../../db/schema';
import { referenceValue } from '../../domain/estimation';
import {
  buildRatioLookup,
  type CensoredValue,
  describePlanTrackRecord,
  type EffortRecord,
  type FocusFactor,
  learnFocusFactor,
  learnSizeDistribution,
  medianRatioBefore,
  type SizeDistribution,
} from '../../domain/forecasting';
import { addDays } from '../../domain/shared';
import { loadEstimateHistory } from './calibration';
import { getTrackRecord } from './forecast-track-record';

/** The window the focus factor is learned over, in calendar days before the start. */
const FOCUS_WINDOW_DAYS = 90;

export interface PlanRecord {
  /** actual/likely ratios per planned item that has enough comparable history. */
  ratiosOf: Map<string, Float64Array>;
  focus: FocusFactor;
  /** How many planned items draw their effort from the record, and from which groups. */
  efforts: { fromRecord: number; fromEstimate: number; note: string };
}

/**
 * Learns the effort ratios and focus factor from work completed before `start`.
 * @param db the database
 * @param options.workspaceId the workspace
 * @param options.start the forecast's first day
 * @param options.planned the planned items (id and type) the ratios are for
 * @param options.totalFte the FTE of the people the plan places work on
 */
export async function loadPlanRecord(
  db: Database,
  options: {
    workspaceId: string;
    start: string;
    planned: readonly { id: string; type: string }[];
    totalFte: number;
  },
): Promise<PlanRecord> {
  const { workspaceId, start, planned, totalFte } = options;
  const { records } = await loadEstimateHistory(db, workspaceId);
  const effortRecords: EffortRecord[] = records.map((r) => ({
    estimator: r.estimator === 'unknown' ? null : r.estimator,
    itemType: r.itemType,
    likely: referenceValue(r.estimate, 'likely'),
    actual: r.actual,
    completedOn: r.completedOn,
  }));
  const lookup = buildRatioLookup(effortRecords, start);
  const ids = planned.map((p) => p.id);
  const estimators = ids.length
    ? await db
        .select({ id: items.id, estimatedBy: items.estimatedBy })
        .from(items)
        .where(and(eq(items.workspaceId, workspaceId), inArray(items.id, ids)))
    : [];
  const estimatorOf = new Map(estimators.map((e) => [e.id, e.estimatedBy]));
  const ratiosOf = new Map<string, Float64Array>();
  const groups = new Map<string, number>();
  for (const p of planned) {
    const found = lookup(estimatorOf.get(p.id) ?? null, p.type);
    if (!found) continue;
    ratiosOf.set(p.id, found.ratios);
    groups.set(found.group, (groups.get(found.group) ?? 0) + 1);
  }
  const windowStart = new Date(`${addDays(start, -FOCUS_WINDOW_DAYS)}T00:00:00Z`);
  const windowEnd = new Date(`${start}T00:00:00Z`);
  const delivered = await db
    .select({ completedAt: items.completedAt, actual: items.actualEffort, likely: items.estimateLikely })
    .from(items)
    .where(
      and(
        eq(items.workspaceId, workspaceId),
        eq(items.state, 'done'),
        gte(items.completedAt, windowStart),
        lt(items.completedAt, windowEnd),
      ),
    );
  const focus = learnFocusFactor({
    delivered: delivered.map((d) => ({
      completedOn: (d.completedAt as Date).toISOString().slice(0, 10),
      actual: d.actual,
      likely: d.likely,
    })),
    totalFte,
    medianRatio: medianRatioBefore(effortRecords, start),
    start,
    windowDays: FOCUS_WINDOW_DAYS,
  });
  const fromRecord = ratiosOf.size;
  const fromEstimate = planned.length - fromRecord;
  const by = [...groups].map(([group, n]) => `${n} by ${group === 'type' ? 'item type' : group}`).join(', ');
  const note =
    fromRecord === 0
      ? `Efforts are drawn from the three-point estimates as stated: fewer than 10 completed items with an estimate and an actual effort, so the team's record cannot correct them yet.`
      : `${fromRecord} of ${planned.length} planned item(s) draw their effort as the likely estimate × the actual/estimate ratio of completed items like them (${by})${fromEstimate > 0 ? `; ${fromEstimate} from their three-point estimate` : ''}.`;
  return { ratiosOf, focus, efforts: { fromRecord, fromEstimate, note } };
}

/**
 * Loads the team's size distribution for unestimated items: the recorded efforts of features,
 * tasks and bugs completed before `start` (see domain/forecasting/size-distribution).
 * @param db the database
 * @param options.workspaceId the workspace
 * @param options.start the forecast's first day
 * @param options.fallback the expected efforts of the estimated open work, used when the record
 *   holds fewer than MIN_SIZES completed items
 */
export async function loadSizeDistribution(
  db: Database,
  options: { workspaceId: string; start: string; fallback: readonly number[] },
): Promise<SizeDistribution> {
  const rows = await db
    .select({ completedAt: items.completedAt, effort: items.actualEffort })
    .from(items)
    .where(
      and(
        eq(items.workspaceId, options.workspaceId),
        eq(items.state, 'done'),
        inArray(items.type, ['feature', 'task', 'bug']),
        isNotNull(items.actualEffort),
        lt(items.completedAt, new Date(`${options.start}T00:00:00Z`)),
      ),
    );
  return learnSizeDistribution({
    completed: rows.map((r) => ({
      completedOn: (r.completedAt as Date).toISOString().slice(0, 10),
      effort: r.effort as number,
    })),
    start: options.start,
    fallback: options.fallback,
  });
}

/**
 * The plan forecasts' track record, read once per forecast: how often the P85 of the scored ones
 * held, in one line as the track record page counts it (forecasts whose work has finished are
 * scored first), and the PITs of those scored before `start`: where each outcome landed in its
 * own simulated distribution, for recalibrating plan forecasts (domain/forecasting/
 * pit-recalibration). Only outcomes known before the start are read.
 * @param db the database
 * @param options.workspaceId the workspace
 * @param options.start the forecast's first day
 */
export async function loadPlanTrackRecord(
  db: Database,
  options: { workspaceId: string; start: string },
): Promise<{ line: string; pits: CensoredValue[] }> {
  const record = await getTrackRecord(db, options.workspaceId);
  const p85 = record.byKind.find((k) => k.family === 'plan')?.calibration.rows.find((r) => r.level === 85);
  const line = describePlanTrackRecord({
    scored: p85?.count ?? 0,
    withinP85: p85 ? Math.round(p85.observed * p85.count) : 0,
  });
  const pits = record.forecasts.flatMap((f) =>
    f.kind === 'plan' &&
    f.score.landedPercentile !== null &&
    f.outcome.date !== null &&
    f.outcome.date < options.start
      ? [{ value: f.score.landedPercentile / 100, censored: false }]
      : [],
  );
  return { line, pits };
}
