import { createHash } from 'node:crypto';
import { and, asc, eq, getTableColumns, gt, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Item, ItemState, ItemType } from '../../contract';
import type { Database } from '../../db/client';
import { items } from '../../db/schema';
import { AppError, notFound } from '../errors';
import { isUuid } from '../policies/access';
import { type DependencyRow, type PresentedItemRow, presentItem } from '../presenters/item';

/**
 * An item's dependencies as one JSON array, read in the item's own query, so a page of items
 * costs one query however many of them wait for others. Names are qualified by hand: drizzle
 * leaves the columns of a one-table select unqualified, which inside a subquery is ambiguous.
 * Read as text: it is part of the row's tag as the database writes it, and parsed here.
 */
const dependsOnText = sql<string>`coalesce((select json_agg(json_build_object(
    'itemId', d.item_id, 'dependsOnId', d.depends_on_id, 'lagDays', d.lag_days
  ) order by d.created_at, d.depends_on_id)
  from item_dependencies d where d.item_id = "items"."id"), '[]'::json)::text`;

/**
 * What an item's API shape is made of, as a short text: its id, the transaction that wrote its
 * row version (`xmin`: every write to the row makes a new version, including those that bump
 * no version, such as a cascade or an import) and its dependencies. Cheaper than hashing the
 * whole row, and the same on every server sharing the database.
 */
const rowTag = sql<string>`"items"."id"::text || ':' || "items"."xmin"::text || ':' || ${dependsOnText}`;

/** The tag text `rowTag` gives, from the parts read with the row. */
const tagText = (row: { id: string; written: string; dependsOn: string }) =>
  `${row.id}:${row.written}:${row.dependsOn}`;

/**
 * The columns an item's API shape is made of. A list reads no more: the others (the score
 * provenance alone is about half a row) would only be sent, parsed and dropped.
 */
const presentedColumns = (() => {
  const {
    workspaceId,
    scoreProvenance,
    scopeQuestionAt,
    externalSource,
    externalKey,
    externalVersion,
    ...shown
  } = getTableColumns(items);
  return shown satisfies Record<keyof PresentedItemRow, unknown>;
})();

/** An item row as read for the API: its presented columns, its dependencies and its row version. */
const readColumns = {
  ...presentedColumns,
  dependsOn: dependsOnText,
  written: sql<string>`"items"."xmin"::text`,
};

/** The API shape and tag text of a row read with `readColumns`. */
function present(row: PresentedItemRow & { dependsOn: string; written: string }): {
  item: Item;
  tag: string;
} {
  return { item: presentItem(row, JSON.parse(row.dependsOn) as DependencyRow[]), tag: tagText(row) };
}

/**
 * The validator of a list of items: the hash of the rows' tag texts in order. The database
 * computes the same value in `findItemsTag` without sending the rows, so a client's copy can be
 * confirmed cheaply.
 */
function tagOf(rowTags: readonly string[]): string {
  return `W/"${createHash('md5').update(rowTags.join('')).digest('hex')}"`;
}

export interface ItemFilter {
  limit: number;
  cursor?: string | undefined;
  type?: ItemType | undefined;
  state?: ItemState | undefined;
  assigneeId?: string | undefined;
  label?: string | undefined;
  q?: string | undefined;
  parentId?: string | undefined;
}

/** The conditions of a list filter: the workspace, the cursor (last rank seen) and each field given. */
function listConditions(workspaceId: string, filter: ItemFilter): SQL {
  const where: SQL[] = [eq(items.workspaceId, workspaceId)];
  if (filter.cursor) {
    const after = Buffer.from(filter.cursor, 'base64url').toString('utf8');
    if (!after)
      throw new AppError(
        'bad_request',
        'The cursor is not one this server handed out: drop it to start over',
      );
    where.push(gt(items.rank, after));
  }
  if (filter.type) where.push(eq(items.type, filter.type));
  if (filter.state) where.push(eq(items.state, filter.state));
  if (filter.assigneeId) where.push(eq(items.assigneeId, filter.assigneeId));
  if (filter.parentId) where.push(eq(items.parentId, filter.parentId));
  if (filter.label) where.push(sql`${items.labels} @> ${JSON.stringify([filter.label])}::jsonb`);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const byNumber = /^#?(\d{1,9})$/.exec(filter.q.trim());
    const text = or(ilike(items.title, pattern), ilike(items.description, pattern));
    where.push(byNumber ? (or(text, eq(items.number, Number(byNumber[1]))) as SQL) : (text as SQL));
  }
  return and(...where) as SQL;
}

/** A page of items with the validator (weak ETag) of exactly what it holds. */
export interface ItemPage {
  data: Item[];
  nextCursor: string | null;
  etag: string;
}

/**
 * Items in the product order, filtered, one page at a time (cursor = last rank seen), read in
 * one query with their dependencies.
 */
export async function findItems(db: Database, workspaceId: string, filter: ItemFilter): Promise<ItemPage> {
  const rows = await db
    .select(readColumns)
    .from(items)
    .where(listConditions(workspaceId, filter))
    .orderBy(asc(items.rank))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => present(r).item),
    nextCursor:
      rows.length > filter.limit && last ? Buffer.from(last.rank, 'utf8').toString('base64url') : null,
    // The row after the page decides nextCursor, so it is part of what the tag covers.
    etag: tagOf(rows.map(tagText)),
  };
}

/**
 * The validator `findItems` would give the same page now, without reading its rows out of the
 * database: equal to a client's copy's tag exactly when the page is unchanged.
 */
export async function findItemsTag(db: Database, workspaceId: string, filter: ItemFilter): Promise<string> {
  const page = db
    .select({ rank: items.rank, tag: rowTag.as('tag') })
    .from(items)
    .where(listConditions(workspaceId, filter))
    .orderBy(asc(items.rank))
    .limit(filter.limit + 1)
    .as('page');
  const [row] = await db
    .select({ tag: sql<string>`md5(coalesce(string_agg(${page.tag}, '' order by ${page.rank}), ''))` })
    .from(page);
  return `W/"${row?.tag ?? ''}"`;
}

/** One item as the API shows it with its validator, or 404 (also for another workspace's item). */
export async function getItemTagged(
  db: Database,
  workspaceId: string,
  itemId: string,
): Promise<{ item: Item; etag: string }> {
  if (!isUuid(itemId)) throw notFound('Item');
  const [row] = await db
    .select(readColumns)
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.workspaceId, workspaceId)))
    .limit(1);
  if (!row) throw notFound('Item');
  const { item, tag } = present(row);
  return { item, etag: tagOf([tag]) };
}

/** One item as the API shows it, or 404 (also for another workspace's item). */
export async function getItem(db: Database, workspaceId: string, itemId: string): Promise<Item> {
  return (await getItemTagged(db, workspaceId, itemId)).item;
}

/** The validator `getItemTagged` would give the item now, or null when there is no such item. */
export async function findItemTag(db: Database, workspaceId: string, itemId: string): Promise<string | null> {
  if (!isUuid(itemId)) return null;
  const [row] = await db
    .select({ tag: sql<string>`md5(${rowTag})` })
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.workspaceId, workspaceId)));
  return row ? `W/"${row.tag}"` : null;
}
