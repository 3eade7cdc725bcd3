import { useMemo, useState } from 'react';
import { addDays, readDayNumber } from '../../../domain/shared';
import type { Item } from '../../api/types';
import { ErrorState, Loading } from '../../components/states';
import { useWorkspace } from '../workspaces/workspace-context';
import { buildBurnUp } from './burn-up';
import { FanChart, FinishHistogram } from './forecast-charts';
import {
  buildFinishBars,
  chanceDoneBy,
  describeCalibrationStatus,
  findPercentile,
  formatDay,
  formatShare,
} from './forecast-format';
import { Headline, PercentileRow, TooLittleHistory } from './forecast-parts';
import { type ThroughputForecastOk, type ThroughputQuestion, useThroughputForecast } from './forecasts-api';

const LEAVES = new Set<Item['type']>(['feature', 'task', 'bug']);

/** A throughput forecast: when the next N items will be done, or how many by a date. */
export function ThroughputForecastView(props: { question: ThroughputQuestion; items: Item[] }) {
  const { workspace } = useWorkspace();
  const [excludeBulk, setExcludeBulk] = useState(false);
  const forecast = useThroughputForecast(workspace.id, props.question, excludeBulk);
  const bulkToggle = (
    <label className="forecast-toggle">
      <input type="checkbox" checked={excludeBulk} onChange={(e) => setExcludeBulk(e.target.checked)} /> Leave
      out bulk clean-ups (10 or more items closed minutes apart)
    </label>
  );
  if (forecast.isPending) return <Loading label="Simulating the team's throughput" />;
  if (forecast.isError) return <ErrorState error={forecast.error} onRetry={() => void forecast.refetch()} />;
  if (forecast.data.status === 'insufficient-history') {
    return (
      <>
        <TooLittleHistory answer={forecast.data} />
        {bulkToggle}
      </>
    );
  }
  return (
    <ThroughputResult
      data={forecast.data}
      items={props.items}
      refreshing={forecast.isFetching}
      excludeBulk={excludeBulk}
    >
      {bulkToggle}
    </ThroughputResult>
  );
}

function ThroughputResult(props: {
  data: ThroughputForecastOk;
  items: Item[];
  refreshing: boolean;
  excludeBulk: boolean;
  children: React.ReactNode;
}) {
  const { data, items, refreshing, excludeBulk } = props;
  const { start, basis } = data;
  const when = data.kind === 'throughput_when';
  const p95 = findPercentile(data.percentiles, 95);
  const horizonDays = when
    ? Math.max(14, Math.ceil(((p95?.dayOffset ?? 60) + 1) * 1.1))
    : readDayNumber(data.by ?? start) - readDayNumber(start) + 1;
  const burnUp = useMemo(
    () =>
      buildBurnUp({
        completedAt: items
          .filter((it) => LEAVES.has(it.type) && it.state === 'done' && it.completedAt)
          .map((it) => it.completedAt as string),
        start,
        windowDays: data.windowDays,
        horizonDays,
        excludeBulk,
      }),
    [items, start, data.windowDays, horizonDays, excludeBulk],
  );
  const bars = useMemo(
    () => buildFinishBars({ histogram: data.finishHistogram ?? [], trials: data.trials, start }),
    [data.finishHistogram, data.trials, start],
  );
  const history = `${basis.history.items} items finished on ${basis.history.activeDays} of the ${basis.history.sampleDays} days from ${formatDay(basis.history.from, { today: start })} to ${formatDay(basis.history.to, { today: start })}`;
  return (
    <div className="forecast-result" data-testid="forecast-panel" aria-busy={refreshing}>
      <section className="card-section" aria-labelledby="throughput-heading">
        <div className="section-head">
          <h2 id="throughput-heading">
            {when
              ? `The next ${data.items} items`
              : `Items done by ${formatDay(data.by ?? start, { today: start })}`}
          </h2>
          {refreshing && (
            <span className="muted small" role="status">
              Re-running the forecast…
            </span>
          )}
        </div>
        {when ? (
          <Headline start={start} percentiles={data.percentiles}>
            From the team’s own throughput: {history}; {data.trials.toLocaleString('en')} simulated futures.
          </Headline>
        ) : (
          <CountHeadline data={data} history={history} />
        )}
        <CalibrationStatus data={data} />
        <PercentileRow start={start} percentiles={data.percentiles} unit={when ? 'date' : 'count'} />
        {when && <DateChance data={data} />}
        {basis.notes.length > 0 && (
          <ul className="plain-list muted small">
            {basis.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
            {basis.bulkExcluded > 0 && <li>{basis.bulkExcluded} items from bulk clean-ups left out.</li>}
          </ul>
        )}
        {props.children}
      </section>
      {when && bars.bars.length > 0 && (
        <section className="card-section" aria-labelledby="finish-heading">
          <h2 id="finish-heading">
            When the simulated futures finish
            {data.calibration.status === 'calibrated' ? ' (before calibration)' : ''}
          </h2>
          <FinishHistogram
            bars={bars.bars}
            bucketDays={bars.bucketDays}
            start={start}
            p85={findPercentile(data.percentiles, 85)?.date ?? null}
          />
        </section>
      )}
      <section className="card-section" aria-labelledby="fan-heading">
        <h2 id="fan-heading">Burn-up and likely futures</h2>
        {burnUp.status === 'ok' ? (
          <FanChart
            points={burnUp.points}
            start={start}
            goal={when ? burnUp.base + (data.items ?? 0) : null}
            goalLabel={`${data.items ?? 0} more items`}
          />
        ) : (
          <p className="muted">The completions this browser can see are too few to draw likely futures.</p>
        )}
      </section>
    </div>
  );
}

function CountHeadline({ data, history }: { data: ThroughputForecastOk; history: string }) {
  const p85 = findPercentile(data.percentiles, 85)?.count ?? 0;
  return (
    <div className="forecast-headline">
      <p className="forecast-answer" data-testid="forecast-headline">
        85% likely to finish at least <strong>{p85} items</strong> by{' '}
        {formatDay(data.by ?? data.start, { today: data.start, weekday: true })}
      </p>
      <p className="muted">
        From the team’s own throughput: {history}; {data.trials.toLocaleString('en')} simulated futures. Work
        done today counts.
      </p>
    </div>
  );
}

function DateChance({ data }: { data: ThroughputForecastOk }) {
  const p85 = findPercentile(data.percentiles, 85)?.date;
  const [date, setDate] = useState(p85 ?? addDays(data.start, 30));
  const share = chanceDoneBy({
    chanceByDay: data.calibration.chanceByDay,
    histogram: data.finishHistogram ?? [],
    trials: data.trials,
    dayOffset: readDayNumber(date) - readDayNumber(data.start),
  });
  return (
    <div className="forecast-target">
      <label className="field forecast-inline-field">
        <span>Probability of hitting</span>
        <input
          type="date"
          value={date}
          min={data.start}
          onChange={(e) => e.target.value && setDate(e.target.value)}
        />
      </label>
      <p className="forecast-chance" data-testid="target-chance" aria-live="polite">
        <strong>{formatShare(share)}</strong> likely that {data.items} items are done by{' '}
        {formatDay(date, { today: data.start })}.
      </p>
    </div>
  );
}

/** Where the forecast stands on the team's own record: calibrated, calibrating, or too little data. */
function CalibrationStatus({ data }: { data: ThroughputForecastOk }) {
  const { title, detail } = describeCalibrationStatus(data.calibration);
  return (
    <p className={`forecast-calibration is-${data.calibration.status}`} data-testid="forecast-calibration">
      <strong>{title}.</strong> <span className="muted">{detail}</span>
    </p>
  );
}
