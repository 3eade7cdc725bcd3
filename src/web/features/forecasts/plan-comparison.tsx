import { formatDay } from './forecast-format';
import type { PlanForecastOk } from './forecasts-api';

/** The plan's answer beside the throughput forecast for the same work, and why they differ. */
export function PlanComparison(props: { comparison: PlanForecastOk['comparison']; start: string }) {
  const { comparison, start } = props;
  const day = (date: string | null) => (date ? formatDay(date, { today: start }) : 'no date');
  return (
    <section className="card-section" aria-labelledby="comparison-heading" data-testid="plan-comparison">
      <h2 id="comparison-heading">Plan and throughput</h2>
      {comparison.status === 'unavailable' ? (
        <p className="muted">No throughput forecast to set beside the plan: {comparison.reason}.</p>
      ) : (
        <>
          <p>
            The plan says 85% likely by <strong>{day(comparison.planP85)}</strong>; the team’s throughput says
            85% likely by <strong>{day(comparison.throughputP85)}</strong> for the {comparison.items} item
            {comparison.items === 1 ? '' : 's'} the plan finishes by then (throughput{' '}
            {comparison.calibrationLabel}).{' '}
            {comparison.agree ? 'They tell the same story.' : 'They still disagree, for these reasons:'}
          </p>
          {comparison.reasons.length > 0 && (
            <ul className="plain-list small">
              {comparison.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
