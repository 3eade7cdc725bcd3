import { useMemo, useState } from 'react';
import { readDayNumber } from '../../../domain/shared';
import { describeError } from '../../api/client';
import type { Item } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { type Gate, useWorkspace } from '../workspaces/workspace-context';
import { findPercentile, formatDay } from './forecast-format';
import { type PlanForecastOk, useChangeScope, useCutWhatIf } from './forecasts-api';

/**
 * The dates of each item of a plan forecast in product order, with a range bar, a what-if (the
 * plan without the item, nothing stored) and the cut itself (the scope decision).
 */
export function ItemDates(props: {
  data: PlanForecastOk;
  items: Item[];
  scope: Gate;
  onCut: (item: Item) => void;
}) {
  const { data, items, scope, onCut } = props;
  const [cutting, setCutting] = useState<Item | null>(null);
  const [whatIf, setWhatIf] = useState<{ itemId: string; text: string } | null>(null);
  const { workspace } = useWorkspace();
  const cutWhatIf = useCutWhatIf(workspace.id);
  // Product order: the order of the workspace's item list.
  const rankOf = useMemo(() => new Map(items.map((it, i) => [it.id, i])), [items]);
  const byId = useMemo(() => new Map(items.map((it) => [it.id, it])), [items]);
  const rows = [...data.items].sort(
    (a, b) => (rankOf.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (rankOf.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
  const startDay = readDayNumber(data.start);
  const lastDay = Math.max(
    1,
    ...rows.map((r) => {
      const p95 = findPercentile(r.percentiles, 95)?.date;
      return p95 ? readDayNumber(p95) - startDay + 1 : 1;
    }),
  );
  const milestoneId = data.subject.milestoneId;
  const askWhatIf = (itemId: string) =>
    cutWhatIf.mutate(itemId, {
      onSuccess: (result) => {
        const m = result.milestones.find((x) => x.milestoneId === milestoneId);
        const days = m?.differenceDays ?? result.endDifferenceDays;
        const what = m ? `#${m.title.replace(/^#/, '')}` : 'the whole plan';
        const text =
          days === 0
            ? `Without it, the single most likely plan for ${what} ends on the same day.`
            : `Without it, the single most likely plan for ${what} ends ${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days < 0 ? 'earlier' : 'later'}.`;
        setWhatIf({ itemId, text: `${text} Nothing was changed or stored.` });
      },
      onError: (error) => setWhatIf({ itemId, text: describeError(error) }),
    });
  return (
    <section className="card-section" aria-labelledby="item-dates-heading">
      <div className="section-head">
        <h2 id="item-dates-heading">Dates per item, in product order</h2>
      </div>
      {!scope.allowed && (
        <p className="notice small" role="note">
          Cutting scope: {scope.reason}.
        </p>
      )}
      <div className="table-wrap">
        <table className="table forecast-items">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">50%</th>
              <th scope="col">85%</th>
              <th scope="col">95%</th>
              <th scope="col" className="forecast-range-head">
                Range (50–95%)
              </th>
              <th scope="col">
                <span className="sr-only">Scope</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const item = byId.get(row.id);
              const p50 = findPercentile(row.percentiles, 50)?.date ?? null;
              const p85 = findPercentile(row.percentiles, 85)?.date ?? null;
              const p95 = findPercentile(row.percentiles, 95)?.date ?? null;
              const from = p50 ? ((readDayNumber(p50) - startDay) / lastDay) * 100 : 0;
              const to = p95 ? ((readDayNumber(p95) - startDay + 1) / lastDay) * 100 : 100;
              const show = (d: string | null) => (d ? formatDay(d, { today: data.start }) : '—');
              return (
                <tr key={row.id} data-testid="forecast-item-row">
                  <th scope="row" className="forecast-item-title">
                    {row.title}
                    {whatIf?.itemId === row.id && (
                      <span className="muted small forecast-whatif" role="status">
                        {whatIf.text}
                      </span>
                    )}
                  </th>
                  <td>{show(p50)}</td>
                  <td>
                    <strong>{show(p85)}</strong>
                  </td>
                  <td>{show(p95)}</td>
                  <td className="forecast-range-cell" aria-hidden="true">
                    <span
                      className="forecast-range"
                      style={{ left: `${from}%`, width: `${Math.max(1, to - from)}%` }}
                    />
                  </td>
                  <td className="forecast-actions">
                    <button
                      type="button"
                      className="button button-ghost"
                      aria-label={`What if ${row.title} were cut?`}
                      disabled={cutWhatIf.isPending}
                      onClick={() => askWhatIf(row.id)}
                    >
                      What if?
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Cut ${row.title} from scope`}
                      disabled={!scope.allowed || !item}
                      title={scope.reason ?? undefined}
                      onClick={() => item && setCutting(item)}
                    >
                      Cut
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {cutting && (
        <CutDialog
          item={cutting}
          subjectTitle={data.subject.title}
          onClose={() => setCutting(null)}
          onDone={() => {
            onCut(cutting);
            setCutting(null);
          }}
        />
      )}
    </section>
  );
}

function CutDialog(props: { item: Item; subjectTitle: string; onClose: () => void; onDone: () => void }) {
  const { item, subjectTitle, onClose, onDone } = props;
  const { workspace } = useWorkspace();
  const scopeChange = useChangeScope(workspace.id);
  const [rationale, setRationale] = useState(`Cut from ${subjectTitle} to bring its date in.`);
  return (
    <Dialog title={`Cut #${item.number} from scope?`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          scopeChange.mutate({ itemId: item.id, state: 'cancelled', rationale }, { onSuccess: onDone });
        }}
      >
        <p>
          “{item.title}” will be cancelled: a scope decision, recorded in the decision log with your reason.
          The forecast re-runs without it.
        </p>
        <label className="field">
          <span>Why</span>
          <textarea rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />
        </label>
        {scopeChange.isError && (
          <p className="form-error" role="alert">
            {describeError(scopeChange.error)}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            Keep it
          </button>
          <button type="submit" className="button button-primary" disabled={scopeChange.isPending}>
            Cut from scope
          </button>
        </div>
      </form>
    </Dialog>
  );
}
