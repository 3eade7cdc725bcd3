import './delivery.css';
import { useSearchParams } from 'react-router';
import { addDays } from '../../../domain/shared/calendar';
import { ErrorState, Loading } from '../../components/states';
import { useWorkspace } from '../workspaces/workspace-context';
import { AgingList } from './aging-list';
import { type FlowMetricsView, useFlowMetrics } from './delivery-api';
import { CumulativeFlowChart, CycleTimeScatter, WeeklyThroughputChart } from './delivery-charts';
import { describeTimeNotWorked, formatDays, PERIODS } from './delivery-format';
import { DoraPanel } from './dora-panel';
import { IngestTokensPanel } from './ingest-tokens-panel';

const DEFAULT_DAYS = 90;

/** /w/:slug/delivery: how work actually flows — cycle time, throughput, cumulative flow, aging work. */
export function DeliveryPage() {
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const today = new Date().toISOString().slice(0, 10);
  const asked = Number(params.get('days'));
  const days = PERIODS.find((p) => p === asked) ?? DEFAULT_DAYS;
  const person = params.get('person');
  const from = addDays(today, 1 - days);
  const metrics = useFlowMetrics(workspace.id, { from, to: today, person });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <div className="page page-delivery">
      <header className="page-header">
        <h1>Delivery</h1>
      </header>
      <div className="delivery-filters">
        <label>
          Period{' '}
          <select value={days} onChange={(e) => set('days', e.target.value)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                last {p} days
              </option>
            ))}
          </select>
        </label>
        <label>
          Person{' '}
          <select value={person ?? ''} onChange={(e) => set('person', e.target.value || null)}>
            <option value="">everyone</option>
            {(metrics.data?.people ?? []).map((p) => (
              <option key={p.key} value={p.key}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {metrics.isPending ? (
        <Loading label="Reading the state history" />
      ) : metrics.isError ? (
        <ErrorState error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : (
        <DeliveryBody metrics={metrics.data} today={today} />
      )}
      <DoraPanel workspaceId={workspace.id} from={from} to={today} />
      <IngestTokensPanel workspaceId={workspace.id} />
    </div>
  );
}

function DeliveryBody({ metrics, today }: { metrics: FlowMetricsView; today: string }) {
  const c = metrics.cycleTimeDays;
  const notWorked = describeTimeNotWorked(metrics);
  return (
    <>
      <p className="muted delivery-intro">
        {metrics.person ? `${metrics.person.name}’s work` : 'All features, tasks and bugs'}, {metrics.from} to{' '}
        {metrics.to}. Definition: {metrics.definition}.
      </p>
      <section className="card-section" aria-labelledby="cycle-heading">
        <h2 id="cycle-heading">Cycle time</h2>
        <dl className="delivery-percentiles" data-testid="cycle-percentiles">
          <div>
            <dt>Finished</dt>
            <dd>{c.count}</dd>
          </div>
          {(['50', '70', '85', '95'] as const).map((level) => (
            <div key={level}>
              <dt>{level}% within</dt>
              <dd>{formatDays(c[level])}</dd>
            </div>
          ))}
        </dl>
        {c.count === 0 ? (
          <p className="muted">Nothing started and finished in this period.</p>
        ) : (
          <CycleTimeScatter metrics={metrics} today={today} />
        )}
        {metrics.finishedWithoutStart > 0 && (
          <p className="muted">
            {metrics.finishedWithoutStart} more finished without ever being started: they count in throughput,
            without a cycle time.
          </p>
        )}
      </section>
      <section className="card-section" aria-labelledby="aging-heading">
        <h2 id="aging-heading">Aging work in progress</h2>
        <p className="muted">
          Each started item’s age since it started, against the cycle times of the work finished in the
          period: past the 85th percentile, it is already slower than most work.
        </p>
        <AgingList rows={metrics.aging} p85={c['85']} />
      </section>
      <section className="card-section" aria-labelledby="throughput-heading">
        <h2 id="throughput-heading">Throughput</h2>
        <p className="muted">{metrics.throughput.total} items finished, per week (Monday to Sunday).</p>
        <WeeklyThroughputChart metrics={metrics} today={today} />
      </section>
      <section className="card-section" aria-labelledby="wip-heading">
        <h2 id="wip-heading">Work in progress: {metrics.wip.total}</h2>
        <div className="delivery-wip">
          <WipTable
            caption="By state (now, against each state's WIP limit)"
            rows={metrics.wip.byWorkflowState.map((s) => ({
              key: s.stateId,
              label: s.name,
              count: s.count,
              ...(s.wipLimit === null ? {} : { limit: s.wipLimit }),
            }))}
          />
          <WipTable
            caption="By person"
            rows={metrics.wip.byPerson.map((p) => ({
              key: p.person?.key ?? '',
              label: p.person?.name ?? 'unassigned',
              count: p.count,
            }))}
          />
        </div>
      </section>
      <section className="card-section" aria-labelledby="not-worked-heading">
        <h2 id="not-worked-heading">Blocked and waiting time</h2>
        <p className="muted">
          Within the cycle times of the work finished in the period: time in states the workflow marks
          blocked, and flow efficiency, the share of cycle time worked (time in states marked waiting or
          blocked counts as waiting, once a started state is marked waiting). Mark states on the board’s
          workflow.
        </p>
        {notWorked.figures.length > 0 && (
          <dl className="delivery-percentiles" data-testid="time-not-worked">
            {notWorked.figures.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {notWorked.missing.map((reason) => (
          <p key={reason} className="muted">
            {reason}
          </p>
        ))}
      </section>
      <details className="card-section delivery-cfd">
        <summary>
          <h2>Cumulative flow</h2>
        </summary>
        <p className="muted">
          Items in each state at the end of each day. A widening band is work piling up.
        </p>
        <CumulativeFlowChart metrics={metrics} today={today} />
      </details>
    </>
  );
}

function WipTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { key: string; label: string; count: number; limit?: number }[];
}) {
  return (
    <table className="table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className={r.limit !== undefined && r.count > r.limit ? 'wip-warning' : undefined}>
              {r.limit === undefined ? r.count : `${r.count}/${r.limit}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
