/**
 * What importing a foreign file into an existing workspace would do, read from the database and
 * written nowhere: which of the file's items are new, which change (and which fields), which are
 * unchanged, and which dependencies are missing. `merge-import-write.ts` writes the result.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, max } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import { type HeadwayExport, ITEM_LEVELS, type ItemState, type ItemType } from '../../contract';
import type { Database } from '../../db/client';
import { itemDependencies, itemStateChanges, items, workspaces } from '../../db/schema';
import type { Decision } from '../../domain/decision-rights';
import {
  findChangedFields,
  type ImportFormat,
  type PlannedHistoryEntry,
  type ReimportField,
  type ReimportValues,
} from '../../domain/import';
import { AppError, notFound } from '../errors';
import type { ItemRow } from '../presenters/item';
import { findCyclePath } from './dependencies';

export type DocumentItem = HeadwayExport['items'][number];

/** An item of the file that the workspace does not hold yet. */
export interface MergeCreate {
  id: string;
  key: string;
  number: number;
  rank: string;
  item: DocumentItem;
  parentId: string | null;
}

/** An item of the file that the workspace holds with other values. */
export interface MergeUpdate {
  key: string;
  row: ItemRow;
  fields: ReimportField[];
  next: ReimportValues;
  /** The item changed in Headway since an import last wrote it: the file's values replace that change. */
  changedHere: boolean;
  /** When the file's state was reached: the file's time when it has one after the last recorded move. */
  movedAt: Date;
}

/** A dependency the file states that the workspace does not have, or why it is not imported. */
export interface MergeDependency {
  itemId: string;
  dependsOnId: string;
}
export interface RefusedDependency {
  item: string;
  dependsOn: string;
  reason: string;
}

/** Everything the import would write. */
export interface MergePlan {
  source: ImportFormat;
  creates: MergeCreate[];
  updates: MergeUpdate[];
  unchanged: number;
  /** State history of the created items, from the file's timestamps. */
  history: { itemId: string; from: ItemState | null; to: ItemState; at: Date }[];
  dependencies: MergeDependency[];
  existingDependencies: number;
  refusedDependencies: RefusedDependency[];
  withheld: WithheldUpdate[];
  nextItemNumber: number;
}

export interface PlanMergeInput {
  workspaceId: string;
  source: ImportFormat;
  /** The file as Headway JSON (see planToHeadway), checked against its schema. */
  document: HeadwayExport;
  /** The file's key of each document item, by position. */
  keys: readonly string[];
  /** The plan's state history, to date a state the file moved an item to. */
  history: readonly PlannedHistoryEntry[];
  now: Date;
  /**
   * Why the importer may not make a decision the file touches (it is someone else's), by decision:
   * dependencies are then not added, and fields of that decision are not updated (`withheld`).
   */
  refusals: Partial<Record<FieldDecision | 'dependencies', string>>;
}

/** The decision each field belongs to, beyond the scope and order an import needs anyway. */
const FIELD_DECISION = {
  title: 'requirements',
  description: 'requirements',
  labels: 'requirements',
  storyPoints: 'estimates',
  estimate: 'estimates',
  targetDate: 'delivery_dates',
} as const satisfies Partial<Record<ReimportField, Decision>>;
export type FieldDecision = (typeof FIELD_DECISION)[keyof typeof FIELD_DECISION];

/** Fields of an item the file changes that the importer may not decide, and who decides them. */
export interface WithheldUpdate {
  key: string;
  number: number;
  fields: ReimportField[];
  reason: string;
}

function valuesOf(row: ItemRow): ReimportValues {
  return {
    title: row.title,
    description: row.description,
    type: row.type,
    state: row.state as ReimportValues['state'],
    labels: row.labels,
    storyPoints: row.storyPoints,
    estimate:
      row.estimateLikely === null
        ? null
        : {
            optimistic: row.estimateOptimistic ?? 0,
            likely: row.estimateLikely,
            pessimistic: row.estimatePessimistic ?? 0,
          },
    parent: row.parentId,
    targetDate: row.targetDate,
  };
}

function valuesFromFile(item: DocumentItem, parent: string | null): ReimportValues {
  return {
    title: item.title,
    description: item.description,
    type: item.type,
    state: item.state,
    labels: item.labels,
    storyPoints: item.storyPoints ?? null,
    estimate: item.estimate
      ? {
          optimistic: item.estimate.optimistic,
          likely: item.estimate.likely,
          pessimistic: item.estimate.pessimistic,
        }
      : null,
    parent,
    targetDate: item.targetDate,
  };
}

/** The latest time the file gives for reaching each (key, state). */
function fileTimes(history: readonly PlannedHistoryEntry[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const h of history) {
    const at = Date.parse(h.at);
    const id = `${h.item}\u0000${h.to}`;
    if (!(at <= (times.get(id) ?? Number.NEGATIVE_INFINITY))) times.set(id, at);
  }
  return times;
}

/** A parent must sit on a strictly higher level, for every item once the file is applied. */
function checkHierarchy(
  shape: ReadonlyMap<string, { type: ItemType; parentId: string | null; name: string }>,
) {
  const problems: string[] = [];
  for (const item of shape.values()) {
    const parent = item.parentId === null ? undefined : shape.get(item.parentId);
    if (parent && ITEM_LEVELS[parent.type] >= ITEM_LEVELS[item.type]) {
      problems.push(`${item.name}: a ${item.type} cannot sit under a ${parent.type} (${parent.name})`);
    }
  }
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      `The file would put items under items of the same or a lower level; nothing was imported. ${problems.slice(0, 10).join('; ')}. The levels are initiative › epic › feature, task or bug: fix the parent or the type in the file or in Headway`,
      { details: { problems } },
    );
  }
}

/**
 * Compares the file with the workspace: matches items by (source, key), numbers and ranks the
 * new ones after the last item, finds the fields that differ and the dependencies to add.
 * @param db the database, or the import's transaction (which has locked the workspace's order)
 * @returns what the import would write
 * @throws AppError validation_failed when the result would break the item hierarchy
 */
export async function planMerge(db: Database, input: PlanMergeInput): Promise<MergePlan> {
  const { document, keys, source } = input;
  const [ws] = await db
    .select({ nextItemNumber: workspaces.nextItemNumber })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId));
  if (!ws) throw notFound('Workspace');
  const rows = await db.select().from(items).where(eq(items.workspaceId, input.workspaceId));
  const byKey = new Map<string, ItemRow>();
  for (const row of rows) {
    if (row.externalSource === source && row.externalKey !== null) byKey.set(row.externalKey, row);
  }
  const keyByNumber = new Map(document.items.map((it, i) => [it.number, keys[i] as string]));
  const keyOf = (n: number) => keyByNumber.get(n) ?? `#${n}`;
  const idOf = new Map<number, string>();
  document.items.forEach((it, i) => {
    idOf.set(it.number, byKey.get(keys[i] as string)?.id ?? randomUUID());
  });
  const parentOf = (it: DocumentItem) => (it.parent === null ? null : (idOf.get(it.parent) ?? null));
  // Ranks are ASCII, so JavaScript's comparison is the database's "C" collation.
  const lastRank = rows.reduce<string | null>((m, r) => (m === null || r.rank > m ? r.rank : m), null);
  const newCount = document.items.filter((_, i) => !byKey.has(keys[i] as string)).length;
  const ranks = generateNKeysBetween(lastRank, null, newCount);
  let nextItemNumber = ws.nextItemNumber;
  const creates: MergeCreate[] = [];
  const changes: Omit<MergeUpdate, 'movedAt'>[] = [];
  const withheld: WithheldUpdate[] = [];
  let unchanged = 0;
  document.items.forEach((it, i) => {
    const key = keys[i] as string;
    const row = byKey.get(key);
    const next = valuesFromFile(it, parentOf(it));
    if (!row) {
      const rank = ranks[creates.length] as string;
      creates.push({
        id: idOf.get(it.number) as string,
        key,
        number: nextItemNumber,
        rank,
        item: it,
        parentId: next.parent,
      });
      nextItemNumber += 1;
      return;
    }
    const changed = findChangedFields(valuesOf(row), next);
    if (changed.length === 0) {
      unchanged += 1;
      return;
    }
    const refusalOf = (f: ReimportField) =>
      f in FIELD_DECISION ? input.refusals[FIELD_DECISION[f as keyof typeof FIELD_DECISION]] : undefined;
    const refused = changed.filter((f) => refusalOf(f) !== undefined);
    if (refused.length > 0) {
      const reason = [...new Set(refused.map(refusalOf))].join(' ');
      withheld.push({ key, number: row.number, fields: refused, reason });
    }
    const fields = changed.filter((f) => refusalOf(f) === undefined);
    if (fields.length === 0) return;
    const changedHere = row.externalVersion !== null && row.version !== row.externalVersion;
    changes.push({ key, row, fields, next, changedHere });
  });

  const shape = new Map(
    rows.map((r) => [r.id, { type: r.type, parentId: r.parentId, name: `#${r.number}` }]),
  );
  for (const u of changes)
    shape.set(u.row.id, { type: u.next.type, parentId: u.next.parent, name: `${u.key} (#${u.row.number})` });
  for (const c of creates)
    shape.set(c.id, { type: c.item.type, parentId: c.parentId, name: `${c.key} (new)` });
  checkHierarchy(shape);

  const updates = await dateStateMoves(db, changes, input);
  const createdIds = new Map(creates.map((c) => [c.item.number, c.id]));
  const history = document.stateHistory.flatMap((h) => {
    const itemId = createdIds.get(h.item);
    return itemId ? [{ itemId, from: h.from, to: h.to, at: new Date(h.at) }] : [];
  });

  const edges = await db
    .select({ itemId: itemDependencies.itemId, dependsOnId: itemDependencies.dependsOnId })
    .from(itemDependencies)
    .where(eq(itemDependencies.workspaceId, input.workspaceId));
  const dependencies: MergeDependency[] = [];
  const refusedDependencies: RefusedDependency[] = [];
  let existingDependencies = 0;
  const names = new Map<string, string>(rows.map((r) => [r.id, r.externalKey ?? `#${r.number}`]));
  for (const c of creates) names.set(c.id, c.key);
  for (const d of document.dependencies) {
    const itemId = idOf.get(d.item) as string;
    const dependsOnId = idOf.get(d.dependsOn) as string;
    if (edges.some((e) => e.itemId === itemId && e.dependsOnId === dependsOnId)) {
      existingDependencies += 1;
      continue;
    }
    if (input.refusals.dependencies !== undefined) {
      refusedDependencies.push({
        item: keyOf(d.item),
        dependsOn: keyOf(d.dependsOn),
        reason: input.refusals.dependencies,
      });
      continue;
    }
    const path = findCyclePath(edges, itemId, dependsOnId);
    if (path) {
      const shown = [itemId, ...path].map((id) => names.get(id) ?? id).join(' → ');
      refusedDependencies.push({
        item: keyOf(d.item),
        dependsOn: keyOf(d.dependsOn),
        reason: `it would close a cycle (${shown}) with the dependencies the workspace has: remove one of those to import it`,
      });
      continue;
    }
    edges.push({ itemId, dependsOnId });
    dependencies.push({ itemId, dependsOnId });
  }
  return {
    source,
    creates,
    updates,
    unchanged,
    history,
    dependencies,
    existingDependencies,
    refusedDependencies,
    withheld,
    nextItemNumber,
  };
}

/**
 * Dates each state the file moves an item to: the file's own time for reaching it when that is
 * after the item's last recorded move and not in the future (so throughput counts the day the
 * work was done in the other tool), else now.
 */
async function dateStateMoves(
  db: Database,
  changes: Omit<MergeUpdate, 'movedAt'>[],
  input: PlanMergeInput,
): Promise<MergeUpdate[]> {
  const moved = changes.filter((c) => c.fields.includes('state')).map((c) => c.row.id);
  const last = new Map<string, number>();
  if (moved.length > 0) {
    const rows = await db
      .select({ itemId: itemStateChanges.itemId, at: max(itemStateChanges.changedAt) })
      .from(itemStateChanges)
      .where(inArray(itemStateChanges.itemId, moved))
      .groupBy(itemStateChanges.itemId);
    for (const r of rows) if (r.at) last.set(r.itemId, new Date(r.at).getTime());
  }
  const times = fileTimes(input.history);
  const now = input.now.getTime();
  return changes.map((c) => {
    const fromFile = times.get(`${c.key}\u0000${c.next.state}`);
    const after = last.get(c.row.id) ?? Number.NEGATIVE_INFINITY;
    const at = fromFile !== undefined && fromFile > after && fromFile <= now ? fromFile : now;
    return { ...c, movedAt: new Date(at) };
  });
}
