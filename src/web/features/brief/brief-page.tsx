import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { BriefView } from '../../../contract';
import { requestApi } from '../../api/client';
import { useInbox } from '../../api/item-hooks';
import { keys } from '../../api/query-keys';
import { ErrorState, Loading } from '../../components/states';
import { ProposalList } from '../inbox/proposal-list';
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

function BriefSection({ section }: { section: Section }) {
  const id = `brief-${section.kind}`;
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

/** The weekly brief: what happened since a day, on one page, each line linking to where to act. */
export function BriefPage() {
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const since = params.get('since');
  const brief = useBrief(workspace.id, since);
  // Proposals are answered here, in place: accepting or declining one refreshes the brief too.
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
            <BriefSection key={section.kind} section={section} />
          ))}
        </>
      )}
    </div>
  );
}
