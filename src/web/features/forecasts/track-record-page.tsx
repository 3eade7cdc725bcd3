import './forecasts.css';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useWorkspace } from '../workspaces/workspace-context';
import { CalibrationChart } from './forecast-charts';
import { describeLanding, findPercentile, formatDay, formatShare } from './forecast-format';
import { type TrackRecord, useTrackRecord } from './forecasts-api';
import { ForecastTabs } from './forecasts-page';
import { TrackRecordByKind } from './track-record-kinds';

type Scored = TrackRecord['forecasts'][number];

/** What a stored forecast was about, in words. */
function describeSubject(f: Scored): string {
  if (f.kind === 'throughput_when') return `The next ${String(f.subject.items ?? '?')} items (throughput)`;
  if (f.kind === 'throughput_count') {
    const by = typeof f.subject.by === 'string' ? formatDay(f.subject.by, { today: f.startDate }) : '?';
    return `How many by ${by} (throughput)`;
  }
  return typeof f.subject.title === 'string' ? `${f.subject.title} (plan)` : 'Chosen items (plan)';
}

/** The forecast's P85 and the outcome, in the forecast's own unit. */
function describeP85AndOutcome(f: Scored): { p85: string; outcome: string } {
  const p = findPercentile(f.percentiles, 85);
  if (f.kind === 'throughput_count') {
    return {
      p85: p?.count !== undefined ? `at least ${p.count} items` : '—',
      outcome: `${f.outcome.count ?? 0} items`,
    };
  }
  return {
    p85: p?.date ? formatDay(p.date, { today: f.startDate }) : 'beyond horizon',
    outcome: f.outcome.date ? formatDay(f.outcome.date, { today: f.startDate }) : '—',
  };
}

/** /w/:slug/forecasts/track-record: every finished forecast, scored, and the calibration. */
export function TrackRecordPage() {
  const { workspace } = useWorkspace();
  const record = useTrackRecord(workspace.id);
  return (
    <div className="page page-forecasts">
      <header className="page-header">
        <h1>Forecast track record</h1>
        <ForecastTabs />
      </header>
      {record.isPending ? (
        <Loading label="Scoring past forecasts" />
      ) : record.isError ? (
        <ErrorState error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <TrackRecordBody record={record.data} />
      )}
    </div>
  );
}

function TrackRecordBody({ record }: { record: TrackRecord }) {
  const { forecasts, pending, calibration } = record;
  const waiting =
    pending > 0
      ? `${pending} forecast${pending === 1 ? ' is' : 's are'} still waiting for ${pending === 1 ? 'its' : 'their'} work to finish.`
      : 'No forecast is waiting for its work to finish.';
  if (forecasts.length === 0) {
    return (
      <Empty title="No forecast has been scored yet">
        <p className="muted">
          A forecast is scored once its work has finished: the items all done, or the date passed. {waiting}
        </p>
        <p className="muted">
          Until then there is nothing honest to say about how good the forecasts are, so this page says
          nothing.
        </p>
      </Empty>
    );
  }
  const p85 = calibration.rows.find((r) => r.level === 85);
  const hits = forecasts.filter((f) => f.score.withinP85 === true).length;
  const withP85 = forecasts.filter((f) => f.score.withinP85 !== null).length;
  return (
    <>
      <section className="card-section" aria-labelledby="calibration-heading">
        <h2 id="calibration-heading">Calibration</h2>
        <p className="forecast-answer" data-testid="track-summary">
          {withP85 > 0 ? (
            <>
              <strong>
                {hits} of {withP85}
              </strong>{' '}
              finished forecasts landed at or before their P85 ({formatShare(hits / withP85)}; an honest P85
              is 85%).
            </>
          ) : (
            <>{forecasts.length} finished forecasts.</>
          )}
        </p>
        <p className="muted">
          {p85 && p85.count >= 10
            ? p85.gap < -0.1
              ? 'The forecasts have been too optimistic: work has landed later than promised more often than it should.'
              : p85.gap > 0.1
                ? 'The forecasts have been cautious: work has landed earlier than promised more often than needed.'
                : 'The forecasts have been about as reliable as they claim.'
            : 'Fewer than 10 forecasts have finished: too few to judge the calibration yet.'}{' '}
          {calibration.meanAbsoluteGap !== null &&
            `Mean gap from the diagonal: ${Math.round(calibration.meanAbsoluteGap * 100)} points.`}{' '}
          {waiting}
        </p>
        <CalibrationChart rows={calibration.rows} />
        <div className="table-wrap">
          <table className="table forecast-calibration">
            <caption className="sr-only">Predicted level against observed frequency</caption>
            <thead>
              <tr>
                <th scope="col">Predicted</th>
                <th scope="col">Observed</th>
                <th scope="col">Forecasts</th>
              </tr>
            </thead>
            <tbody>
              {calibration.rows.map((r) => (
                <tr key={r.level}>
                  <td>P{r.level}</td>
                  <td>{formatShare(r.observed)}</td>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <TrackRecordByKind byKind={record.byKind} />
      <section className="card-section" aria-labelledby="scored-heading">
        <h2 id="scored-heading">Finished forecasts</h2>
        <div className="table-wrap">
          <table className="table forecast-scored">
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col">Forecast</th>
                <th scope="col">85% by</th>
                <th scope="col">What happened</th>
                <th scope="col">P85</th>
                <th scope="col">Landed</th>
              </tr>
            </thead>
            <tbody>
              {forecasts
                .slice()
                .reverse()
                .map((f) => {
                  const shown = describeP85AndOutcome(f);
                  return (
                    <tr key={f.id} data-testid="scored-forecast">
                      <td>{formatDay(f.startDate, { today: new Date().toISOString() })}</td>
                      <td>{describeSubject(f)}</td>
                      <td>{shown.p85}</td>
                      <td>{shown.outcome}</td>
                      <td>
                        {f.score.withinP85 === null ? (
                          '—'
                        ) : f.score.withinP85 ? (
                          <span className="verdict verdict-hit">Hit</span>
                        ) : (
                          <span className="verdict verdict-miss">Missed</span>
                        )}
                      </td>
                      <td>{describeLanding(f.score, f.kind === 'throughput_count' ? 'count' : 'date')}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
