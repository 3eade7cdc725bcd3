import type { ReactNode } from 'react';
import { describeDistance, findPercentile, formatDay, type Percentile } from './forecast-format';
import type { InsufficientHistory } from './forecasts-api';

export const LEVELS = [50, 70, 85, 95] as const;

/** "85% likely by Wed 6 Jan 2027": the answer, first and in plain words. */
export function Headline(props: { start: string; percentiles: readonly Percentile[]; children?: ReactNode }) {
  const p85 = findPercentile(props.percentiles, 85);
  const day = p85?.date ?? null;
  return (
    <div className="forecast-headline">
      <p className="forecast-answer" data-testid="forecast-headline">
        {day ? (
          <>
            85% likely by <strong>{formatDay(day, { today: props.start, weekday: true })}</strong>
          </>
        ) : (
          <>Not 85% likely within the horizon of the simulation</>
        )}
      </p>
      {day && (
        <p className="muted">
          {describeDistance((p85?.dayOffset ?? 0) as number)}. {props.children}
        </p>
      )}
    </div>
  );
}

/** The four percentiles side by side, dates or counts. */
export function PercentileRow(props: {
  start: string;
  percentiles: readonly Percentile[];
  unit: 'date' | 'count';
}) {
  return (
    <dl className="percentiles" aria-label="Percentiles">
      {LEVELS.map((level) => {
        const p = findPercentile(props.percentiles, level);
        let value = '—';
        if (props.unit === 'count' && p?.count !== undefined) value = `${p.count} items`;
        if (props.unit === 'date')
          value = p?.date ? formatDay(p.date, { today: props.start }) : 'beyond horizon';
        return (
          <div key={level} className={level === 85 ? 'percentile is-key' : 'percentile'}>
            <dt>
              {level}% {props.unit === 'count' ? 'sure of at least' : 'likely by'}
            </dt>
            <dd data-testid={`p${level}`}>{value}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** The honest answer when the history is too thin: what is needed, what there is. */
export function TooLittleHistory({ answer }: { answer: InsufficientHistory }) {
  const rows: { key: keyof InsufficientHistory['needed']; label: string }[] = [
    { key: 'sampleDays', label: 'days of history' },
    { key: 'items', label: 'completed items' },
    { key: 'activeDays', label: 'days with a completion' },
  ];
  return (
    <section className="card-section" aria-labelledby="too-little-heading" data-testid="insufficient-history">
      <h2 id="too-little-heading">Not enough history to forecast yet</h2>
      <p>
        {answer.reason}. Rather than make a number up, Headway waits until the team has finished enough work
        to learn from.
      </p>
      <div className="table-wrap">
        <table className="table forecast-minimum">
          <thead>
            <tr>
              <th scope="col">Needed at least</th>
              <th scope="col">Found</th>
              <th scope="col">
                <span className="sr-only">Measure</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{answer.needed[r.key]}</td>
                <td className={answer.found[r.key] < answer.needed[r.key] ? 'is-short' : undefined}>
                  {answer.found[r.key]}
                </td>
                <td>{r.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        A plan forecast (pick a milestone or chosen items) works from estimates instead, and needs no history.
      </p>
    </section>
  );
}
