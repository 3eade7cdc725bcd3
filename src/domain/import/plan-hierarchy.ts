/**
 * Parents. Headway's levels are initiative › epic › feature, task or bug, and a parent sits on a
 * strictly higher level. A Jira sub-task under a story (two items on the same level) is moved up
 * to the story's own parent when that one is higher; otherwise it keeps no parent. Because every
 * kept link goes strictly up a level, the result cannot contain a cycle.
 */
import type { PlannedItem } from './plan-types';
import type { ImportItemType, ImportProblem } from './types';

const LEVEL: Readonly<Record<ImportItemType, number>> = {
  initiative: 0,
  epic: 1,
  feature: 2,
  task: 2,
  bug: 2,
};

/** A requested parent: the item's key → the key it names, with where it was written. */
export interface ParentRequest {
  parentKey: string;
  row: number | null;
  column: string;
}

/**
 * Sets each item's parentKey from the requested parents, respecting the levels.
 * @param items planned items (parentKey is overwritten)
 * @param requests resolved parent requests by item key
 * @returns problems for every parent that was moved up or dropped
 */
export function resolveParents(
  items: PlannedItem[],
  requests: ReadonlyMap<string, ParentRequest>,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const byKey = new Map(items.map((item) => [item.key, item]));
  for (const item of items) {
    item.parentKey = null;
    const request = requests.get(item.key);
    if (!request) continue;
    const named = byKey.get(request.parentKey);
    if (!named) continue;
    if (named.key === item.key) {
      problems.push({
        row: request.row,
        column: request.column,
        message: `${item.key} names itself as its parent`,
        why: 'it is imported without a parent',
        severity: 'warning',
      });
      continue;
    }
    // Walk up the requested chain to the first item on a higher level, guarding against loops.
    let candidate: PlannedItem | undefined = named;
    const seen = new Set<string>([item.key]);
    while (candidate && LEVEL[candidate.type] >= LEVEL[item.type] && !seen.has(candidate.key)) {
      seen.add(candidate.key);
      const up = requests.get(candidate.key);
      candidate = up ? byKey.get(up.parentKey) : undefined;
    }
    if (candidate && seen.has(candidate.key)) candidate = undefined;
    if (candidate && LEVEL[candidate.type] < LEVEL[item.type]) {
      item.parentKey = candidate.key;
      if (candidate !== named) {
        problems.push({
          row: request.row,
          column: request.column,
          message: `${item.key} (${item.type}) sits under ${named.key} (${named.type}); it is placed under ${candidate.key} (${candidate.type}) instead`,
          why: 'Headway levels are initiative › epic › feature, task or bug, and a parent must be on a higher level',
          severity: 'warning',
        });
      }
    } else {
      problems.push({
        row: request.row,
        column: request.column,
        message: `${item.key} (${item.type}) sits under ${named.key} (${named.type}), which is not on a higher level`,
        why: 'Headway levels are initiative › epic › feature, task or bug; the item is imported without a parent (change the type mapping to keep it)',
        severity: 'warning',
      });
    }
  }
  return problems;
}
