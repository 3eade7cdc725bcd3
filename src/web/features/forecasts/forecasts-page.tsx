import './forecasts.css';
import { NavLink, useSearchParams } from 'react-router';
import { useItems } from '../../api/item-hooks';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useWorkspace } from '../workspaces/workspace-context';
import { PlanForecastView } from './plan-forecast-view';
import { type ForecastSubject, readSubject, SubjectPicker, writeSubject } from './subject-picker';
import { ThroughputForecastView } from './throughput-forecast-view';

const NO_FILTERS = {};

/** The tabs shared by the forecast pages. */
export function ForecastTabs() {
  const { workspace } = useWorkspace();
  const base = `/w/${workspace.slug}/forecasts`;
  return (
    <nav className="forecast-tabs" aria-label="Forecasts">
      <NavLink to={base} end className="forecast-tab">
        Forecast
      </NavLink>
      <NavLink to={`${base}/track-record`} className="forecast-tab">
        Track record
      </NavLink>
    </nav>
  );
}

/** /w/:slug/forecasts: "when will it be done?" for a milestone, chosen items, or from throughput. */
export function ForecastsPage() {
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const items = useItems(workspace.id, NO_FILTERS);
  const today = new Date().toISOString().slice(0, 10);
  const subject = readSubject(params, today);
  const choose = (next: ForecastSubject) => setParams(writeSubject(next), { replace: false });
  return (
    <div className="page page-forecasts">
      <header className="page-header">
        <h1>Forecasts</h1>
        <ForecastTabs />
      </header>
      <p className="muted forecast-intro">
        When will it be done? Answered with probabilities from the plan or the team’s own throughput, never a
        single date. Every forecast shown is kept and later scored against what happened.
      </p>
      {items.isPending ? (
        <Loading label="Loading the backlog" />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <>
          <SubjectPicker subject={subject} items={items.data} today={today} onChange={choose} />
          <ForecastFor subject={subject} items={items.data} />
        </>
      )}
    </div>
  );
}

function ForecastFor({
  subject,
  items,
}: {
  subject: ForecastSubject;
  items: NonNullable<ReturnType<typeof useItems>['data']>;
}) {
  switch (subject.mode) {
    case 'milestone':
      return subject.id ? (
        <PlanForecastView key={subject.id} subject={{ milestone: subject.id }} items={items} />
      ) : (
        <Empty title="Pick a milestone">
          <p className="muted">
            Choose an initiative or epic above to see when its open work is likely done, item by item.
          </p>
        </Empty>
      );
    case 'items':
      return subject.ids.length > 0 ? (
        <PlanForecastView key={subject.ids.join(',')} subject={{ items: subject.ids }} items={items} />
      ) : (
        <Empty title="Choose the items to forecast">
          <p className="muted">Tick any open features, tasks or bugs, then forecast them together.</p>
        </Empty>
      );
    case 'next':
      return <ThroughputForecastView question={{ items: subject.count }} items={items} />;
    case 'by':
      return <ThroughputForecastView question={{ by: subject.date }} items={items} />;
  }
}
