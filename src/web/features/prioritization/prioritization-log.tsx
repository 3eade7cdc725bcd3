import { ErrorState, Loading } from '../../components/states';
import { usePrioritizationLog } from './prioritization-api';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Workspace-wide prioritization decisions: orders applied and formulas changed, newest first. */
export function PrioritizationLog({ ws }: { ws: string }) {
  const log = usePrioritizationLog(ws);
  return (
    <section className="card-section" aria-labelledby="prio-log-heading">
      <h2 id="prio-log-heading">Decision log</h2>
      {log.isPending ? (
        <Loading label="Loading decisions" />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.length === 0 ? (
        <p className="muted">No order applied and no formula changed yet.</p>
      ) : (
        <ol className="timeline" data-testid="prioritization-log">
          {log.data.slice(0, 10).map((d) => (
            <li key={d.id}>
              <strong>{d.actorName}</strong> {d.summary}
              {d.rationale && <span className="rationale"> — “{d.rationale}”</span>}{' '}
              <span className="muted">{dateTime.format(new Date(d.createdAt))}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
