import { type FormEvent, useState } from 'react';
import { isOneOf } from '../../../domain/shared';
import type { Item, Member } from '../../api/types';
import { useToast } from '../../components/toast';
import { useSaveItem } from '../item/conflict-provider';
import { useExplainRefusal } from '../workspaces/refusals';
import { useGate } from '../workspaces/workspace-context';
import { ITEM_STATES, STATE_LABELS } from './labels';
import './bulk-bar.css';

const NOBODY = '__nobody';

/**
 * What can be done to many selected items at once: set their state, assign them, label them,
 * move them to the top or bottom. A control whose decision is not the reader's says who decides.
 */
export function BulkBar(props: {
  items: Item[];
  members: Member[];
  onMove: (where: 'top' | 'bottom') => Promise<void>;
  onClear: () => void;
}) {
  const { items } = props;
  const save = useSaveItem();
  const { notify } = useToast();
  const explain = useExplainRefusal();
  const order = useGate('backlog_order');
  const assignment = useGate('assignment');
  const requirements = useGate('requirements');
  const [label, setLabel] = useState('');
  const count = `${items.length} ${items.length === 1 ? 'item' : 'items'}`;

  // One save at a time: each answers with its own conflict or refusal, as an edit of one item does.
  const saveAll = async (patch: (item: Item) => Parameters<typeof save>[1] | null, done: string) => {
    let saved = 0;
    for (const it of items) {
      const change = patch(it);
      if (change && (await save(it, change))) saved += 1;
    }
    if (saved > 0) notify(done.replace('{n}', `${saved} ${saved === 1 ? 'item' : 'items'}`));
  };

  const assign = (value: string) => {
    if (!assignment.allowed) return explain(assignment);
    const assigneeId = value === NOBODY ? null : value;
    const name = props.members.find((m) => m.userId === assigneeId)?.name;
    void saveAll(
      (it) => (it.assigneeId === assigneeId ? null : { assigneeId }),
      name ? `{n} assigned to ${name}` : '{n} unassigned',
    );
  };

  const addLabel = (event: FormEvent) => {
    event.preventDefault();
    if (!requirements.allowed) return explain(requirements);
    const added = label.trim();
    if (!added) return;
    setLabel('');
    void saveAll(
      (it) => (it.labels.includes(added) ? null : { labels: [...it.labels, added] }),
      `Labelled {n} “${added}”`,
    );
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of bulk actions, not a form group
    <div className="bulk-bar" role="group" aria-label="Bulk actions">
      <span>{items.length} selected</span>
      <select
        aria-label="Set state of selected items"
        value=""
        onChange={(e) => {
          const state = e.target.value;
          if (!isOneOf(ITEM_STATES, state)) return;
          void saveAll((it) => (it.state === state ? null : { state }), `{n} set to ${STATE_LABELS[state]}`);
        }}
      >
        <option value="">Set state…</option>
        {ITEM_STATES.map((s) => (
          <option key={s} value={s}>
            {STATE_LABELS[s]}
          </option>
        ))}
      </select>
      <select
        aria-label="Assign selected items"
        aria-disabled={!assignment.allowed || undefined}
        title={assignment.reason ?? `Assign the ${count}`}
        value=""
        onChange={(e) => assign(e.target.value)}
      >
        <option value="">Assign to…</option>
        {props.members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
        <option value={NOBODY}>Nobody</option>
      </select>
      <form className="bulk-label" onSubmit={addLabel}>
        <input
          aria-label="Label for selected items"
          placeholder="Add label…"
          value={label}
          maxLength={40}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button
          type="submit"
          className="button"
          aria-disabled={!requirements.allowed || undefined}
          title={requirements.reason ?? `Add the label to the ${count}`}
        >
          Label
        </button>
      </form>
      <button
        type="button"
        className="button"
        aria-disabled={!order.allowed || undefined}
        title={order.reason ?? undefined}
        onClick={() => (order.allowed ? void props.onMove('top') : explain(order))}
      >
        Move to top
      </button>
      <button
        type="button"
        className="button"
        aria-disabled={!order.allowed || undefined}
        title={order.reason ?? undefined}
        onClick={() => (order.allowed ? void props.onMove('bottom') : explain(order))}
      >
        Move to bottom
      </button>
      <button type="button" className="button button-ghost" onClick={props.onClear}>
        Clear selection
      </button>
    </div>
  );
}
