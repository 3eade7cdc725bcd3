import { type FormEvent, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DECISION_INFO, DECISIONS } from '../../../domain/decision-rights';
import { MS_PER_DAY } from '../../../domain/shared';
import { describeError } from '../../api/client';
import { decisionsCsvUrl, useAmendRationale, useDecisionLog } from '../../api/decision-hooks';
import { useMembers } from '../../api/team-hooks';
import type { DecisionLogEntry, DecisionLogFilters } from '../../api/types';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useWorkspace } from '../workspaces/workspace-context';
import './decisions.css';

const FILTER_KEYS = ['decision', 'actorId', 'itemNumber', 'from', 'to', 'q'] as const;
/** How long after a decision its author may still give its why (the server's rule). */
const WHY_WINDOW_MS = 7 * MS_PER_DAY;
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The workspace decision log: every decision, who made it, when and why; filter, search, export. */
export function DecisionLogPage() {
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: DecisionLogFilters = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [params]);
  const log = useDecisionLog(workspace.id, filters);
  const members = useMembers(workspace.id);
  const entries = useMemo(() => (log.data?.pages ?? []).flatMap((p) => p.data), [log.data]);
  const filtered = Object.keys(filters).length > 0;

  const set = (key: (typeof FILTER_KEYS)[number], value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <div className="page page-decisions">
      <header className="page-header">
        <div>
          <h1>Decision log</h1>
          <p className="muted">Every decision in this workspace: who made it, when, and why. Newest first.</p>
        </div>
        <a className="button" href={decisionsCsvUrl(workspace.id, filters)} download="decisions.csv">
          Export CSV
        </a>
      </header>
      <form
        className="toolbar decision-filters"
        aria-label="Filter the decision log"
        onSubmit={(e: FormEvent<HTMLFormElement>) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              for (const key of ['q', 'itemNumber'] as const) {
                const value = String(data.get(key) ?? '')
                  .trim()
                  .replace(/^#/, '');
                if (value) next.set(key, value);
                else next.delete(key);
              }
              return next;
            },
            { replace: true },
          );
        }}
      >
        <input
          className="search"
          name="q"
          type="search"
          aria-label="Search the decisions"
          placeholder="Search what and why…"
          defaultValue={filters.q ?? ''}
          key={`q-${filters.q ?? ''}`}
        />
        <select
          aria-label="Decision"
          value={filters.decision ?? ''}
          onChange={(e) => set('decision', e.target.value)}
        >
          <option value="">Every decision</option>
          {DECISIONS.map((d) => (
            <option key={d} value={d}>
              {DECISION_INFO[d].label}
            </option>
          ))}
        </select>
        <select
          aria-label="Person"
          value={filters.actorId ?? ''}
          onChange={(e) => set('actorId', e.target.value)}
        >
          <option value="">Everyone</option>
          {(members.data ?? []).map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
        <input
          name="itemNumber"
          aria-label="Item number"
          placeholder="#item"
          className="narrow"
          inputMode="numeric"
          defaultValue={filters.itemNumber ? `#${filters.itemNumber}` : ''}
          key={`n-${filters.itemNumber ?? ''}`}
        />
        <label className="field-inline">
          <span>From</span>
          <input
            type="date"
            aria-label="From"
            value={filters.from ?? ''}
            onChange={(e) => set('from', e.target.value)}
          />
        </label>
        <label className="field-inline">
          <span>To</span>
          <input
            type="date"
            aria-label="To"
            value={filters.to ?? ''}
            onChange={(e) => set('to', e.target.value)}
          />
        </label>
        <button type="submit" className="button">
          Search
        </button>
        {filtered && (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => setParams({}, { replace: true })}
          >
            Clear filters
          </button>
        )}
      </form>
      {log.isPending ? (
        <Loading label="Loading the decision log" />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <Empty title={filtered ? 'No decision matches these filters' : 'No decisions yet'}>
          <p className="muted">
            {filtered
              ? 'Clear a filter to see more.'
              : 'Ordering the backlog, estimating, setting dates and changing scope all land here.'}
          </p>
        </Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table decision-table" data-testid="decision-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Who</th>
                  <th scope="col">Item</th>
                  <th scope="col">What</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <DecisionRow key={e.id} entry={e} />
                ))}
              </tbody>
            </table>
          </div>
          {log.hasNextPage && (
            <button
              type="button"
              className="button"
              disabled={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {log.isFetchingNextPage ? 'Loading…' : 'Show older decisions'}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function DecisionRow({ entry }: { entry: DecisionLogEntry }) {
  const { workspace, user } = useWorkspace();
  const mine =
    entry.actorId === user.id &&
    entry.amendsId === null &&
    Date.now() - Date.parse(entry.createdAt) < WHY_WINDOW_MS;
  return (
    <tr data-testid="decision-row">
      <td className="nowrap muted">{when.format(new Date(entry.createdAt))}</td>
      <td>{DECISION_INFO[entry.decision].label}</td>
      <td>{entry.actorName}</td>
      <td>
        {entry.itemId && entry.itemNumber !== null ? (
          <Link to={`/w/${workspace.slug}/backlog?item=${entry.itemId}`}>#{entry.itemNumber}</Link>
        ) : (
          <span className="muted">workspace</span>
        )}
      </td>
      <td>{entry.summary}</td>
      <td>
        {entry.rationale ? (
          <span className="rationale">“{entry.rationale}”</span>
        ) : (
          <span className="muted">—</span>
        )}
        {entry.version > 1 && <span className="muted small"> (why given later)</span>}
        {mine && <GiveWhy entry={entry} />}
      </td>
    </tr>
  );
}

/** For my own recent decisions: give or change the why, right here. */
function GiveWhy({ entry }: { entry: DecisionLogEntry }) {
  const { workspace } = useWorkspace();
  const amend = useAmendRationale(workspace.id);
  const [open, setOpen] = useState(false);
  const [why, setWhy] = useState(entry.rationale ?? '');
  if (!open) {
    return (
      <button type="button" className="link-button small" onClick={() => setOpen(true)}>
        {entry.rationale ? 'Change why' : 'Add why'}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!why.trim()) return;
        amend.mutate(
          { id: entry.id, version: entry.version, rationale: why.trim() },
          { onSuccess: () => setOpen(false) },
        );
      }}
    >
      <input
        aria-label={`Why: ${entry.summary}`}
        value={why}
        maxLength={2000}
        onChange={(e) => setWhy(e.target.value)}
      />
      <button type="submit" className="button" disabled={amend.isPending}>
        Save why
      </button>
      {amend.isError && (
        <span className="form-error" role="alert">
          {describeError(amend.error)}
        </span>
      )}
    </form>
  );
}
