import type { ReactNode } from 'react';
import { ErrorState, Loading } from '../../components/states';
import { formatHours, formatShare } from './delivery-format';
import { type DoraMeasuresView, useDoraMeasures } from './dora-api';

type Tier = 'elite' | 'high' | 'medium' | 'low';
type Metric = 'deploy-frequency' | 'lead-time' | 'change-fail-rate' | 'recovery-time';

/**
 * The four DORA measures of the period, from the deployment and incident events sent with an
 * ingest token, each with its tier in the newest report year (the source is named).
 */
export function DoraPanel(props: { workspaceId: string; from: string; to: string }) {
  const dora = useDoraMeasures(props.workspaceId, props.from, props.to);
  return (
    <section className="card-section" aria-labelledby="dora-heading">
      <h2 id="dora-heading">DORA measures</h2>
      {dora.isPending ? (
        <Loading label="Measuring the delivery events" />
      ) : dora.isError ? (
        <ErrorState error={dora.error} onRetry={() => void dora.refetch()} />
      ) : (
        <DoraMeasures measures={dora.data} />
      )}
    </section>
  );
}

function DoraMeasures({ measures: m }: { measures: DoraMeasuresView }) {
  const year = m.tiers[0];
  const tierOf = (metric: Metric) => (year?.metrics[metric] ?? null) as Tier | null;
  const none = m.changeFailure.deployments === 0 && m.timeToRestore.count === 0 && m.timeToRestore.open === 0;
  if (none) {
    return (
      <p className="muted">
        No deployment or incident was recorded for {m.environment} in this period. Create an ingest token
        below and send events from your deployment pipeline and incident tool (see the README for a curl
        example).
      </p>
    );
  }
  return (
    <>
      <dl className="dora-measures" data-testid="dora-measures">
        <Measure label="Deployment frequency" tier={tierOf('deploy-frequency')}>
          {m.deploymentFrequency.perWeek.toFixed(1)} a week
          <small>{m.deploymentFrequency.deployments} successful deployments</small>
        </Measure>
        <Measure label="Lead time for changes" tier={tierOf('lead-time')}>
          {formatHours(m.leadTime.medianHours)}
          <small>
            median of {m.leadTime.count} changes; P85 {formatHours(m.leadTime.p85Hours)}
          </small>
        </Measure>
        <Measure label="Change failure rate" tier={tierOf('change-fail-rate')}>
          {formatShare(m.changeFailure.rate)}
          <small>
            {m.changeFailure.failed} of {m.changeFailure.deployments} deployments
          </small>
        </Measure>
        <Measure label="Time to restore" tier={tierOf('recovery-time')}>
          {formatHours(m.timeToRestore.medianHours)}
          <small>
            median of {m.timeToRestore.count} incidents; {m.timeToRestore.open} open
          </small>
        </Measure>
      </dl>
      {year && (
        <p className="muted small">
          Tiers: {year.source}. Overall {year.overall ?? 'unknown'} (the worse of throughput and stability).
        </p>
      )}
      <details>
        <summary>How each measure is counted</summary>
        <ul className="small">
          {m.definitions.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

function Measure(props: { label: string; tier: Tier | null; children: ReactNode }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
      <dd className={`dora-tier dora-tier-${props.tier ?? 'unknown'}`}>{props.tier ?? 'not measured'}</dd>
    </div>
  );
}
