import type { Item } from '../../api/types';
import { useWorkspace } from '../workspaces/workspace-context';
import { useCalibratedEstimate } from './estimation-api';

const days = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} d`);

/** An item's estimate raw and calibrated with the team's history, side by side; honest when it cannot. */
export function CalibratedEstimate({ item }: { item: Item }) {
  const { workspace } = useWorkspace();
  const hasEstimate = item.estimate !== null;
  const query = useCalibratedEstimate(workspace.id, item.id, hasEstimate);
  if (!hasEstimate || query.isPending || query.isError) return null;
  const { result } = query.data;
  return (
    <section className="panel-section calibrated-estimate" aria-labelledby="calibrated-heading">
      <h3 id="calibrated-heading">Calibrated with history</h3>
      {!result.ok ? (
        <p className="muted small" data-testid="calibration-refusal">
          Not calibrated: {result.reason} ({result.have} of {result.needed} completed items).
        </p>
      ) : (
        <>
          <table className="table" data-testid="calibrated-estimate">
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">Point</span>
                </th>
                <th scope="col">Raw</th>
                <th scope="col">Calibrated</th>
              </tr>
            </thead>
            <tbody>
              {(['optimistic', 'likely', 'pessimistic'] as const).map((k) => (
                <tr key={k}>
                  <th scope="row">{k[0]?.toUpperCase() + k.slice(1)}</th>
                  <td>{days(result.raw[k])}</td>
                  <td>{days(result.calibrated[k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Based on {result.basedOn.count} items of {result.basedOn.group.name}; {result.note}.
          </p>
        </>
      )}
    </section>
  );
}
