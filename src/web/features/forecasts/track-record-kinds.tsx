import { formatShare } from './forecast-format';
import type { TrackRecord } from './forecasts-api';

const FAMILY_LABELS: Record<TrackRecord['byKind'][number]['family'], string> = {
  throughput: 'Throughput (“when will N items be done?”, “how many by…?”)',
  plan: 'Plan (milestones and chosen items, through the roadmap scheduler)',
};

const share = (observed: number | null, forecasts: number) =>
  observed === null ? '—' : `${formatShare(observed)} of ${forecasts}`;

/** How reliable each kind of forecast has been, and whether its P85 got more honest lately. */
export function TrackRecordByKind(props: { byKind: TrackRecord['byKind'] }) {
  return (
    <section className="card-section" aria-labelledby="by-kind-heading">
      <h2 id="by-kind-heading">Each kind of forecast</h2>
      <p className="muted">
        Throughput and plan forecasts are wrong in different ways, so each is judged on its own record: how
        often the work landed at or before the P85, over the latest forecasts and the ones before them.
      </p>
      <div className="table-wrap">
        <table className="table forecast-by-kind">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Scored</th>
              <th scope="col">At or before P85</th>
              <th scope="col">Latest</th>
              <th scope="col">Earlier</th>
              <th scope="col">Waiting</th>
            </tr>
          </thead>
          <tbody>
            {props.byKind.map((k) => {
              const p85 = k.calibration.rows.find((r) => r.level === 85);
              return (
                <tr key={k.family} data-testid={`track-kind-${k.family}`}>
                  <th scope="row">{FAMILY_LABELS[k.family]}</th>
                  <td>{k.calibration.forecasts}</td>
                  <td>{p85 ? share(p85.observed, p85.count) : '—'}</td>
                  <td>{share(k.trend.recent.observed, k.trend.recent.forecasts)}</td>
                  <td>{share(k.trend.earlier.observed, k.trend.earlier.forecasts)}</td>
                  <td>{k.pending}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Latest: the last {props.byKind[0]?.trend.recentCount ?? 10} scored forecasts of that kind; earlier:
        all the ones before them. An honest P85 lands at about 85%.
      </p>
    </section>
  );
}
