import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { BriefView } from '../../../contract';
import { MAX_LINES_PER_SECTION } from '../../../domain/brief';
import { requestApi } from '../../api/client';
import { useInbox } from '../../api/item-hooks';
import { keys } from '../../api/query-keys';
import type { Inbox } from '../../api/types';
import { ErrorState, Loading } from '../../components/states';
import { ProposalList } from '../inbox/proposal-list';
import { WaitingEntry } from '../inbox/waiting-entry';
import { useWorkspace } from '../workspaces/workspace-context';
import { BriefEmail } from './brief-email';
import './brief.css';

type Section = BriefView['sections'][number];

/** The brief since a day (default: the server's, 7 days ago); the last answer stays while a new one loads. */
function useBrief(ws: string, since: string | null) {
  return useQuery({
    queryKey: keys.brief(ws, since),
    queryFn: ({ signal }) => requestApi<BriefView>(`/workspaces/${ws}/brief`, { query: { since }, signal }),
  });
}

/**
 * A section of the brief. The decisions waiting on me are listed from my inbox once it is loaded,
 * each answerable in place; answering one refreshes the inbox and the brief.
 */
function BriefSection({ section, waiting }: { section: Section; waiting: Inbox['entries'] | undefined }) {
  const id = `brief-${section.kind}`;
  if (section.kind === 'waiting' && waiting) return <WaitingSection section={section} entries={waiting} />;
  return (
    <section className="brief-section" aria-labelledby={id}>
      <h2 id={id}>
        {section.title} <span className="badge badge-muted">{section.lines.length + section.more}</span>
      </h2>
      {section.lines.length === 0 ? (
        <p className="muted">{section.empty}</p>
      ) : (
        <ul className="brief-lines">
          {section.lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id; their order is the brief's
            <li key={index} className="brief-line">
              <Link to={line.href}>{line.text}</Link>
              {line.detail && <p className="muted brief-detail">{line.detail}</p>}
            </li>
          ))}
          {section.more > 0 && section.moreHref && (
            <li className="brief-line">
              <Link to={section.moreHref}>{section.more} more</Link>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

function WaitingSection({ section, entries }: { section: Section; entries: Inbox['entries'] }) {
  const id = `brief-${section.kind}`;
  const shown = entries.slice(0, MAX_LINES_PER_SECTION);
  return (
    <section className="brief-section" aria-labelledby={id}>
      <h2 id={id}>
        {section.title} <span className="badge badge-muted">{entries.length}</span>
      </h2>
      {shown.length === 0 ? (
        <p className="muted">{section.empty}</p>
      ) : (
        <ul className="inbox-list">
          {shown.map((entry) => (
            <WaitingEntry key={`${entry.kind}-${entry.itemId}`} entry={entry} showKind />
          ))}
          {entries.length > shown.length && section.moreHref && (
            <li className="inbox-entry">
              <Link to={section.moreHref}>{entries.length - shown.length} more</Link>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

/** The weekly brief: what happened since a day, on one page, each line linking to where to act. */
export function BriefPage() {
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const since = params.get('since');
  const brief = useBrief(workspace.id, since);
  // Proposals and waiting decisions are answered here, in place: answering one refreshes the brief too.
  const inbox = useInbox(workspace.id);
  return (
    <div className="page page-brief">
      <header className="page-header">
        <div>
          <h1>Weekly brief</h1>
          <p className="muted">
            {brief.data
              ? `What happened from ${brief.data.since} to ${brief.data.today}, and what waits on you.`
              : 'What happened since last week, and what waits on you.'}
          </p>
        </div>
        <label className="field-inline">
          Since{' '}
          <input
            type="date"
            value={since ?? brief.data?.since ?? ''}
            max={brief.data?.today}
            onChange={(e) => setParams(e.target.value ? { since: e.target.value } : {}, { replace: true })}
          />
        </label>
      </header>
      <BriefEmail since={since} />
      {brief.isPending ? (
        <Loading label="Building the brief" />
      ) : brief.isError ? (
        <ErrorState error={brief.error} onRetry={() => void brief.refetch()} />
      ) : (
        <>
          <ProposalList proposals={inbox.data?.proposals ?? []} />
          {brief.data.sections.map((section) => (
            <BriefSection key={section.kind} section={section} waiting={inbox.data?.entries} />
          ))}
        </>
      )}
    </div>
  );
}
