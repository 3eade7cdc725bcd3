/**
 * Storing the forecasts people read: a forecast asked for again with nothing changed is the
 * forecast already stored, so reading it writes nothing (no row, no live event, no lock); only a
 * forecast that differs from its subject's latest stored one is stored, for the track record.
 */

import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { forecasts } from '../../db/schema';
import { recordChanges } from '../live/record';

type ForecastInsert = typeof forecasts.$inferInsert;

/** A JSON value written out with its object keys sorted, as a jsonb column gives it back in any order. */
function sortedJson(value: unknown): string {
  return JSON.stringify(JSON.parse(JSON.stringify(value ?? null)), (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * What makes a stored forecast the forecast it is: its question (kind, subject), how it was made
 * (method, inputs, first day) and its answer (percentiles, distribution). Who asked and when is
 * not part of it, nor its outcome.
 */
function fingerprintOf(
  row: Pick<
    ForecastInsert,
    'kind' | 'subject' | 'method' | 'inputs' | 'startDate' | 'percentiles' | 'distribution'
  >,
): string {
  return sortedJson({
    kind: row.kind,
    subject: row.subject,
    method: row.method,
    inputs: row.inputs,
    startDate: row.startDate,
    percentiles: row.percentiles,
    distribution: row.distribution ?? null,
  });
}

/**
 * The stored forecasts of the same subject as `row`: a plan forecast of a milestone is about the
 * milestone (whatever its title, items or target are now); any other, about the same subject
 * document (the same items, the same count, the same day).
 */
function sameSubject(row: ForecastInsert) {
  const milestoneId = row.kind === 'plan' ? row.subject.milestoneId : undefined;
  return and(
    eq(forecasts.workspaceId, row.workspaceId),
    eq(forecasts.kind, row.kind),
    typeof milestoneId === 'string'
      ? sql`${forecasts.subject}->>'milestoneId' = ${milestoneId}`
      : sql`${forecasts.subject} = ${JSON.stringify(row.subject)}::jsonb`,
  );
}

/**
 * The id of the latest stored forecast of `row`'s subject when it is the same forecast as `row`.
 * @returns its id, or null when there is none or the latest differs
 */
async function findSameForecast(db: Database, row: ForecastInsert): Promise<string | null> {
  const [latest] = await db
    .select()
    .from(forecasts)
    .where(sameSubject(row))
    .orderBy(desc(forecasts.madeAt), desc(forecasts.id))
    .limit(1);
  return latest && fingerprintOf(latest) === fingerprintOf(row) ? latest.id : null;
}

/**
 * Stores a forecast someone read, unless the latest stored forecast of its subject is the same
 * forecast (same question, inputs, first day and answer): then that one's id is the answer and
 * nothing is written. A new forecast is stored with the workspace's `forecastMade` event in one
 * transaction; the check is made again under a lock of the workspace's forecasts, so two readers
 * of a changed forecast at once store it once.
 * @param db the database
 * @param row the forecast as it would be stored
 * @returns the id of the stored forecast: the new one, or the same one stored before
 */
export async function storeChangedForecast(db: Database, row: ForecastInsert): Promise<string> {
  const same = await findSameForecast(db, row);
  if (same) return same;
  return db.transaction(async (tx) => {
    const inTx = tx as unknown as Database;
    // The workspace's forecasts' own lock, not its event lock: other writes need not wait for the check.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('forecasts'), hashtext(${row.workspaceId}))`);
    const stored = await findSameForecast(inTx, row);
    if (stored) return stored;
    const [inserted] = await tx.insert(forecasts).values(row).returning({ id: forecasts.id });
    if (!inserted) throw new Error('insert returned no row');
    await recordChanges(inTx, row.workspaceId, [{ kind: 'forecastMade' }]);
    return inserted.id;
  });
}
