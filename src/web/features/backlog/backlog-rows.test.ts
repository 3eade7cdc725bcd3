import { describe, expect, it } from 'vitest';
import type { Item } from '../../api/types';
import { buildRows, describeEdge, findDropMove, findStepMove } from './backlog-rows';
import { buildDragAnnouncements } from './drag-announcements';

function item(id: string, parentId: string | null = null): Item {
  return { id, parentId, number: 1, title: id } as Item;
}

// Product order: a, b (child of a), c, d (child of a), e (child of c)
const items = [item('a'), item('b', 'a'), item('c'), item('d', 'a'), item('e', 'c')];

describe('buildRows', () => {
  it('should keep the product order when the view is flat', () => {
    expect(buildRows(items, 'flat').map((r) => r.item.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('should nest children under their parent in product order when grouped', () => {
    const rows = buildRows(items, 'grouped');
    expect(rows.map((r) => `${r.item.id}${r.depth}`)).toEqual(['a0', 'b1', 'd1', 'c0', 'e1']);
  });

  it('should treat an item whose parent is filtered out as a top-level row when grouped', () => {
    const rows = buildRows([item('b', 'a'), item('c')], 'grouped');
    expect(rows.map((r) => `${r.item.id}${r.depth}`)).toEqual(['b0', 'c0']);
  });
});

describe('findStepMove', () => {
  const flat = buildRows(items, 'flat');
  const grouped = buildRows(items, 'grouped');

  it('should place the item before its upper neighbour when moving up in the flat view', () => {
    expect(findStepMove({ rows: flat, index: 2, direction: 'up', view: 'flat' })).toEqual({ beforeId: 'b' });
  });

  it('should place the item after its lower neighbour when moving down in the flat view', () => {
    expect(findStepMove({ rows: flat, index: 0, direction: 'down', view: 'flat' })).toEqual({ afterId: 'b' });
  });

  it('should return null when the first row moves up', () => {
    expect(findStepMove({ rows: flat, index: 0, direction: 'up', view: 'flat' })).toBeNull();
  });

  it('should skip the children of a sibling when moving a top-level row down in the grouped view', () => {
    // grouped rows: a, b, d, c, e — a moves below c (skipping its own children is not needed: c is next root)
    expect(findStepMove({ rows: grouped, index: 0, direction: 'down', view: 'grouped' })).toEqual({
      afterId: 'c',
    });
  });

  it('should stop at the edge of the group when a child is last among its siblings', () => {
    // d is the last child of a; the next row c is a root, so d cannot move down
    expect(findStepMove({ rows: grouped, index: 2, direction: 'down', view: 'grouped' })).toBeNull();
  });
});

describe('findDropMove', () => {
  const flat = buildRows(items, 'flat');
  const grouped = buildRows(items, 'grouped');

  it('should go after the target when dragged downwards', () => {
    expect(findDropMove({ rows: flat, activeId: 'a', overId: 'c', view: 'flat' })).toEqual({ afterId: 'c' });
  });

  it('should go before the target when dragged upwards', () => {
    expect(findDropMove({ rows: flat, activeId: 'd', overId: 'b', view: 'flat' })).toEqual({ beforeId: 'b' });
  });

  it('should refuse a drop into another group when grouped', () => {
    expect(findDropMove({ rows: grouped, activeId: 'b', overId: 'e', view: 'grouped' })).toBeNull();
  });
});

describe('describeEdge', () => {
  const flat = buildRows(items, 'flat');
  const grouped = buildRows(items, 'grouped');

  it('should say the first row is at the top and the last at the bottom of the backlog', () => {
    expect(describeEdge({ rows: flat, index: 0, direction: 'up', view: 'flat' })).toBe(
      'Already at the top of the backlog',
    );
    expect(describeEdge({ rows: flat, index: 4, direction: 'down', view: 'flat' })).toBe(
      'Already at the bottom of the backlog',
    );
  });

  it('should return null when the row can move', () => {
    expect(describeEdge({ rows: flat, index: 0, direction: 'down', view: 'flat' })).toBeNull();
    expect(describeEdge({ rows: flat, index: 4, direction: 'up', view: 'flat' })).toBeNull();
  });

  it('should speak of the group when the row is last among its siblings in the grouped view', () => {
    expect(describeEdge({ rows: grouped, index: 2, direction: 'down', view: 'grouped' })).toBe(
      'Already at the bottom of its group',
    );
  });
});

describe('buildDragAnnouncements', () => {
  const rows = buildRows(
    [
      { id: 'u-1', parentId: null, number: 7, title: 'Pricing page' } as Item,
      { id: 'u-2', parentId: null, number: 9, title: 'Sign-up flow' } as Item,
    ],
    'flat',
  );
  const announce = buildDragAnnouncements(() => rows);
  const active = { id: 'u-1' } as never;
  const over = { id: 'u-2' } as never;

  it('should name items by number and title, never by id', () => {
    const said = [
      announce.onDragStart({ active }),
      announce.onDragOver({ active, over }),
      announce.onDragEnd({ active, over }),
      announce.onDragCancel({ active, over: null }),
    ];
    expect(said).toEqual([
      'Picked up #7 “Pricing page”, position 1 of 2.',
      '#7 “Pricing page” is over #9 “Sign-up flow”, position 2 of 2.',
      "Dropped #7 “Pricing page” at #9 “Sign-up flow”'s place, position 2 of 2.",
      'Dragging was cancelled; #7 “Pricing page” stays where it was.',
    ]);
    for (const sentence of said) expect(sentence).not.toMatch(/u-\d/);
  });
});
