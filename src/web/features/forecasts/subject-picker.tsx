import { type FormEvent, useMemo, useState } from 'react';
import { addDays } from '../../../domain/shared';
import type { Item } from '../../api/types';

/** What the page forecasts, as kept in the address so a forecast can be linked to. */
export type ForecastSubject =
  | { mode: 'milestone'; id: string | null }
  | { mode: 'items'; ids: string[] }
  | { mode: 'next'; count: number }
  | { mode: 'by'; date: string };

const MODES: { mode: ForecastSubject['mode']; label: string }[] = [
  { mode: 'milestone', label: 'A milestone' },
  { mode: 'items', label: 'Chosen items' },
  { mode: 'next', label: 'The next N items' },
  { mode: 'by', label: 'How many by a date' },
];

const LEAVES = new Set<Item['type']>(['feature', 'task', 'bug']);
const OPEN = (it: Item) => it.state !== 'done' && it.state !== 'cancelled';

/** Reads the subject from the page's search parameters. */
export function readSubject(params: URLSearchParams, today: string): ForecastSubject {
  const mode = params.get('mode') ?? (params.get('milestone') ? 'milestone' : 'milestone');
  if (mode === 'items') return { mode, ids: (params.get('items') ?? '').split(',').filter(Boolean) };
  if (mode === 'next') {
    const count = Number(params.get('n'));
    return { mode, count: Number.isInteger(count) && count > 0 ? count : 10 };
  }
  if (mode === 'by') {
    const date = params.get('date');
    return { mode, date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : addDays(today, 30) };
  }
  return { mode: 'milestone', id: params.get('milestone') };
}

/** Writes a subject into search parameters. */
export function writeSubject(subject: ForecastSubject): Record<string, string> {
  switch (subject.mode) {
    case 'milestone':
      return subject.id ? { mode: 'milestone', milestone: subject.id } : { mode: 'milestone' };
    case 'items':
      return { mode: 'items', items: subject.ids.join(',') };
    case 'next':
      return { mode: 'next', n: String(subject.count) };
    case 'by':
      return { mode: 'by', date: subject.date };
  }
}

/** The choice of what to forecast: a milestone, chosen items, the next N items or a date. */
export function SubjectPicker(props: {
  subject: ForecastSubject;
  items: Item[];
  today: string;
  onChange: (subject: ForecastSubject) => void;
}) {
  const { subject, items, today, onChange } = props;
  const openLeaves = useMemo(() => items.filter((it) => LEAVES.has(it.type) && OPEN(it)), [items]);
  const switchTo = (mode: ForecastSubject['mode']) => {
    if (mode === subject.mode) return;
    if (mode === 'milestone') onChange({ mode, id: null });
    else if (mode === 'items') onChange({ mode, ids: [] });
    else if (mode === 'next') onChange({ mode, count: Math.min(Math.max(openLeaves.length, 1), 20) });
    else onChange({ mode, date: addDays(today, 30) });
  };
  return (
    <section className="card-section forecast-picker" aria-label="What to forecast">
      <fieldset className="segmented forecast-modes">
        <legend className="sr-only">Forecast</legend>
        {MODES.map((m) => (
          <label key={m.mode} className={m.mode === subject.mode ? 'is-active' : undefined}>
            <input
              type="radio"
              name="forecast-mode"
              value={m.mode}
              checked={m.mode === subject.mode}
              onChange={() => switchTo(m.mode)}
            />
            {m.label}
          </label>
        ))}
      </fieldset>
      {subject.mode === 'milestone' && (
        <MilestoneSelect items={items} value={subject.id} onChange={onChange} />
      )}
      {subject.mode === 'items' && (
        <ItemChooser leaves={openLeaves} chosen={subject.ids} onChange={onChange} />
      )}
      {subject.mode === 'next' && <CountForm count={subject.count} onChange={onChange} />}
      {subject.mode === 'by' && (
        <label className="field forecast-inline-field">
          <span>By the end of</span>
          <input
            type="date"
            value={subject.date}
            min={today}
            onChange={(e) => e.target.value && onChange({ mode: 'by', date: e.target.value })}
          />
        </label>
      )}
    </section>
  );
}

function MilestoneSelect(props: {
  items: Item[];
  value: string | null;
  onChange: (s: ForecastSubject) => void;
}) {
  const { items, value, onChange } = props;
  // Initiatives in product order, each followed by its epics.
  const groups = useMemo(() => {
    const initiatives = items.filter((it) => it.type === 'initiative' && OPEN(it));
    const epics = items.filter((it) => it.type === 'epic' && OPEN(it));
    const placed = new Set<string>();
    const list = initiatives.map((initiative) => {
      const children = epics.filter((e) => e.parentId === initiative.id);
      for (const c of children) placed.add(c.id);
      return { initiative, epics: children };
    });
    return { list, loose: epics.filter((e) => !placed.has(e.id)) };
  }, [items]);
  if (groups.list.length === 0 && groups.loose.length === 0) {
    return (
      <p className="muted">
        There is no open initiative or epic yet. Group work under one in the backlog, or forecast chosen
        items.
      </p>
    );
  }
  return (
    <label className="field forecast-inline-field">
      <span>Milestone</span>
      <select
        aria-label="Milestone"
        value={value ?? ''}
        onChange={(e) => onChange({ mode: 'milestone', id: e.target.value || null })}
      >
        <option value="">Choose an initiative or epic…</option>
        {groups.list.map(({ initiative, epics }) => (
          <optgroup key={initiative.id} label={`#${initiative.number} ${initiative.title}`}>
            <option value={initiative.id}>
              #{initiative.number} {initiative.title} (initiative)
            </option>
            {epics.map((e) => (
              <option key={e.id} value={e.id}>
                #{e.number} {e.title}
              </option>
            ))}
          </optgroup>
        ))}
        {groups.loose.length > 0 && (
          <optgroup label="Epics outside an initiative">
            {groups.loose.map((e) => (
              <option key={e.id} value={e.id}>
                #{e.number} {e.title}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}

function ItemChooser(props: { leaves: Item[]; chosen: string[]; onChange: (s: ForecastSubject) => void }) {
  const { leaves, chosen, onChange } = props;
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState<Set<string>>(() => new Set(chosen));
  const shown = leaves.filter(
    (it) => !filter || it.title.toLowerCase().includes(filter.toLowerCase()) || `#${it.number}` === filter,
  );
  const toggle = (id: string) =>
    setDraft((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Keep the product order, whatever order they were ticked in.
    onChange({ mode: 'items', ids: leaves.filter((it) => draft.has(it.id)).map((it) => it.id) });
  };
  return (
    <form className="forecast-chooser" onSubmit={submit}>
      <div className="toolbar">
        <input
          type="search"
          className="search"
          aria-label="Filter open items"
          placeholder="Filter open items"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted">{draft.size} chosen</span>
        <span className="toolbar-spacer" />
        <button type="submit" className="button button-primary" disabled={draft.size === 0}>
          Forecast {draft.size} item{draft.size === 1 ? '' : 's'}
        </button>
      </div>
      <ul className="forecast-choices" aria-label="Open items in product order">
        {shown.map((it) => (
          <li key={it.id}>
            <label>
              <input type="checkbox" checked={draft.has(it.id)} onChange={() => toggle(it.id)} />
              <span className="muted">#{it.number}</span> {it.title}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No open feature, task or bug matches.</li>}
      </ul>
    </form>
  );
}

function CountForm(props: { count: number; onChange: (s: ForecastSubject) => void }) {
  const [draft, setDraft] = useState(String(props.count));
  const value = Number(draft);
  const valid = Number.isInteger(value) && value >= 1 && value <= 100_000;
  return (
    <form
      className="inline-form forecast-inline-field"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) props.onChange({ mode: 'next', count: value });
      }}
    >
      <label className="field">
        <span>When will this many items be done?</span>
        <input
          type="number"
          min={1}
          max={100000}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={!valid}
        />
      </label>
      <button type="submit" className="button" disabled={!valid}>
        Forecast
      </button>
    </form>
  );
}
