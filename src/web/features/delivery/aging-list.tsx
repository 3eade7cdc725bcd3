import type { AgingRow } from './delivery-api';
import { ageLevel, describeAgingPercentile, formatDays } from './delivery-format';

/**
 * Each started, unfinished item, oldest first: its age since it started and the share of the
 * period's finished work it is already older than, so late work shows before it is late.
 */
export function AgingList({ rows, p85 }: { rows: readonly AgingRow[]; p85: number | null }) {
  if (rows.length === 0) return <p className="muted">Nothing is in progress.</p>;
  // The bar of each age is drawn against the oldest item or the 85th percentile, whichever is longer.
  const scale = Math.max(p85 ?? 0, ...rows.map((r) => r.ageDays), 1);
  return (
    <div className="table-wrap">
      <table className="table aging-table">
        <caption className="sr-only">Work in progress by age</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">State</th>
            <th scope="col">Assignee</th>
            <th scope="col">Age</th>
            <th scope="col">Against finished work</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.itemId}
              data-testid="aging-row"
              className={`aging-${ageLevel(row.olderThanPercent)}`}
            >
              <td>
                <span className="muted">#{row.number}</span> {row.title}
              </td>
              <td>{row.stateName}</td>
              <td>{row.assignee?.name ?? <span className="muted">unassigned</span>}</td>
              <td className="aging-age">
                <span className="aging-bar" aria-hidden="true">
                  <span style={{ width: `${(100 * row.ageDays) / scale}%` }} />
                  {p85 !== null && <span className="aging-p85" style={{ left: `${(100 * p85) / scale}%` }} />}
                </span>
                {formatDays(row.ageDays)}
              </td>
              <td data-testid="aging-percentile">{describeAgingPercentile(row.olderThanPercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
