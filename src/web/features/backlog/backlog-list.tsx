import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Item } from '../../api/types';
import type { Gate } from '../workspaces/workspace-context';
import { BacklogRow, type RowActions } from './backlog-row';
import { type BacklogView, describeEdge, type BacklogRow as Row } from './backlog-rows';
import { buildDragAnnouncements } from './drag-announcements';

const ROW_HEIGHT = 44;

interface BacklogListProps {
  rows: Row[];
  view: BacklogView;
  selected: ReadonlySet<string>;
  scoreKey: string;
  memberNames: ReadonlyMap<string, string>;
  order: Gate;
  scoring: Gate;
  actions: Omit<RowActions, 'focus'>;
  onDrop: (activeId: string, overId: string) => void;
  onRefused: (reason: string) => void;
}

/** The virtualized, sortable list: only the rows in view are in the DOM, so 5,000 items scroll smoothly. */
export function BacklogList(props: BacklogListProps) {
  const { rows } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [dragging, setDragging] = useState<Item | null>(null);
  const refocus = useRef(false);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const ids = useMemo(() => rows.map((r) => r.item.id), [rows]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const announcements = useMemo(() => buildDragAnnouncements(() => rowsRef.current), []);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const focusedIndex = focusedId ? ids.indexOf(focusedId) : -1;
  const tabIndex = Math.max(focusedIndex, 0);

  // Keep keyboard focus on the same item when the list changes under it (after a move).
  useEffect(() => {
    if (!refocus.current || focusedIndex < 0) return;
    refocus.current = false;
    virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusedIndex}"]`)?.focus();
    });
  }, [focusedIndex, virtualizer]);

  const focusIndex = (index: number) => {
    const row = rows[index];
    if (!row) return;
    refocus.current = true;
    setFocusedId(row.item.id);
  };

  const actions: RowActions = useMemo(
    () => ({ ...props.actions, focus: (index: number) => setFocusedId(ids[index] ?? null) }),
    [props.actions, ids],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' || target.tagName === 'SELECT') return;
    const index = Math.max(focusedIndex, 0);
    const row = rows[index];
    if (!row) return;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      if (!props.order.allowed) {
        props.onRefused(props.order.reason ?? 'Reordering is not yours to decide');
        return;
      }
      const direction = event.key === 'ArrowUp' ? 'up' : 'down';
      if (describeEdge({ rows, index, direction, view: props.view })) {
        props.actions.explainEdge(index, direction);
        return;
      }
      refocus.current = true;
      props.actions.step(index, direction);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'j') {
      event.preventDefault();
      focusIndex(Math.min(rows.length - 1, index + 1));
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      event.preventDefault();
      focusIndex(Math.max(0, index - 1));
    } else if (event.key === 'x') {
      event.preventDefault();
      props.actions.toggleSelect(row.item.id, event.shiftKey);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusIndex(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusIndex(rows.length - 1);
    }
  };

  const onDragStart = (event: DragStartEvent) => {
    setDragging(rows.find((r) => r.item.id === event.active.id)?.item ?? null);
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    if (event.over) props.onDrop(String(event.active.id), String(event.over.id));
  };

  return (
    <DndContext
      sensors={sensors}
      accessibility={{ announcements }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <div ref={scrollRef} className="backlog-scroll">
          <ul
            className="backlog-inner"
            aria-label={`Backlog in product order, ${rows.length} items`}
            style={{ height: virtualizer.getTotalSize() }}
            onKeyDown={onKeyDown}
          >
            {virtualizer.getVirtualItems().map((v) => {
              const row = rows[v.index];
              if (!row) return null;
              const assignee = row.item.assigneeId
                ? (props.memberNames.get(row.item.assigneeId) ?? null)
                : null;
              return (
                <BacklogRow
                  key={row.item.id}
                  item={row.item}
                  index={v.index}
                  depth={row.depth}
                  top={v.start}
                  height={ROW_HEIGHT}
                  selected={props.selected.has(row.item.id)}
                  focused={v.index === tabIndex}
                  scoreKey={props.scoreKey}
                  assignee={assignee}
                  order={props.order}
                  scoring={props.scoring}
                  edgeUp={describeEdge({ rows, index: v.index, direction: 'up', view: props.view })}
                  edgeDown={describeEdge({ rows, index: v.index, direction: 'down', view: props.view })}
                  actions={actions}
                />
              );
            })}
          </ul>
        </div>
      </SortableContext>
      <DragOverlay>
        {dragging && (
          <div className="drag-overlay">
            <span className="muted">#{dragging.number}</span> {dragging.title}
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
