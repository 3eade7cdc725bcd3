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
import { findWipStatus, resolveWorkflowState } from '../../../domain/flow/workflow-states';
import { useItems } from '../../api/item-hooks';
import { useMembers } from '../../api/team-hooks';
import type { Item } from '../../api/types';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { TYPE_LABELS } from '../backlog/labels';
import { useSaveItem } from '../item/conflict-provider';
import { useWorkspace } from '../workspaces/workspace-context';
import { useWorkflow, type WorkflowState } from './workflow-api';
import { WorkflowEditor } from './workflow-editor';

const ItemPanel = lazy(() => import('../item/item-panel').then((m) => ({ default: m.ItemPanel })));

// A column shows its first cards; the count in its header is always the full number.
const CARDS_PER_COLUMN = 100;

/** The board: a column per workflow state, drag a card to change its state. */
export function BoardPage() {
  const { workspace } = useWorkspace();
  const items = useItems(workspace.id, {});
  const workflow = useWorkflow(workspace.id);
  const { notify } = useToast();
  const members = useMembers(workspace.id);
  const save = useSaveItem();
  const [params, setParams] = useSearchParams();
  const openId = params.get('item');
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const names = useMemo(
    () => new Map((members.data ?? []).map((m) => [m.userId, m.name] as const)),
    [members.data],
  );

  const states = workflow.data ?? [];
  const columns = useMemo(() => {
    const by = new Map<string, Item[]>((workflow.data ?? []).map((s) => [s.id, []]));
    for (const it of items.data ?? []) {
      if (it.type === 'initiative' || it.type === 'epic') continue; // the board shows work, not containers
      const state = resolveWorkflowState(workflow.data ?? [], it);
      if (state) by.get(state.id)?.push(it);
    }
    return by;
  }, [items.data, workflow.data]);
  const columnOf = (item: Item) => resolveWorkflowState(states, item);

  // A full column takes the card all the same (the limit is the team's signal, not a lock), but says so.
  const moveTo = (item: Item, target: WorkflowState) => {
    if (columnOf(item)?.id === target.id) return;
    const count = columns.get(target.id)?.length ?? 0;
    if (target.wipLimit !== null && count >= target.wipLimit) {
      notify(
        `“${target.name}” is at its WIP limit (${count}/${target.wipLimit}): #${item.number} moved there anyway; finish work there before starting more`,
      );
    }
    void save(item, { workflowStateId: target.id });
  };

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
    const state = states.find((s) => s.id === event.over?.id);
    if (item && state) moveTo(item, state);
  };

  const moveCard = (item: Item, direction: -1 | 1) => {
    const at = states.findIndex((s) => s.id === columnOf(item)?.id);
    const next = states[at + direction];
    if (at >= 0 && next) moveTo(item, next);
  };

  if (items.isPending || workflow.isPending) return <Loading label="Loading the board" />;
  if (items.isError) return <ErrorState error={items.error} onRetry={() => void items.refetch()} />;
  if (workflow.isError) return <ErrorState error={workflow.error} onRetry={() => void workflow.refetch()} />;
  const total = [...columns.values()].reduce((n, c) => n + c.length, 0);

  return (
    <div className="page page-board">
      <header className="page-header">
        <h1>Board</h1>
        <p className="muted">
          Features, tasks and bugs by workflow state. Drag a card, or use its arrows, to move it. A column
          over its WIP limit is marked; moving a card into a full column is allowed, with a warning.
        </p>
      </header>
      <WorkflowEditor workspaceId={workspace.id} states={states} />
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
          <div
            className="board"
            style={{ gridTemplateColumns: `repeat(${states.length}, minmax(150px, 1fr))` }}
          >
            {states.map((state, index) => (
              <Column
                key={state.id}
                state={state}
                first={index === 0}
                last={index === states.length - 1}
                items={columns.get(state.id) ?? []}
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
  state: WorkflowState;
  first: boolean;
  last: boolean;
  items: Item[];
  names: ReadonlyMap<string, string>;
  onOpen: (id: string) => void;
  onMove: (item: Item, direction: -1 | 1) => void;
}

function Column({ state, first, last, items, names, onOpen, onMove }: ColumnProps) {
  const drop = useDroppable({ id: state.id });
  const headingId = `column-${state.id}`;
  const wip = findWipStatus(items.length, state.wipLimit);
  return (
    <section
      ref={drop.setNodeRef}
      className={`board-column${drop.isOver ? ' is-over' : ''}${wip === 'over' ? ' is-over-limit' : ''}`}
      aria-labelledby={headingId}
      data-testid={`column-${state.builtinState}`}
      data-state-name={state.name}
      data-wip={wip}
    >
      <h2 id={headingId} className="board-column-head">
        <span>{state.name}</span>
        <span
          className={`badge ${wip === 'over' ? 'badge-danger' : 'badge-muted'}`}
          data-testid="column-count"
        >
          {state.wipLimit === null ? items.length : `${items.length}/${state.wipLimit}`}
          <span className="sr-only">{state.wipLimit === null ? ' items' : ' items of its WIP limit'}</span>
        </span>
      </h2>
      {wip === 'over' && (
        <p className="wip-warning small" role="note">
          Over its WIP limit by {items.length - (state.wipLimit ?? 0)}
        </p>
      )}
      <ul className="board-cards">
        {items.slice(0, CARDS_PER_COLUMN).map((item) => (
          <Card
            key={item.id}
            item={item}
            first={first}
            last={last}
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
  first: boolean;
  last: boolean;
  assignee: string | undefined;
  onOpen: (id: string) => void;
  onMove: ColumnProps['onMove'];
}) {
  const { item } = props;
  const drag = useDraggable({ id: item.id });
  const style = drag.transform
    ? { transform: `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)` }
    : undefined;
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
            disabled={props.first}
            onClick={() => props.onMove(item, -1)}
          >
            ←
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move #${item.number} to the next state`}
            disabled={props.last}
            onClick={() => props.onMove(item, 1)}
          >
            →
          </button>
        </span>
      </div>
    </li>
  );
}
