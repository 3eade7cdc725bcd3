import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import type { CalibratedEstimateView, CalibrationProfileView, CalibrationReportView } from '../../contract';
import { CLOSED_ITEM_STATES } from '../../contract';
import type { Database } from '../../db/client';
import { items, users } from '../../db/schema';
import {
  buildCalibrationReport,
  type CalibrationGroup,
  type CalibrationProfile,
  type CompletedEstimate,
  calibrateEstimate,
  type EstimateReference,
  measureCalibrationDrift,
  pickCalibrationProfile,
  type RecordedEstimate,
} from '../../domain/estimation';
import { AppError, notFound } from '../errors';
import { isUuid } from '../policies/access';

/** Estimator key for items whose estimator left or was never recorded. */
const UNKNOWN_ESTIMATOR = 'unknown';

/** Completed items with a three-point estimate and an actual effort, as the engine reads them. */
export async function loadEstimateHistory(
  db: Database,
  workspaceId: string,
): Promise<{ records: CompletedEstimate[]; names: Map<string, string> }> {
  const rows = await db
    .select({
      id: items.id,
      type: items.type,
      optimistic: items.estimateOptimistic,
      likely: items.estimateLikely,
      pessimistic: items.estimatePessimistic,
      actual: items.actualEffort,
      estimatedBy: items.estimatedBy,
      estimatorName: users.name,
      completedAt: items.completedAt,
    })
    .from(items)
    .leftJoin(users, eq(users.id, items.estimatedBy))
    .where(
      and(
        eq(items.workspaceId, workspaceId),
        isNotNull(items.estimateLikely),
        isNotNull(items.actualEffort),
        isNotNull(items.completedAt),
      ),
    );
  const names = new Map<string, string>([[UNKNOWN_ESTIMATOR, 'unknown estimator']]);
  const records = rows.map((row): CompletedEstimate => {
    const estimator = row.estimatedBy ?? UNKNOWN_ESTIMATOR;
    if (row.estimatedBy && row.estimatorName) names.set(row.estimatedBy, row.estimatorName);
    const likely = row.likely as number;
    // Only an estimate with both ends is a range; a likely value alone states a single value.
    const estimate: RecordedEstimate =
      row.optimistic === null || row.pessimistic === null
        ? { kind: 'point', value: likely }
        : { kind: 'three-point', optimistic: row.optimistic, likely, pessimistic: row.pessimistic };
    return {
      itemId: row.id,
      estimate,
      actual: row.actual as number,
      estimator,
      itemType: row.type,
      completedOn: (row.completedAt as Date).toISOString().slice(0, 10),
    };
  });
  return { records, names };
}

function presentGroup(group: CalibrationGroup, names: Map<string, string>) {
  switch (group.kind) {
    case 'all':
      return { kind: 'workspace' as const, key: null, name: 'whole workspace' };
    case 'estimator':
      return { kind: 'estimator' as const, key: group.key, name: names.get(group.key) ?? group.key };
    case 'item-type':
      return { kind: 'type' as const, key: group.key, name: group.key };
  }
}

function presentProfile(profile: CalibrationProfile, names: Map<string, string>): CalibrationProfileView {
  const group = presentGroup(profile.group, names);
  if (!profile.ok) {
    return {
      ok: false,
      group,
      count: profile.count,
      needed: profile.needed,
      skipped: profile.skipped,
      reason: profile.reason,
    };
  }
  const { reference: _reference, ...rest } = profile;
  return { ...rest, group };
}

/**
 * The workspace's estimation calibration from completed items (estimate, actual effort and a
 * completion date): observed quantiles of actual/estimate (median, P80/P90), the log-normal fit
 * beside them with its goodness-of-fit test, hit rates of three-point ranges and how often
 * single-value estimates were met, and drift by quarter. Groups with too little data come back as refusals saying
 * how many items they need.
 * @param options.by `workspace`, `estimator` (who estimated) or `type` (item type)
 * @param options.reference compare the actual with the likely value or the PERT mean
 */
export async function buildCalibration(
  db: Database,
  workspaceId: string,
  options: { by: 'workspace' | 'estimator' | 'type'; reference: EstimateReference },
): Promise<CalibrationReportView> {
  const { records, names } = await loadEstimateHistory(db, workspaceId);
  const report = buildCalibrationReport({ records, reference: options.reference });
  const drift = measureCalibrationDrift({
    records,
    window: { kind: 'quarter' },
    reference: options.reference,
  });
  const groups =
    options.by === 'estimator' ? report.byEstimator : options.by === 'type' ? report.byItemType : [];
  return {
    by: options.by,
    reference: options.reference,
    unit: 'days',
    completedItems: records.length,
    overall: presentProfile(report.overall, names),
    groups: groups
      .map((profile) => presentProfile(profile, names))
      .sort((a, b) => a.group.name.localeCompare(b.group.name)),
    drift: {
      periods: drift.periods.map((period) => ({
        label: period.label,
        from: period.from,
        to: period.to,
        profile: presentProfile(period.profile, names),
      })),
      trend: drift.trend,
    },
  };
}

/**
 * An item's estimate raw and calibrated side by side, with the most specific profile that has
 * enough data: its estimator's, else its type's, else the workspace's.
 * @returns the two ranges, or the refusal saying how many completed items are needed
 */
export async function getCalibratedEstimate(
  db: Database,
  workspaceId: string,
  itemId: string,
): Promise<CalibratedEstimateView> {
  if (!isUuid(itemId)) throw notFound('Item');
  const [item] = await db
    .select()
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.workspaceId, workspaceId)))
    .limit(1);
  if (!item) throw notFound('Item');
  if (item.estimateLikely === null) {
    throw new AppError(
      'bad_request',
      `#${item.number} has no estimate yet: estimate it first, then compare with the calibrated one`,
    );
  }
  const { records, names } = await loadEstimateHistory(db, workspaceId);
  const report = buildCalibrationReport({ records });
  const profile = pickCalibrationProfile({
    report,
    estimator: item.estimatedBy ?? UNKNOWN_ESTIMATOR,
    itemType: item.type,
  });
  const likely = item.estimateLikely;
  const result = calibrateEstimate({
    estimate:
      item.estimateOptimistic === null || item.estimatePessimistic === null
        ? { kind: 'point', value: likely }
        : {
            kind: 'three-point',
            optimistic: item.estimateOptimistic,
            likely,
            pessimistic: item.estimatePessimistic,
          },
    profile,
  });
  return {
    itemId: item.id,
    number: item.number,
    title: item.title,
    estimatedBy: item.estimatedBy,
    unit: 'days',
    result: result.ok
      ? {
          ...result,
          basedOn: { group: presentGroup(result.basedOn.group, names), count: result.basedOn.count },
        }
      : result,
  };
}

/**
 * The likely estimate of each open, estimated item beside its calibrated value, for the items
 * whose profile (estimator's, else type's, else workspace's) has enough data; the others are left out.
 * @param db the database
 * @param workspaceId the workspace
 * @param itemIds the items to calibrate
 * @returns one entry per calibrated item: its estimate, calibrated likely value and what calibrated it
 */
export async function calibrateOpenEstimates(
  db: Database,
  workspaceId: string,
  itemIds: readonly string[],
): Promise<
  {
    itemId: string;
    number: number;
    title: string;
    estimateDays: number;
    calibratedDays: number;
    basedOn: string;
  }[]
> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .select()
    .from(items)
    .where(
      and(
        eq(items.workspaceId, workspaceId),
        inArray(items.id, [...itemIds]),
        isNotNull(items.estimateLikely),
        notInArray(items.state, [...CLOSED_ITEM_STATES]),
      ),
    );
  if (rows.length === 0) return [];
  const { records, names } = await loadEstimateHistory(db, workspaceId);
  const report = buildCalibrationReport({ records });
  return rows.flatMap((item) => {
    const likely = item.estimateLikely as number;
    const profile = pickCalibrationProfile({
      report,
      estimator: item.estimatedBy ?? UNKNOWN_ESTIMATOR,
      itemType: item.type,
    });
    const result = calibrateEstimate({ estimate: { kind: 'point', value: likely }, profile });
    if (!result.ok) return [];
    const group = presentGroup(result.basedOn.group, names);
    const count = result.basedOn.count;
    const basedOn =
      group.kind === 'estimator'
        ? `${group.name}'s ${count} completed items`
        : group.kind === 'type'
          ? `${count} completed items of type ${group.name}`
          : `the workspace's ${count} completed items`;
    return [
      {
        itemId: item.id,
        number: item.number,
        title: item.title,
        estimateDays: likely,
        calibratedDays: result.calibrated.likely,
        basedOn,
      },
    ];
  });
}
