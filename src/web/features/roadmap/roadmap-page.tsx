import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { buildUrl } from '../../api/client';
import { useItems } from '../../api/item-hooks';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useWorkspace } from '../workspaces/workspace-context';
import { CalendarFeedsPanel } from './calendar-feeds-panel';
import { formatShortDate, todayLocal } from './dates';
import { MilestoneStrip } from './milestone-strip';
import { NowNextLater } from './now-next-later';
import { ProblemsPanel } from './problems-panel';
import { useMilestoneForecasts, useRoadmap } from './roadmap-api';
import { RoadmapTimeline, type Zoom } from './roadmap-timeline';
import { ScenarioPanel } from './scenario-panel';
import type { TimelineGrouping } from './timeline-layout';
import type { TimelineForecast } from './timeline-milestone';
import { ComparisonPanel, VersionsPanel } from './versions-panel';
import './roadmap.css';

const ItemPanel = lazy(() => import('../item/item-panel').then((m) => ({ default: m.ItemPanel })));

type View = 'timeline' | 'nnl' | 'whatif';
const VIEWS: { key: View; label: string }[] = [
  { key: 'timeline', label: 'Timeline' },
  { key: 'nnl', label: 'Now / next / later' },
  { key: 'whatif', label: 'What-if' },
];

function Segmented<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: { key: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="segmented">
      <legend className="sr-only">{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.key} className={props.value === o.key ? 'is-active' : ''}>
          <input
            type="radio"
            name={props.name}
            value={o.key}
            checked={props.value === o.key}
            onChange={() => props.onChange(o.key)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The roadmap: timeline, now/next/later, what-if scenarios, published versions and slips. */
export function RoadmapPage() {
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v.key === params.get('view'))?.key ?? 'timeline';
  const grouping: TimelineGrouping = params.get('group') === 'initiative' ? 'initiative' : 'person';
  const zoom: Zoom = params.get('zoom') === 'months' ? 'months' : 'weeks';
  const compareTo = params.get('compare');
  const openId = params.get('item');
  const roadmap = useRoadmap(workspace.id, compareTo);
  const backlog = useItems(workspace.id, {});
  const today = todayLocal();
  // The same forecasts as the milestone cards (one shared query): the timeline tells their story.
  const forecasts = useMilestoneForecasts(workspace.id);
  const milestoneForecasts = useMemo(() => {
    const view = forecasts.data;
    if (!view) return undefined;
    return new Map<string, TimelineForecast>(
      view.milestones.map((forecast) => [forecast.id, { start: view.start, forecast }]),
    );
  }, [forecasts.data]);

  const setParam = useCallback(
    (key: string, value: string | null) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: key === 'item' },
      ),
    [setParams],
  );
  const open = useCallback((id: string | null) => setParam('item', id), [setParam]);

  const labels = useMemo(() => {
    const map = new Map<string, string>();
    for (const it of backlog.data ?? []) map.set(it.id, `#${it.number} ${it.title}`);
    for (const it of roadmap.data?.items ?? []) map.set(it.itemId, `#${it.number} ${it.title}`);
    return map;
  }, [backlog.data, roadmap.data]);

  const itemOptions = useMemo(() => {
    const plan = roadmap.data;
    if (!plan) return [];
    const planned = [...plan.items]
      .sort((a, b) => a.rank - b.rank)
      .map((i) => ({ id: i.itemId, label: `#${i.number} ${i.title}` }));
    const rest = plan.unplanned
      .filter((u) => labels.has(u.itemId))
      .map((u) => ({ id: u.itemId, label: `${labels.get(u.itemId)} (not planned)` }));
    return [...planned, ...rest];
  }, [roadmap.data, labels]);

  const slips = useMemo(() => {
    const comparison = roadmap.data?.comparison;
    if (!comparison) return undefined;
    return new Map(comparison.items.map((s) => [s.id, s.slipDays] as const));
  }, [roadmap.data]);

  if (roadmap.isPending) return <Loading label="Planning the roadmap" />;
  if (roadmap.isError) return <ErrorState error={roadmap.error} onRetry={() => void roadmap.refetch()} />;
  const plan = roadmap.data;

  return (
    <div className="page page-roadmap">
      <header className="page-header">
        <div>
          <h1>Roadmap</h1>
          <p className="muted roadmap-summary">
            {plan.status === 'planned'
              ? `${plan.items.length} items on ${plan.people.length} people, ${formatShortDate(plan.startDate)} to ${formatShortDate(plan.endDate)}. Planned in the product order with the team’s skills, FTE and dependencies.`
              : 'Nothing to plan yet.'}
          </p>
        </div>
        <div className="roadmap-header-actions">
          <Segmented
            legend="View"
            name="roadmap-view"
            value={view}
            options={VIEWS}
            onChange={(v) => setParam('view', v === 'timeline' ? null : v)}
          />
          <a
            className="button"
            href={buildUrl(`/workspaces/${workspace.id}/roadmap/export.md`)}
            download
            title="Download this plan as Markdown, to paste into a wiki or an email"
          >
            Export Markdown
          </a>
        </div>
      </header>

      {plan.status === 'planned' && view !== 'whatif' && (
        <MilestoneStrip plan={plan} items={backlog.data} onOpen={open} />
      )}

      {plan.comparison && view !== 'whatif' && (
        <ComparisonPanel
          comparison={plan.comparison}
          onOpen={open}
          onClose={() => setParam('compare', null)}
        />
      )}

      {plan.status === 'empty' ? (
        <Empty title="No plannable work yet">
          <p className="muted">
            The roadmap plans open features, tasks and bugs that have an estimate, on members with an FTE
            above 0. Estimate a few items in the backlog and they appear here.
          </p>
        </Empty>
      ) : view === 'timeline' ? (
        <>
          <div className="roadmap-toolbar">
            <Segmented
              legend="Group the timeline"
              name="roadmap-group"
              value={grouping}
              options={[
                { key: 'person', label: 'By person' },
                { key: 'initiative', label: 'By initiative' },
              ]}
              onChange={(g) => setParam('group', g === 'person' ? null : g)}
            />
            <Segmented
              legend="Zoom"
              name="roadmap-zoom"
              value={zoom}
              options={[
                { key: 'weeks', label: 'Weeks' },
                { key: 'months', label: 'Months' },
              ]}
              onChange={(z) => setParam('zoom', z === 'weeks' ? null : z)}
            />
            <span className="roadmap-legend muted small" aria-hidden="true">
              <span className="key key-bar" /> planned work <span className="key key-critical" /> critical
              chain <span className="key key-diamond" /> milestone, 85% likely by{' '}
              <span className="key key-target" /> target <span className="key key-today" /> today
            </span>
          </div>
          {roadmap.isFetching && roadmap.isPlaceholderData && <Loading label="Comparing" />}
          <RoadmapTimeline
            roadmap={plan}
            grouping={grouping}
            zoom={zoom}
            today={today}
            slips={slips}
            forecasts={milestoneForecasts}
            onOpen={open}
          />
          <p className="muted small">
            Hover or focus a bar to see why it starts when it does; click it to open the item.
          </p>
        </>
      ) : view === 'nnl' ? (
        <NowNextLater roadmap={plan} onOpen={open} />
      ) : null}

      {view === 'whatif' && (
        <ScenarioPanel workspaceId={workspace.id} roadmap={plan} itemOptions={itemOptions} onOpen={open} />
      )}

      {view !== 'whatif' && (
        <div className="roadmap-columns">
          <ProblemsPanel problems={plan.problems} labels={labels} onOpen={open} />
          <VersionsPanel
            workspaceId={workspace.id}
            compareTo={compareTo}
            onCompare={(id) => setParam('compare', id)}
          />
        </div>
      )}
      {view !== 'whatif' && plan.rules.length > 0 && (
        <details className="roadmap-rules">
          <summary>How this plan is made</summary>
          <ul>
            {plan.rules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      )}
      {view !== 'whatif' && <CalendarFeedsPanel workspaceId={workspace.id} />}
      {openId && (
        <Suspense fallback={null}>
          <ItemPanel itemId={openId} onClose={() => open(null)} onOpen={open} />
        </Suspense>
      )}
    </div>
  );
}
