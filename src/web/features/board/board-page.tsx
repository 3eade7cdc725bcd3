import {
  DndContext,
  type DragEndEvent,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useItems } from '../../api/item-hooks';
import { useMembers } from '../../api/team-hooks';
import type { Item } from '../../api/types';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ITEM_STATES, STATE_LABELS, TYPE_LABELS } from '../backlog/labels';
import { useSaveItem } from '../item/conflict-provider';
import { useWorkspace } from '../workspaces/workspace-context';

const ItemPanel = lazy(() => import('../item/item-panel').then((m) => ({ default: m.ItemPanel })));

// A column shows its first cards; the count in its header is always the full number.
const CARDS_PER_COLUMN = 100;

/** The board: a column per workflow state, drag a card to change its state. */
export function BoardPage() {
  const { workspace } = useWorkspace();
  const items = useItems(workspace.id, {});
  const members = useMembers(workspace.id);
  const save = useSaveItem();
  const [params, setParams] = useSearchParams();
  const openId = params.get('item');
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const names = useMemo(
    () => new Map((members.data ?? []).map((m) => [m.userId, m.name] as const)),
    [members.data],
  );

  const columns = useMemo(() => {
    const by = new Map<Item['state'], Item[]>(ITEM_STATES.map((s) => [s, []]));
    for (const it of items.data ?? []) {
      if (it.type === 'initiative' || it.type === 'epic') continue; // the board shows work, not containers
      by.get(it.state)?.push(it);
    }
    return by;
  }, [items.data]);

  const open = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('item', id);
        else next.delete('item');
        return next;
      },
      { replace: true },
    );

  const onDragEnd = (event: DragEndEvent) => {
    const item = (items.data ?? []).find((it) => it.id === event.active.id);
    const state = ITEM_STATES.find((s) => s === event.over?.id);
    if (item && state && item.state !== state) void save(item, { state });
  };

  const moveCard = (item: Item, direction: -1 | 1) => {
    const next = ITEM_STATES[ITEM_STATES.indexOf(item.state) + direction];
    if (next) void save(item, { state: next });
  };

  if (items.isPending) return <Loading label="Loading the board" />;
  if (items.isError) return <ErrorState error={items.error} onRetry={() => void items.refetch()} />;
  const total = [...columns.values()].reduce((n, c) => n + c.length, 0);

  return (
    <div className="page page-board">
      <header className="page-header">
        <h1>Board</h1>
        <p className="muted">
          Features, tasks and bugs by state. Drag a card, or use its arrows, to move it.
        </p>
      </header>
      {workspace.role === 'viewer' && (
        <p className="notice" role="note" data-testid="board-refusal">
          Viewers can read but not move work along: ask the founder for another role.
        </p>
      )}
      {total === 0 ? (
        <Empty title="No work on the board yet">
          <p className="muted">Add features, tasks or bugs in the backlog and they appear here.</p>
        </Empty>
      ) : (
        <DndContext sensors={sensors} onDragEnd={onDragEnd}>
          <div className="board">
            {ITEM_STATES.map((state) => (
              <Column
                key={state}
                state={state}
                items={columns.get(state) ?? []}
                names={names}
                onOpen={open}
                onMove={moveCard}
              />
            ))}
          </div>
        </DndContext>
      )}
      {openId && (
        <Suspense fallback={null}>
          <ItemPanel itemId={openId} onClose={() => open(null)} onOpen={open} />
        </Suspense>
      )}
    </div>
  );
}

interface ColumnProps {
  state: Item['state'];
  items: Item[];
  names: ReadonlyMap<string, string>;
  onOpen: (id: string) => void;
  onMove: (item: Item, direction: -1 | 1) => void;
}

function Column({ state, items, names, onOpen, onMove }: ColumnProps) {
  const drop = useDroppable({ id: state });
  const headingId = `column-${state}`;
  return (
    <section
      ref={drop.setNodeRef}
      className={`board-column${drop.isOver ? ' is-over' : ''}`}
      aria-labelledby={headingId}
      data-testid={`column-${state}`}
    >
      <h2 id={headingId} className="board-column-head">
        <span>{STATE_LABELS[state]}</span>
        <span className="badge badge-muted">
          {items.length}
          <span className="sr-only"> items</span>
        </span>
      </h2>
      <ul className="board-cards">
        {items.slice(0, CARDS_PER_COLUMN).map((item) => (
          <Card
            key={item.id}
            item={item}
            assignee={item.assigneeId ? names.get(item.assigneeId) : undefined}
            onOpen={onOpen}
            onMove={onMove}
          />
        ))}
      </ul>
      {items.length > CARDS_PER_COLUMN && (
        <p className="muted small">
          and {items.length - CARDS_PER_COLUMN} more (filter the backlog to see them)
        </p>
      )}
    </section>
  );
}

function Card(props: {
  item: Item;
  assignee: string | undefined;
  onOpen: (id: string) => void;
  onMove: ColumnProps['onMove'];
}) {
  const { item } = props;
  const drag = useDraggable({ id: item.id });
  const style = drag.transform
    ? { transform: `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)` }
    : undefined;
  const index = ITEM_STATES.indexOf(item.state);
  return (
    <li
      ref={drag.setNodeRef}
      style={style}
      className={`card${drag.isDragging ? ' is-dragging' : ''}`}
      data-testid="board-card"
    >
      <div className="card-top">
        <span className="muted">#{item.number}</span>
        <span className={`type-chip type-${item.type}`}>{TYPE_LABELS[item.type]}</span>
        <button
          type="button"
          className="drag-handle"
          aria-label={`Drag #${item.number} to another state`}
          {...drag.attributes}
          {...drag.listeners}
          tabIndex={-1}
        >
          ⋮⋮
        </button>
      </div>
      <button type="button" className="title-button card-title" onClick={() => props.onOpen(item.id)}>
        {item.title}
      </button>
      <div className="card-bottom">
        <span className="muted small">{props.assignee ?? ''}</span>
        <span className="card-moves">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move #${item.number} to the previous state`}
            disabled={index === 0}
            onClick={() => props.onMove(item, -1)}
          >
            ←
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move #${item.number} to the next state`}
            disabled={index === ITEM_STATES.length - 1}
            onClick={() => props.onMove(item, 1)}
          >
            →
          </button>
        </span>
      </div>
    </li>
  );
}
