import { type FormEvent, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../../api/client';
import { useItems } from '../../api/item-hooks';
import { Empty, ErrorState, Loading } from '../../components/states';
import { PrioritizeTabs } from '../prioritization/prioritize-tabs';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { useCreateEstimationSession, useEstimationSessions } from './session-api';
import { SessionDetail } from './session-detail';
import { groupForPicking } from './session-picker';
import { EstimationTabs } from './session-tabs';
import '../prioritization/prioritization.css';
import './session.css';

const STATE_LABELS = { open: 'Voting', revealed: 'Revealed', closed: 'Closed' } as const;

/** /w/:slug/estimation/sessions : estimate items together, votes hidden until the reveal. */
export function EstimationSessionsPage() {
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const selected = params.get('session');
  const sessions = useEstimationSessions(workspace.id);
  const open = (id: string) => setParams({ session: id });

  return (
    <div className="page page-estimation">
      <header className="page-header prio-header">
        <div>
          <h1>Estimation sessions</h1>
          <PrioritizeTabs current="accuracy" />
        </div>
      </header>
      <EstimationTabs current="sessions" />
      <div className="session-layout">
        <aside className="session-sidebar">
          <StartSession onStarted={open} />
          <section className="card-section" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">Sessions</h2>
            {sessions.isPending ? (
              <Loading label="Loading sessions" />
            ) : sessions.isError ? (
              <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
            ) : sessions.data.length === 0 ? (
              <p className="muted small">No session yet.</p>
            ) : (
              <ul className="session-list">
                {sessions.data.map((s) => (
                  <li key={s.id}>
                    <button
                      type="button"
                      className={s.id === selected ? 'session-link is-active' : 'session-link'}
                      aria-current={s.id === selected ? 'true' : undefined}
                      onClick={() => open(s.id)}
                    >
                      <span className="session-link-title">{s.title}</span>
                      <span className="muted small">
                        {STATE_LABELS[s.state]} · {s.itemCount} {s.itemCount === 1 ? 'item' : 'items'}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
        <div className="session-main">
          {selected ? (
            <SessionDetail sessionId={selected} />
          ) : (
            <Empty title="Pick or start a session">
              Estimators vote on the same items without seeing each other's numbers; once everyone has voted,
              the votes are revealed together and the spread shows where to talk.
            </Empty>
          )}
        </div>
      </div>
    </div>
  );
}

/** How many items the picker lists before asking to narrow the search. */
const PICKER_LIMIT = 60;

/** Picks open items and starts a session: the estimates decision. */
function StartSession({ onStarted }: { onStarted: (id: string) => void }) {
  const { workspace } = useWorkspace();
  const gate = useGate('estimates');
  const items = useItems(workspace.id, {});
  const create = useCreateEstimationSession(workspace.id);
  const [title, setTitle] = useState('');
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [unit, setUnit] = useState<'days' | 'points'>('days');
  const candidates = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (items.data ?? [])
      .filter((i) => i.state !== 'done' && i.state !== 'cancelled' && i.type !== 'initiative')
      .filter((i) => !q || i.title.toLowerCase().includes(q) || String(i.number) === q.replace('#', ''));
  }, [items.data, filter]);
  const offered = useMemo(() => groupForPicking(candidates, unit, PICKER_LIMIT), [candidates, unit]);
  const reason = !gate.allowed ? gate.reason : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { title: title.trim() || 'Estimation session', unit, itemIds: picked },
      {
        onSuccess: (session) => {
          setPicked([]);
          setTitle('');
          onStarted(session.id);
        },
      },
    );
  };

  return (
    <section className="card-section" aria-labelledby="start-heading">
      <h2 id="start-heading">Start a session</h2>
      {reason && (
        <p className="notice small" role="note" data-testid="start-refusal">
          {reason}.
        </p>
      )}
      <form className="session-start" onSubmit={submit}>
        <label className="field">
          <span>Title</span>
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="Sprint refinement"
            maxLength={200}
            disabled={reason !== null}
          />
        </label>
        <fieldset className="segmented" aria-label="Estimate in" disabled={reason !== null}>
          <label className={unit === 'days' ? 'is-active' : undefined}>
            <input
              type="radio"
              name="session-unit"
              checked={unit === 'days'}
              onChange={() => setUnit('days')}
            />
            Days or sizes
          </label>
          <label className={unit === 'points' ? 'is-active' : undefined}>
            <input
              type="radio"
              name="session-unit"
              checked={unit === 'points'}
              onChange={() => setUnit('points')}
            />
            Story points
          </label>
        </fieldset>
        <label className="field">
          <span>Find items</span>
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Title or #number"
            disabled={reason !== null}
          />
        </label>
        {items.isPending ? (
          <Loading label="Loading items" />
        ) : items.isError ? (
          <ErrorState error={items.error} onRetry={() => void items.refetch()} />
        ) : (
          <fieldset className="session-pick" aria-label="Items to estimate" disabled={reason !== null}>
            {candidates.length === 0 && <p className="muted small">No open item matches.</p>}
            {offered.groups.map((group) => (
              <fieldset key={group.key} className="session-pick-group">
                <legend className="session-pick-heading">{group.label}</legend>
                {group.items.map((i) => (
                  <label key={i.id} className="session-pick-row">
                    <input
                      type="checkbox"
                      checked={picked.includes(i.id)}
                      onChange={(e) =>
                        setPicked((p) => (e.target.checked ? [...p, i.id] : p.filter((id) => id !== i.id)))
                      }
                    />
                    <span className="muted">#{i.number}</span>{' '}
                    <span className="session-pick-title" title={i.title}>
                      {i.title}
                    </span>
                    {unit === 'days' && i.estimate && (
                      <span className="badge badge-muted">{i.estimate.likely} d</span>
                    )}
                    {unit === 'points' && i.storyPoints !== null && (
                      <span className="badge badge-muted">{i.storyPoints} pt</span>
                    )}
                  </label>
                ))}
              </fieldset>
            ))}
            {offered.hidden > 0 && (
              <p className="muted small">{offered.hidden} more: narrow the search to see them.</p>
            )}
          </fieldset>
        )}
        <button
          type="submit"
          className="button button-primary"
          disabled={reason !== null || picked.length === 0 || create.isPending}
          title={reason ?? (picked.length === 0 ? 'Pick at least one item' : undefined)}
        >
          {create.isPending
            ? 'Starting…'
            : `Start with ${picked.length} ${picked.length === 1 ? 'item' : 'items'}`}
        </button>
        {create.isError && (
          <p className="form-error" role="alert">
            {describeError(create.error)}
          </p>
        )}
      </form>
    </section>
  );
}
