import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { PortfolioView, PortfolioWorkspace } from '../../../contract';
import { ROLE_LABELS } from '../../../domain/decision-rights';
import { requestApi } from '../../api/client';
import { keys } from '../../api/query-keys';
import { ErrorState, Loading } from '../../components/states';
import { formatShare } from '../forecasts/forecast-format';
import { HealthCallLine } from '../roadmap/health-updates';
import '../brief/brief.css';

const WAITING_WORDS: [keyof PortfolioWorkspace['waiting']['counts'], string][] = [
  ['order', 'to order'],
  ['estimate', 'to estimate'],
  ['scope', 'scope questions'],
  ['review', 'parked ideas to review'],
  ['proposals', 'proposals'],
];

/** "3 decisions wait on you, the oldest for 12 days (2 to order, 1 to estimate)". */
function describeWaiting(waiting: PortfolioWorkspace['waiting']): string {
  if (waiting.count === 0) return 'Nothing waits on you.';
  const parts = WAITING_WORDS.filter(([kind]) => waiting.counts[kind] > 0).map(
    ([kind, words]) => `${waiting.counts[kind]} ${words}`,
  );
  const oldest =
    waiting.oldestDays === null
      ? ''
      : `, the oldest for ${waiting.oldestDays} day${waiting.oldestDays === 1 ? '' : 's'}`;
  return `${waiting.count} decision${waiting.count === 1 ? ' waits' : 's wait'} on you${oldest} (${parts.join(', ')}).`;
}

function Milestone({ milestone }: { milestone: PortfolioWorkspace['milestones'][number] }) {
  return (
    <li className="brief-line">
      <Link to={milestone.href}>
        {milestone.number === null ? '' : `#${milestone.number} `}
        {milestone.title}
      </Link>
      <p className="muted brief-detail">
        {milestone.p85 ? `P85 ${milestone.p85}` : 'No forecast yet'}
        {milestone.targetDate ? ` · target ${milestone.targetDate}` : ''}
        {milestone.probabilityOnTime !== null
          ? ` · ${formatShare(milestone.probabilityOnTime)} chance of the target`
          : ''}
      </p>
      {milestone.health && (
        <HealthCallLine update={milestone.health} probabilityOnTime={milestone.probabilityOnTime} />
      )}
    </li>
  );
}

function Company({ ws }: { ws: PortfolioWorkspace }) {
  const id = `portfolio-${ws.workspaceId}`;
  return (
    <section className="brief-section" aria-labelledby={id} data-testid="portfolio-workspace">
      <h2 id={id}>
        {ws.name} <span className="badge badge-muted">{ROLE_LABELS[ws.role]}</span>
      </h2>
      {ws.failed ? (
        <p role="alert">{ws.failed}</p>
      ) : (
        <>
          <p>
            <Link to={ws.waiting.href}>{describeWaiting(ws.waiting)}</Link>{' '}
            <Link to={ws.briefHref}>Open the brief</Link>
          </p>
          {ws.milestones.length === 0 ? (
            <p className="muted">No milestone on the roadmap.</p>
          ) : (
            <ul className="brief-lines">
              {ws.milestones.map((m) => (
                <Milestone key={m.id} milestone={m} />
              ))}
            </ul>
          )}
          <p className="muted">
            {ws.assessment ? (
              <Link to={ws.assessment.href}>
                Last assessment #{ws.assessment.number}:{' '}
                {ws.assessment.overall === null ? 'no score' : `${Math.round(ws.assessment.overall)} / 100`} (
                {ws.assessment.createdAt.slice(0, 10)})
              </Link>
            ) : (
              'No assessment yet.'
            )}
          </p>
        </>
      )}
    </section>
  );
}

/** /portfolio : every workspace's headline, the one that needs you most first. */
export function PortfolioPage() {
  const portfolio = useQuery({
    queryKey: keys.portfolio,
    queryFn: ({ signal }) => requestApi<PortfolioView>('/portfolio', { signal }),
  });
  return (
    <main className="page page-brief">
      <header className="page-header">
        <div>
          <h1>Portfolio</h1>
          <p className="muted">
            {portfolio.data?.order ?? 'Every company you belong to, the one that needs you most first.'}
          </p>
        </div>
        <Link to="/workspaces">All workspaces</Link>
      </header>
      {portfolio.isPending ? (
        <Loading label="Reading every workspace" />
      ) : portfolio.isError ? (
        <ErrorState error={portfolio.error} onRetry={() => void portfolio.refetch()} />
      ) : (
        portfolio.data.workspaces.map((ws) => <Company key={ws.workspaceId} ws={ws} />)
      )}
    </main>
  );
}
