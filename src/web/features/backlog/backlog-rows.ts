import type { Item, MoveTarget } from '../../api/types';

export type BacklogView = 'flat' | 'grouped';

export interface BacklogRow {
  item: Item;
  /** Nesting level in the grouped view (0 for top-level rows and for every row in the flat view). */
  depth: number;
}

/**
 * The rows to show. Flat: the product order as it is. Grouped: each item under its parent
 * (initiative › epic › work), siblings in product order; items whose parent is not in the list
 * (filtered out, or none) start a group of their own.
 */
export function buildRows(items: readonly Item[], view: BacklogView): BacklogRow[] {
  if (view === 'flat') return items.map((item) => ({ item, depth: 0 }));
  const present = new Set(items.map((it) => it.id));
  const childrenOf = new Map<string, Item[]>();
  const roots: Item[] = [];
  for (const item of items) {
    if (item.parentId && present.has(item.parentId) && item.parentId !== item.id) {
      const list = childrenOf.get(item.parentId) ?? [];
      list.push(item);
      childrenOf.set(item.parentId, list);
    } else {
      roots.push(item);
    }
  }
  const rows: BacklogRow[] = [];
  const seen = new Set<string>();
  const visit = (item: Item, depth: number) => {
    if (seen.has(item.id)) return; // a parent cycle in bad data must not loop forever
    seen.add(item.id);
    rows.push({ item, depth });
    for (const child of childrenOf.get(item.id) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return rows;
}

/** Whether two rows may trade places: any two in the flat view, only siblings when grouped. */
function areSiblings(a: BacklogRow, b: BacklogRow, view: BacklogView): boolean {
  return view === 'flat' || (a.depth === b.depth && a.item.parentId === b.item.parentId);
}

/**
 * The move that puts the row at `index` one place up or down among the rows it may trade places
 * with; null when it is already first or last.
 */
export function findStepMove(options: {
  rows: readonly BacklogRow[];
  index: number;
  direction: 'up' | 'down';
  view: BacklogView;
}): MoveTarget | null {
  const { rows, index, direction, view } = options;
  const row = rows[index];
  if (!row) return null;
  const step = direction === 'up' ? -1 : 1;
  for (let i = index + step; i >= 0 && i < rows.length; i += step) {
    const other = rows[i];
    if (!other) break;
    if (view === 'grouped' && other.depth < row.depth) break; // left the parent's group
    if (areSiblings(row, other, view)) {
      return direction === 'up' ? { beforeId: other.item.id } : { afterId: other.item.id };
    }
  }
  return null;
}

/**
 * The move for dropping the dragged row onto another row: it takes that row's place, so it goes
 * after it when dragged downwards and before it when dragged upwards. Null when the drop changes
 * nothing or is not allowed (a different group in the grouped view).
 */
export function findDropMove(options: {
  rows: readonly BacklogRow[];
  activeId: string;
  overId: string;
  view: BacklogView;
}): MoveTarget | null {
  const { rows, activeId, overId, view } = options;
  if (activeId === overId) return null;
  const from = rows.findIndex((r) => r.item.id === activeId);
  const to = rows.findIndex((r) => r.item.id === overId);
  const a = rows[from];
  const b = rows[to];
  if (!a || !b || !areSiblings(a, b, view)) return null;
  return from < to ? { afterId: overId } : { beforeId: overId };
}

/**
 * Why the row at `index` cannot move one place up or down: it is already first or last (of the
 * backlog, or of its group in the grouped view). Null when it can move.
 */
export function describeEdge(options: {
  rows: readonly BacklogRow[];
  index: number;
  direction: 'up' | 'down';
  view: BacklogView;
}): string | null {
  if (findStepMove(options)) return null;
  const where = options.view === 'flat' ? 'of the backlog' : 'of its group';
  return options.direction === 'up' ? `Already at the top ${where}` : `Already at the bottom ${where}`;
}
