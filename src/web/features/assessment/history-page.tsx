import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { type AssessmentSummary, useAssessments } from './assessment-api';
import { BAND_LABELS, SEVERITY_LABELS, SEVERITY_ORDER } from './labels';
import { Chip } from './report-sections';

/** /assessment : start an assessment, the history of past ones, and a picker to compare two. */
export function AssessmentHistoryPage() {
  const { workspace } = useWorkspace();
  const list = useAssessments(workspace.id);
  const gate = useGate('team');
  return (
    <div className="page page-assessment">
      <header className="page-header report-header">
        <div>
          <h1>Assessment</h1>
          <p className="muted">
            Where your development setup stands (who owns the product, delivery, engineering health, the team
            and its leadership) and a growth plan for the next 12 months. Re-assess later to see what
            improved.
          </p>
        </div>
        <div className="report-actions">
          <Link
            className={`button${gate.allowed ? ' button-primary' : ''}`}
            to="new?variant=short"
            title={gate.allowed ? undefined : (gate.reason ?? undefined)}
          >
            Start the short questionnaire
          </Link>
          <Link
            className="button"
            to="new?variant=full"
            title={gate.allowed ? undefined : (gate.reason ?? undefined)}
          >
            Full questionnaire
          </Link>
        </div>
      </header>
      {!gate.allowed && (
        <p className="notice" role="note">
          Recording an assessment is a team decision. {gate.reason}. You can read every report and comparison.
        </p>
      )}
      {list.isPending ? (
        <Loading label="Loading assessments" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty title="No assessment yet">
          <p className="muted">
            The short questionnaire takes about ten minutes; what Headway knows about your team is filled in
            already.
          </p>
        </Empty>
      ) : (
        <>
          <HistoryTable list={list.data} />
          {list.data.length >= 2 && <ComparePicker list={list.data} />}
        </>
      )}
    </div>
  );
}

function HistoryTable({ list }: { list: AssessmentSummary[] }) {
  return (
    <section className="card-section" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <div className="table-wrap">
        <table className="table history-table">
          <thead>
            <tr>
              <th scope="col">Assessment</th>
              <th scope="col">Date</th>
              <th scope="col">Questionnaire</th>
              <th scope="col">Overall</th>
              <th scope="col">Findings</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.id} data-testid="history-row">
                <th scope="row">
                  <Link to={String(a.number)}>Assessment #{a.number}</Link>
                </th>
                <td>{new Date(a.createdAt).toLocaleDateString()}</td>
                <td>{a.variant}</td>
                <td>
                  {a.unreadable ? (
                    <span className="muted small" title={a.unreadable}>
                      Cannot be read ({a.unreadable})
                    </span>
                  ) : (
                    <>
                      {a.overall ?? '—'}{' '}
                      {a.band && <Chip tone={`band-${a.band}`}>{BAND_LABELS[a.band]}</Chip>}
                    </>
                  )}
                </td>
                <td className="small">
                  {SEVERITY_ORDER.filter((s) => (a.findings[s] ?? 0) > 0)
                    .map((s) => `${a.findings[s]} ${SEVERITY_LABELS[s].toLowerCase()}`)
                    .join(' · ') || 'none'}
                </td>
                <td className="muted">{a.createdByName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ComparePicker({ list }: { list: AssessmentSummary[] }) {
  const navigate = useNavigate();
  // Newest first: compare the one before the latest with the latest by default.
  const [from, setFrom] = useState(String(list[1]?.number ?? ''));
  const [to, setTo] = useState(String(list[0]?.number ?? ''));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`compare?from=${from}&to=${to}`);
  };
  return (
    <section className="card-section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare two assessments</h2>
      <form className="inline-form" onSubmit={submit}>
        <label className="field">
          <span>From</span>
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {list.map((a) => (
              <option key={a.id} value={a.number}>
                #{a.number} ({new Date(a.createdAt).toLocaleDateString()})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>To</span>
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            {list.map((a) => (
              <option key={a.id} value={a.number}>
                #{a.number} ({new Date(a.createdAt).toLocaleDateString()})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary" disabled={from === to}>
          Compare
        </button>
        {from === to && <span className="muted small">Pick two different assessments.</span>}
      </form>
    </section>
  );
}
