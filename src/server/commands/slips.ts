/**
 * Slips: committed target dates that moved, each with its reason.
 *
 * The model: a target date is a wish until a roadmap version is published while the item
 * carries it; publishing commits every open item's target date (`items.target_date_committed_at`).
 * From then on, moving that date (later, earlier, or clearing it) is a slip: it needs a reason,
 * and it is stored with the old and the new date, who moved it and when, beside the
 * delivery-dates entry of the decision log. The moved date stays committed; a cleared one does not.
 */

import { and, desc, eq, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { TargetDateSlip } from '../../contract';
import { CLOSED_ITEM_STATES } from '../../contract';
import type { Database } from '../../db/client';
import { items, targetDateSlips, users } from '../../db/schema';
import { MS_PER_DAY } from '../../domain/shared';
import { AppError, notFound } from '../errors';
import { isUuid } from '../policies/access';
import { importedName, label } from '../presenters/item';

/** Calendar days from one YYYY-MM-DD to another (positive = later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** The item as far as a target-date move is concerned. */
export interface DatedItem {
  number: number;
  title: string;
  targetDate: string | null;
  targetDateCommittedAt: Date | null;
}

/**
 * True when setting `next` moves a committed target date: the item's date is committed and the
 * new value differs from it.
 */
export function movesCommittedDate(item: DatedItem, next: string | null | undefined): boolean {
  return (
    next !== undefined &&
    item.targetDateCommittedAt !== null &&
    item.targetDate !== null &&
    next !== item.targetDate
  );
}

/**
 * Refuses a move of a committed target date without a reason, saying what to send (400).
 * @param item the item before the change
 * @param next the target date asked for
 * @param rationale the reason given, if any
 */
export function requireSlipReason(
  item: DatedItem,
  next: string | null | undefined,
  rationale?: string,
): void {
  if (!movesCommittedDate(item, next) || (rationale && rationale.trim().length > 0)) return;
  throw new AppError(
    'validation_failed',
    `rationale: the target date of ${label(item)} (${item.targetDate}) is committed: it was published on the roadmap. Moving it is a slip: say why in "rationale" (e.g. "the payment provider's API changed")`,
    { details: { field: 'rationale', committedDate: item.targetDate } },
  );
}

/** How a slip reads in the decision log. */
export function describeSlip(item: DatedItem, to: string | null): string {
  const from = item.targetDate as string;
  if (to === null) return `Cleared the committed target date of ${label(item)} (was ${from})`;
  const days = daysBetween(from, to);
  const way =
    days > 0 ? `${days} day${days === 1 ? '' : 's'} later` : `${-days} day${days === -1 ? '' : 's'} earlier`;
  return `Moved the committed target date of ${label(item)} from ${from} to ${to} (${way})`;
}

/**
 * Stores a slip inside the caller's transaction.
 * @param db the transaction
 * @param slip what moved, why, who and the decision-log entry that recorded it
 */
export async function recordSlip(
  db: Database,
  slip: {
    workspaceId: string;
    itemId: string;
    fromDate: string;
    toDate: string | null;
    reason: string;
    movedBy: string | null;
    decisionId: number | null;
    movedAt?: Date;
  },
): Promise<void> {
  await db.insert(targetDateSlips).values({
    workspaceId: slip.workspaceId,
    itemId: slip.itemId,
    fromDate: slip.fromDate,
    toDate: slip.toDate,
    reason: slip.reason,
    movedBy: slip.movedBy,
    decisionId: slip.decisionId,
    ...(slip.movedAt ? { movedAt: slip.movedAt } : {}),
  });
}

/**
 * Commits the target date of every open item that carries one and is not committed yet (done when
 * a roadmap version is published).
 * @returns how many target dates were committed
 */
export async function commitTargetDates(
  db: Database,
  workspaceId: string,
  now = new Date(),
): Promise<number> {
  const rows = await db
    .update(items)
    .set({ targetDateCommittedAt: now })
    .where(
      and(
        eq(items.workspaceId, workspaceId),
        isNotNull(items.targetDate),
        isNull(items.targetDateCommittedAt),
        notInArray(items.state, [...CLOSED_ITEM_STATES]),
      ),
    )
    .returning({ id: items.id });
  return rows.length;
}

/**
 * The slips of a workspace, newest first, optionally of one item.
 * @param db the database
 * @param workspaceId the workspace
 * @param options.itemId only this item's slips (404 when not an item of the workspace)
 */
export async function findSlips(
  db: Database,
  workspaceId: string,
  options: { itemId?: string | undefined } = {},
): Promise<TargetDateSlip[]> {
  const where = [eq(targetDateSlips.workspaceId, workspaceId)];
  if (options.itemId) {
    if (!isUuid(options.itemId)) throw notFound('Item');
    const [item] = await db
      .select({ id: items.id })
      .from(items)
      .where(and(eq(items.id, options.itemId), eq(items.workspaceId, workspaceId)));
    if (!item) throw notFound('Item');
    where.push(eq(targetDateSlips.itemId, options.itemId));
  }
  const rows = await db
    .select({
      id: targetDateSlips.id,
      itemId: targetDateSlips.itemId,
      itemNumber: items.number,
      itemTitle: items.title,
      fromDate: targetDateSlips.fromDate,
      toDate: targetDateSlips.toDate,
      reason: targetDateSlips.reason,
      movedBy: targetDateSlips.movedBy,
      movedByName: users.name,
      importedMovedBy: targetDateSlips.importedMovedBy,
      movedAt: targetDateSlips.movedAt,
      decisionId: targetDateSlips.decisionId,
    })
    .from(targetDateSlips)
    .innerJoin(items, eq(items.id, targetDateSlips.itemId))
    .leftJoin(users, eq(users.id, targetDateSlips.movedBy))
    .where(and(...where))
    .orderBy(desc(targetDateSlips.movedAt), sql`${targetDateSlips.id} desc`);
  return rows.map(({ importedMovedBy, ...r }) => ({
    ...r,
    slipDays: r.toDate === null ? null : daysBetween(r.fromDate, r.toDate),
    movedByName: r.movedByName ?? (importedMovedBy ? importedName(importedMovedBy) : 'someone who left'),
    movedAt: r.movedAt.toISOString(),
    decisionId: r.decisionId === null ? null : String(r.decisionId),
  }));
}
