import { useSortable } from '@dnd-kit/sortable';
import { memo, useRef, useState } from 'react';
import { isOneOf } from '../../../domain/shared';
import type { Item } from '../../api/types';
import { InlineEdit } from '../../components/inline-edit';
import type { Gate } from '../workspaces/workspace-context';
import { ITEM_STATES, STATE_LABELS, TYPE_LABELS } from './labels';

export interface RowActions {
  open: (id: string) => void;
  toggleSelect: (id: string, range: boolean) => void;
  step: (index: number, direction: 'up' | 'down') => void;
  /** Says why a row cannot go further up or down (it is already first or last). */
  explainEdge: (index: number, direction: 'up' | 'down') => void;
  /** Says why reordering is refused, naming who decides. */
  refuseOrder: () => void;
  rename: (item: Item, title: string) => void;
  setState: (item: Item, state: Item['state']) => void;
  setScore: (item: Item, key: string, value: string) => void;
  focus: (index: number) => void;
}

interface BacklogRowProps {
  item: Item;
  index: number;
  depth: number;
  top: number;
  height: number;
  selected: boolean;
  focused: boolean;
  scoreKey: string;
  assignee: string | null;
  order: Gate;
  scoring: Gate;
  /** Why the row cannot move up (or down) from where it is (already first or last); null if it can. */
  edgeUp: string | null;
  edgeDown: string | null;
  actions: RowActions;
}

function formatEstimate(item: Item): string {
  if (!item.estimate) return '';
  const { optimistic, likely, pessimistic } = item.estimate;
  return `${optimistic}–${likely}–${pessimistic}d`;
}

/** One item of the backlog: select, drag, edit inline, move up or down. */
export const BacklogRow = memo(function BacklogRow(props: BacklogRowProps) {
  const { item, index, order, actions } = props;
  const sortable = useSortable({ id: item.id, disabled: !order.allowed });
  const [renaming, setRenaming] = useState(false);
  const transform = sortable.transform
    ? `translate3d(0, ${Math.round(sortable.transform.y)}px, 0)`
    : undefined;
  const score = item.scores[props.scoreKey];
  const label = `#${item.number}`;

  return (
    <li
      ref={sortable.setNodeRef}
      aria-label={`${label} ${item.title}`}
      data-index={index}
      data-item-id={item.id}
      data-testid="backlog-row"
      tabIndex={props.focused ? 0 : -1}
      className={`backlog-row${props.selected ? ' is-selected' : ''}${sortable.isDragging ? ' is-dragging' : ''}`}
      style={{ top: props.top, height: props.height, transform, transition: sortable.transition }}
      onFocus={(e) => {
        if (e.target === e.currentTarget) actions.focus(index);
      }}
      onKeyDown={(e) => {
        if (e.target === e.currentTarget && e.key === 'Enter') actions.open(item.id);
      }}
    >
      <span className="cell cell-select">
        <input
          type="checkbox"
          aria-label={`Select ${label}`}
          checked={props.selected}
          onChange={() => {}}
          onClick={(e) => actions.toggleSelect(item.id, e.shiftKey)}
        />
      </span>
      <span className="cell cell-handle">
        <button
          type="button"
          className={`drag-handle${order.allowed ? '' : ' is-refused'}`}
          aria-label={
            order.allowed ? `Drag to reorder ${label}` : `Reordering ${label} is not yours: ${order.reason}`
          }
          title={order.allowed ? 'Drag to reorder' : (order.reason ?? undefined)}
          aria-disabled={!order.allowed || undefined}
          // A refused drag says who decides instead of failing silently.
          {...(order.allowed
            ? { ...sortable.attributes, ...sortable.listeners }
            : { onPointerDown: () => actions.refuseOrder() })}
          tabIndex={-1}
        >
          ⋮⋮
        </button>
      </span>
      <span className="cell cell-number muted">{label}</span>
      <span className="cell cell-type">
        <span className={`type-chip type-${item.type}`}>{TYPE_LABELS[item.type]}</span>
      </span>
      <span className="cell cell-title" style={{ paddingLeft: props.depth * 20 }}>
        {renaming ? (
          <InlineEditField
            value={item.title}
            label={`title of ${label}`}
            onDone={(title) => {
              setRenaming(false);
              if (title !== null) actions.rename(item, title);
            }}
          />
        ) : (
          <>
            <button type="button" className="title-button" onClick={() => actions.open(item.id)}>
              {item.title}
            </button>
            <button
              type="button"
              className="icon-button row-tool"
              aria-label={`Rename ${label}`}
              onClick={() => setRenaming(true)}
            >
              ✎
            </button>
          </>
        )}
      </span>
      <span className="cell cell-state">
        <select
          aria-label={`State of ${label}`}
          value={item.state}
          className={`state-select state-${item.state}`}
          onChange={(e) => isOneOf(ITEM_STATES, e.target.value) && actions.setState(item, e.target.value)}
        >
          {ITEM_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </span>
      <span className="cell cell-score">
        <InlineEdit
          value={score === undefined ? '' : String(score)}
          label={`${props.scoreKey} of ${label}`}
          type={typeof score === 'string' ? 'text' : 'number'}
          disabled={!props.scoring.allowed}
          disabledReason={props.scoring.reason}
          onSave={(value) => actions.setScore(item, props.scoreKey, value)}
        />
      </span>
      <span className="cell cell-assignee muted">{props.assignee ?? ''}</span>
      <span className="cell cell-estimate muted">{formatEstimate(item)}</span>
      <span className="cell cell-move">
        <StepButton
          label={label}
          direction="up"
          index={index}
          order={order}
          edge={props.edgeUp}
          actions={actions}
        />
        <StepButton
          label={label}
          direction="down"
          index={index}
          order={order}
          edge={props.edgeDown}
          actions={actions}
        />
      </span>
    </li>
  );
});

/**
 * ↑ or ↓ of a row. Not allowed to order: it says who decides. Already first or last: it is
 * disabled and says so, instead of sending a move that could not change anything.
 */
function StepButton(props: {
  label: string;
  direction: 'up' | 'down';
  index: number;
  order: Gate;
  edge: string | null;
  actions: RowActions;
}) {
  const { order, edge, direction, actions } = props;
  const arrow = direction === 'up' ? '↑' : '↓';
  const reason = !order.allowed ? order.reason : edge;
  return (
    <button
      type="button"
      aria-label={`Move ${props.label} ${direction}`}
      title={reason ?? `Move ${direction} (Alt+${arrow})`}
      aria-disabled={reason !== null || undefined}
      className={`icon-button${!order.allowed ? ' is-refused' : edge ? ' is-edge' : ''}`}
      onClick={() => {
        if (!order.allowed) actions.refuseOrder();
        else if (edge) actions.explainEdge(props.index, direction);
        else actions.step(props.index, direction);
      }}
    >
      {arrow}
    </button>
  );
}

function InlineEditField(props: { value: string; label: string; onDone: (value: string | null) => void }) {
  const [draft, setDraft] = useState(props.value);
  const open = useRef(true);
  const done = (value: string | null) => {
    if (!open.current) return;
    open.current = false;
    props.onDone(value);
  };
  const changed = () => (draft.trim() && draft.trim() !== props.value ? draft.trim() : null);
  return (
    <input
      className="inline-input"
      aria-label={props.label}
      // biome-ignore lint/a11y/noAutofocus: the field replaces the button the user just pressed
      autoFocus
      value={draft}
      maxLength={300}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => done(changed())}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') done(changed());
        if (e.key === 'Escape') done(null);
      }}
    />
  );
}
