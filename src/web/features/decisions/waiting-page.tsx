import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../domain/decision-rights';
import { useWaitsOnWhom } from '../../api/decision-hooks';
import type { WaitsOnWhom } from '../../api/types';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useWorkspace } from '../workspaces/workspace-context';
import './decisions.css';

type Group = WaitsOnWhom['unheld'][number];

const NOUNS: Record<Group['kind'], [string, string]> = {
  order: ['item to place in the order', 'items to place in the order'],
  estimate: ['estimate', 'estimates'],
  scope: ['scope question', 'scope questions'],
  review: ['parked idea due for review', 'parked ideas due for review'],
};

/** "15 estimates waiting for up to 175 days". */
export function describeGroup(group: Pick<Group, 'kind' | 'count' | 'oldestDays'>): string {
  const [one, many] = NOUNS[group.kind];
  const age =
    group.oldestDays === 0
      ? 'since today'
      : `for up to ${group.oldestDays} day${group.oldestDays === 1 ? '' : 's'}`;
  return `${group.count} ${group.count === 1 ? one : many} waiting ${age}`;
}

/** Where a kind of waiting work can be acted on. */
function actionFor(slug: string, group: Group): { to: string; label: string } {
  if (group.kind === 'review') return { to: `/w/${slug}/ideas`, label: 'Review them on the Ideas page' };
  if (group.kind === 'estimate') return { to: `/w/${slug}/estimation/sessions`, label: 'Estimate them' };
  if (group.kind === 'scope') {
    return { to: `/w/${slug}/backlog?item=${group.items[0]?.itemId ?? ''}`, label: 'Answer the oldest' };
  }
  return { to: `/w/${slug}/backlog`, label: 'Order them in the backlog' };
}

/**
 * What waits on whom: for the founder and the product owner, per person, what waits on their
 * decision, how many and for how long, each with a link to where it can be done.
 */
export function WaitingPage() {
  const { workspace } = useWorkspace();
  const waiting = useWaitsOnWhom(workspace.id);
  return (
    <div className="page page-waiting">
      <header className="page-header">
        <div>
          <h1>What waits on whom</h1>
          <p className="muted">
            Decisions the team is waiting for, per person who holds them, oldest first.{' '}
            <Link to={`/w/${workspace.slug}/inbox`}>Your own inbox</Link>
          </p>
        </div>
      </header>
      {waiting.isPending ? (
        <Loading label="Counting what waits" />
      ) : waiting.isError ? (
        <ErrorState error={waiting.error} onRetry={() => void waiting.refetch()} />
      ) : waiting.data.people.length === 0 && waiting.data.unheld.length === 0 ? (
        <Empty title="Nothing waits on anyone">
          <p className="muted">New items, unestimated work and scope questions will show here.</p>
        </Empty>
      ) : (
        <ul className="waiting-people">
          {waiting.data.people.map((p) => (
            <li key={p.userId} className="waiting-person" data-testid="waiting-person">
              <h2>
                {p.name} <span className="muted small">({ROLE_LABELS[p.role]})</span>
              </h2>
              <p className="muted small">
                {p.total} waiting, the oldest for {p.oldestDays} day{p.oldestDays === 1 ? '' : 's'}
              </p>
              {p.groups.map((g) => (
                <WaitingGroup key={g.kind} group={g} />
              ))}
            </li>
          ))}
          {waiting.data.unheld.length > 0 && (
            <li className="waiting-person">
              <h2>Nobody yet</h2>
              <p className="muted small">
                Nobody on the team holds these decisions: give them a holder on the Team page.
              </p>
              {waiting.data.unheld.map((g) => (
                <WaitingGroup key={g.kind} group={g} />
              ))}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

function WaitingGroup({ group }: { group: Group }) {
  const { workspace } = useWorkspace();
  const action = actionFor(workspace.slug, group);
  return (
    <div className="waiting-group" data-testid="waiting-group">
      <p>
        <strong>{describeGroup(group)}</strong>
        {group.interim && <span className="muted small"> (held by the founder for now)</span>} ·{' '}
        <Link to={action.to}>{action.label}</Link>
      </p>
      <ul className="small">
        {group.items.map((it) => (
          <li key={it.itemId}>
            <Link to={`/w/${workspace.slug}/backlog?item=${it.itemId}`}>
              #{it.number} {it.title}
            </Link>{' '}
            <span className="muted">
              {it.ageDays} day{it.ageDays === 1 ? '' : 's'}
            </span>
          </li>
        ))}
        {group.count > group.items.length && (
          <li className="muted">and {group.count - group.items.length} more</li>
        )}
      </ul>
    </div>
  );
}
