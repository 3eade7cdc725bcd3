import type { Item, MoveTarget } from './types';

/**
 * The list with one item moved to the target place; unchanged when the item or the anchor is
 * not in the list (a filtered view may not hold them).
 */
export function placeItem(list: readonly Item[], id: string, target: MoveTarget): Item[] {
  const moving = list.find((it) => it.id === id);
  if (!moving) return [...list];
  const rest = list.filter((it) => it.id !== id);
  let index: number;
  if ('afterId' in target) {
    index = target.afterId === null ? 0 : rest.findIndex((it) => it.id === target.afterId) + 1;
    if (index === 0 && target.afterId !== null) return [...list];
  } else {
    index = target.beforeId === null ? rest.length : rest.findIndex((it) => it.id === target.beforeId);
    if (index === -1) return [...list];
  }
  rest.splice(index, 0, moving);
  return rest;
}
