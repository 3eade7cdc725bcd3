import { Link, useSearchParams } from 'react-router';
import { AREA_LABELS } from '../../../domain/assessment/types';
import { ErrorState, Loading } from '../../components/states';
import { useWorkspace } from '../workspaces/workspace-context';
import { type AssessmentComparisonView, useComparison } from './assessment-api';
import {
  formatDelta,
  HORIZON_LABELS,
  SEVERITY_LABELS,
  sortBySeverity,
  TIER_LABELS,
  TRIGGER_LABELS,
} from './labels';
import { Chip } from './report-sections';

/** /assessment/compare?from=&to= : what improved between two assessments. */
export function AssessmentComparePage() {
  const { workspace } = useWorkspace();
  const [params] = useSearchParams();
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  const comparison = useComparison(workspace.id, from, to);
  const valid = Number.isInteger(from) && Number.isInteger(to) && from > 0 && to > 0 && from !== to;
  return (
    <div className="page page-assessment page-compare">
      <header className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="..">Assessment</Link>
          </p>
          <h1>
            Assessment #{from} → #{to}
          </h1>
        </div>
      </header>
      {!valid ? (
        <ErrorState error={new Error('Pick two different assessments to compare')} />
      ) : comparison.isPending ? (
        <Loading label="Comparing" />
      ) : comparison.isError ? (
        <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : (
        <ComparisonView view={comparison.data} />
      )}
    </div>
  );
}

function deltaTone(delta: number | null): string {
  if (delta === null || delta === 0) return 'delta-flat';
  return delta > 0 ? 'delta-up' : 'delta-down';
}

function ComparisonView({ view }: { view: AssessmentComparisonView }) {
  const improved = view.areas.filter((a) => (a.delta ?? 0) > 0);
  const worse = view.areas.filter((a) => (a.delta ?? 0) < 0);
  const changedTriggers = view.triggers.filter((t) => t.before !== t.after);
  return (
    <>
      <section className="card-section summary" aria-labelledby="cmp-summary">
        <h2 id="cmp-summary">What changed</h2>
        <div className="compare-overall">
          <div>
            <span className="muted small">Overall</span>
            <p className="overall-line">
              {view.overall.before ?? '—'} → <strong>{view.overall.after ?? '—'}</strong>{' '}
              <span className={`delta ${deltaTone(view.overall.delta)}`}>
                {formatDelta(view.overall.delta)}
              </span>
            </p>
          </div>
          <p>
            {view.closed.length} finding{view.closed.length === 1 ? '' : 's'} closed, {view.opened.length}{' '}
            opened, {view.persisting.length} still open.
            {improved.length > 0 && ` Improved: ${improved.map((a) => AREA_LABELS[a.area]).join(', ')}.`}
            {worse.length > 0 && ` Worse: ${worse.map((a) => AREA_LABELS[a.area]).join(', ')}.`}
          </p>
        </div>
        <div className="report-actions">
          <Link className="button" to={`../${view.from.number}`}>
            Report #{view.from.number}
          </Link>
          <Link className="button" to={`../${view.to.number}`}>
            Report #{view.to.number}
          </Link>
          <button
            type="button"
            className="button"
            onClick={() => void navigator.clipboard?.writeText(view.markdown)}
          >
            Copy as Markdown
          </button>
        </div>
      </section>

      {view.startedActions.length > 0 && <StartedPlan view={view} />}

      <div className="compare-columns">
        <FindingGroup title="Closed" tone="closed" list={view.closed} empty="No finding closed." />
        <FindingGroup title="Opened" tone="opened" list={view.opened} empty="No new finding." />
      </div>

      <section className="card-section" aria-labelledby="cmp-areas">
        <h2 id="cmp-areas">Scores per area</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">#{view.from.number}</th>
                <th scope="col">#{view.to.number}</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {view.areas.map((a) => (
                <tr key={a.area} data-testid="area-delta">
                  <th scope="row">{AREA_LABELS[a.area]}</th>
                  <td>{a.before ?? '—'}</td>
                  <td>{a.after ?? '—'}</td>
                  <td>
                    {a.before === null && a.after !== null ? (
                      <span className="muted small">newly scored</span>
                    ) : (
                      <span className={`delta ${deltaTone(a.delta)}`}>{formatDelta(a.delta)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {view.persisting.length > 0 && (
        <section className="card-section" aria-labelledby="cmp-persisting">
          <h2 id="cmp-persisting">Still open</h2>
          <ul className="plain-list">
            {sortBySeverity(view.persisting).map((f) => (
              <li key={f.id}>
                <Chip tone={`sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</Chip> {f.title}
                {f.severityBefore !== f.severity && (
                  <span className="muted small">
                    {' '}
                    (was {SEVERITY_LABELS[f.severityBefore].toLowerCase()})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card-section" aria-labelledby="cmp-dora">
        <h2 id="cmp-dora">DORA tiers per report year</h2>
        <ul className="plain-list">
          {view.dora.map((d) => (
            <li key={d.year}>
              <strong>{d.year}</strong>: {d.before ? TIER_LABELS[d.before] : 'no tier'} →{' '}
              {d.after ? TIER_LABELS[d.after] : 'no tier'}
            </li>
          ))}
        </ul>
      </section>

      <section className="card-section" aria-labelledby="cmp-triggers">
        <h2 id="cmp-triggers">Hiring triggers</h2>
        {changedTriggers.length === 0 ? (
          <p className="muted">No hiring trigger changed status.</p>
        ) : (
          <ul className="plain-list">
            {changedTriggers.map((t) => (
              <li key={t.id}>
                {t.text}: {TRIGGER_LABELS[t.before]} → <strong>{TRIGGER_LABELS[t.after]}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

const PROGRESS: Record<StartedAction['progress'], { label: string; tone: string }> = {
  done: { label: 'Done', tone: 'badge-team' },
  in_progress: { label: 'In progress', tone: 'badge-muted' },
  not_started: { label: 'Not started', tone: 'badge-muted' },
  cancelled: { label: 'Cancelled', tone: 'badge-muted' },
};

type StartedAction = AssessmentComparisonView['startedActions'][number];

/** The actions of the earlier assessment's plan that were started, with where each task stands. */
function StartedPlan({ view }: { view: AssessmentComparisonView }) {
  const done = view.startedActions.filter((a) => a.progress === 'done').length;
  return (
    <section className="card-section" aria-labelledby="cmp-plan">
      <h2 id="cmp-plan">
        The plan of #{view.from.number}{' '}
        <span className="badge badge-muted">
          {done} of {view.startedActions.length} done
        </span>
      </h2>
      <ul className="plain-list" data-testid="started-actions">
        {view.startedActions.map((a) => (
          <li key={a.actionId}>
            <span className={`badge ${PROGRESS[a.progress].tone}`}>{PROGRESS[a.progress].label}</span>{' '}
            {a.title}{' '}
            <span className="muted small">
              (task #{a.itemNumber}, {HORIZON_LABELS[a.horizon].toLowerCase()})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FindingGroup(props: {
  title: string;
  tone: string;
  list: AssessmentComparisonView['closed'];
  empty: string;
}) {
  const id = `cmp-${props.tone}`;
  return (
    <section className={`card-section finding-group group-${props.tone}`} aria-labelledby={id}>
      <h2 id={id}>
        {props.title} <span className="badge badge-muted">{props.list.length}</span>
      </h2>
      {props.list.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="plain-list" data-testid={`findings-${props.tone}`}>
          {sortBySeverity(props.list).map((f) => (
            <li key={f.id}>
              <Chip tone={`sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</Chip> {f.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
