import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { describeScoreKey } from '../../../domain/prioritization';
import { isOneOf } from '../../../domain/shared';
import type { Item, ItemFilters, Member } from '../../api/types';
import type { BacklogView } from './backlog-rows';
import { ITEM_STATES, ITEM_TYPES, STATE_LABELS, TYPE_LABELS } from './labels';

interface ToolbarProps {
  filters: ItemFilters;
  view: BacklogView;
  scoreKey: string;
  scoreKeys: string[];
  members: Member[];
  onChange: (changes: Record<string, string | null>) => void;
  /** Shown after the state filter: the switch for done and cancelled items. */
  children?: ReactNode;
}

/** Filters (type, state, assignee, label, text), the view, the score column and the CSV export. */
export function BacklogToolbar(props: ToolbarProps) {
  const { filters, onChange } = props;
  const [q, setQ] = useState(filters.q ?? '');
  const [label, setLabel] = useState(filters.label ?? '');
  const searchRef = useRef<HTMLInputElement>(null);
  // What the fields last put in the URL: any other value there came from elsewhere.
  const sent = useRef({ q: filters.q ?? '', label: filters.label ?? '' });

  // A saved view or the browser's history changed the URL: the fields show what it says now.
  useEffect(() => {
    const inUrl = { q: filters.q ?? '', label: filters.label ?? '' };
    if (inUrl.q !== sent.current.q) setQ(inUrl.q);
    if (inUrl.label !== sent.current.label) setLabel(inUrl.label);
    sent.current = inUrl;
  }, [filters.q, filters.label]);

  // Typing updates the URL after a short pause, not on every key.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if ((filters.q ?? '') !== q || (filters.label ?? '') !== label) {
        sent.current = { q, label };
        onChange({ q, label });
      }
    }, 250);
    return () => window.clearTimeout(timer);
  }, [q, label, filters.q, filters.label, onChange]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const tag = (event.target as HTMLElement | null)?.tagName;
      if (event.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT') {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const active = Boolean(filters.type || filters.state || filters.assigneeId || filters.label || filters.q);

  return (
    <search className="toolbar" aria-label="Filter the backlog">
      <input
        ref={searchRef}
        type="search"
        className="search"
        placeholder="Search titles…  /"
        aria-label="Search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <select
        aria-label="Type"
        value={filters.type ?? ''}
        onChange={(e) => onChange({ type: e.target.value })}
      >
        <option value="">All types</option>
        {ITEM_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <select
        aria-label="State"
        value={filters.state ?? ''}
        onChange={(e) => onChange({ state: e.target.value })}
      >
        <option value="">All states</option>
        {ITEM_STATES.map((s) => (
          <option key={s} value={s}>
            {STATE_LABELS[s]}
          </option>
        ))}
      </select>
      {props.children}
      <select
        aria-label="Assignee"
        value={filters.assigneeId ?? ''}
        onChange={(e) => onChange({ assignee: e.target.value })}
      >
        <option value="">Anyone</option>
        {props.members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
      <input
        className="label-filter"
        placeholder="Label"
        aria-label="Label"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
      />
      {active && (
        <button
          type="button"
          className="button button-ghost"
          onClick={() => {
            setQ('');
            setLabel('');
            onChange({ q: null, label: null, type: null, state: null, assignee: null });
          }}
        >
          Clear filters
        </button>
      )}
      <fieldset className="segmented toolbar-end">
        <legend className="sr-only">View</legend>
        {(['flat', 'grouped'] as const).map((v) => (
          <label key={v} className={props.view === v ? 'is-active' : ''}>
            <input
              type="radio"
              name="view"
              value={v}
              checked={props.view === v}
              onChange={() => onChange({ view: v === 'flat' ? null : v })}
            />
            {v === 'flat' ? 'Flat' : 'Grouped'}
          </label>
        ))}
      </fieldset>
      <select
        aria-label="Score column"
        value={props.scoreKey}
        onChange={(e) => onChange({ score: e.target.value })}
      >
        {props.scoreKeys.map((k) => (
          <option key={k} value={k}>
            {describeScoreKey(k)}
          </option>
        ))}
      </select>
    </search>
  );
}

interface NewItemProps {
  onCreate: (input: { type: Item['type']; title: string }) => Promise<unknown>;
}

/** Capture a new item; it lands at the bottom, waiting for the product owner to order it. */
export function NewItemForm({ onCreate }: NewItemProps) {
  const [title, setTitle] = useState('');
  const [type, setType] = useState<Item['type']>('feature');
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const tag = (event.target as HTMLElement | null)?.tagName;
      if (
        event.key === 'c' &&
        !event.altKey &&
        !event.ctrlKey &&
        !event.metaKey &&
        tag !== 'INPUT' &&
        tag !== 'TEXTAREA' &&
        tag !== 'SELECT'
      ) {
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    void onCreate({ type, title: title.trim() }).then(() => setTitle(''));
  };
  return (
    <form className="new-item" onSubmit={submit}>
      <select
        aria-label="New item type"
        value={type}
        onChange={(e) => isOneOf(ITEM_TYPES, e.target.value) && setType(e.target.value)}
      >
        {ITEM_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <input
        ref={inputRef}
        aria-label="New item title"
        placeholder="New item title…  c"
        maxLength={300}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit" className="button button-primary">
        Add item
      </button>
    </form>
  );
}
