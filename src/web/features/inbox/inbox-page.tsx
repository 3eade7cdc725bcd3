import { Link } from 'react-router';
import { useInbox } from '../../api/item-hooks';
import { Empty, ErrorState, Loading } from '../../components/states';
import { PromiseAlerts, useIdeas } from '../ideas/promise-alerts';
import { useWorkspace } from '../workspaces/workspace-context';
import { ProposalList } from './proposal-list';
import { WaitingEntry } from './waiting-entry';

const KIND_TITLES = {
  order: 'To place in the order',
  estimate: 'To estimate',
  scope: 'Scope questions',
  review: 'Parked ideas due for review',
} as const;

/** What waits on my decision, oldest first, grouped by kind with counts. */
export function InboxPage() {
  const { workspace, user } = useWorkspace();
  const inbox = useInbox(workspace.id);
  // The promises are read from the plan's simulation: they arrive after the rest, on their own.
  const ideas = useIdeas(workspace.id);
  const promises = ideas.data?.alerts.filter((alert) => alert.mine) ?? [];
  if (inbox.isPending) return <Loading label="Loading the inbox" />;
  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const { entries, counts, proposals } = inbox.data;
  return (
    <div className="page page-inbox">
      <header className="page-header">
        <div>
          <h1>Decision inbox</h1>
          <p className="muted">Everything waiting on a decision that is yours to make, oldest first.</p>
        </div>
        <Link className="button" to={`/w/${workspace.slug}/waiting`}>
          What waits on whom
        </Link>
      </header>
      {ideas.data && promises.length > 0 && (
        <section className="inbox-group" aria-labelledby="inbox-promises">
          <h2 id="inbox-promises">
            Promises at risk <span className="badge badge-muted">{promises.length}</span>
          </h2>
          <PromiseAlerts
            alerts={promises}
            below={ideas.data.alertBelow}
            me={user.id}
            linkTo={(itemId) => `/w/${workspace.slug}/backlog?item=${itemId}`}
          />
        </section>
      )}
      <ProposalList proposals={proposals} />
      {entries.length === 0 && proposals.length === 0 && promises.length === 0 ? (
        <Empty title="Nothing waits on you">
          <p className="muted">
            New items, unestimated work, scope questions, proposals and promised dates at risk that are yours
            will appear here.
          </p>
        </Empty>
      ) : (
        (Object.keys(KIND_TITLES) as (keyof typeof KIND_TITLES)[]).map((kind) => {
          const list = entries.filter((e) => e.kind === kind);
          if (list.length === 0) return null;
          return (
            <section key={kind} className="inbox-group" aria-labelledby={`inbox-${kind}`}>
              <h2 id={`inbox-${kind}`}>
                {KIND_TITLES[kind]} <span className="badge badge-muted">{counts[kind]}</span>
              </h2>
              <ul className="inbox-list">
                {list.map((e) => (
                  <WaitingEntry key={`${kind}-${e.itemId}`} entry={e} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}
