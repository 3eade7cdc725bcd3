import type { Announcements } from '@dnd-kit/core';
import type { BacklogRow } from './backlog-rows';

/**
 * What a screen reader hears while a row is dragged: the item's number and title and where it
 * is over, never the internal ids dnd-kit announces by default.
 * @param rows the rows in view, read when each announcement is made
 */
export function buildDragAnnouncements(rows: () => readonly BacklogRow[]): Announcements {
  const name = (id: string | number) => {
    const at = rows().findIndex((r) => r.item.id === String(id));
    const row = rows()[at];
    return row ? `#${row.item.number} “${row.item.title}”` : 'the item';
  };
  const position = (id: string | number) => {
    const list = rows();
    const at = list.findIndex((r) => r.item.id === String(id));
    return at < 0 ? '' : `, position ${at + 1} of ${list.length}`;
  };
  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}${position(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${name(active.id)} is over ${name(over.id)}${position(over.id)}.`
        : `${name(active.id)} is no longer over a row.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `Dropped ${name(active.id)} at ${name(over.id)}'s place${position(over.id)}.`
        : `Dropped ${name(active.id)}; the order did not change.`,
    onDragCancel: ({ active }) => `Dragging was cancelled; ${name(active.id)} stays where it was.`,
  };
}
