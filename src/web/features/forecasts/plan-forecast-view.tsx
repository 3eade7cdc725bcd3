import { useMemo, useState } from 'react';
import { describeError } from '../../api/client';
import type { Item } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { Empty, ErrorState, Loading } from '../../components/states';
import { type Gate, useGate, useWorkspace } from '../workspaces/workspace-context';
import { PercentileCurve } from './forecast-charts';
import {
  buildPercentileCurve,
  describeShift,
  findPercentile,
  formatDay,
  formatShare,
  toDayNumber,
} from './forecast-format';
import { Headline, PercentileRow } from './forecast-parts';
import {
  type PlanForecastOk,
  type PlanSubject,
  useChangeScope,
  useCutWhatIf,
  usePlanForecast,
} from './forecasts-api';

const UNPLANNED_REASONS: Record<string, string> = {
  'not-planned': 'not in the plan',
};

interface ScopeChange {
  label: string;
  /** The forecast the change was made from; the message shows once a newer one arrives. */
  fromForecastId: string;
  before: string | null;
  undo?: { itemId: string; state: Item['state']; title: string };
}

/** A plan forecast of a milestone or chosen items: the answer, the percentiles, the chart, per-item dates. */
export function PlanForecastView(props: { subject: PlanSubject; items: Item[] }) {
  const { workspace } = useWorkspace();
  const [target, setTarget] = useState<string | null>(null);
  const forecast = usePlanForecast(workspace.id, props.subject, target);
  const [change, setChange] = useState<ScopeChange | null>(null);

  if (forecast.isPending) return <Loading label="Simulating the plan" />;
  if (forecast.isError) return <ErrorState error={forecast.error} onRetry={() => void forecast.refetch()} />;
  const data = forecast.data;
  if (data.status === 'nothing-to-forecast') {
    return (
      <Empty title="Nothing to forecast here">
        <p className="muted">{data.reason}.</p>
        <UnplannedList unplanned={data.unplanned} items={props.items} />
      </Empty>
    );
  }
  return (
    <PlanResult
      data={data}
      items={props.items}
      refreshing={forecast.isFetching}
      target={target ?? data.subject.targetDate}
      onTarget={setTarget}
      change={change}
      onChange={setChange}
    />
  );
}

function PlanResult(props: {
  data: PlanForecastOk;
  items: Item[];
  refreshing: boolean;
  target: string | null;
  onTarget: (date: string | null) => void;
  change: ScopeChange | null;
  onChange: (change: ScopeChange | null) => void;
}) {
  const { data, items, refreshing, target, onTarget, change, onChange } = props;
  const { subject, start } = data;
  const p85 = findPercentile(subject.percentiles, 85)?.date ?? null;
  const scope = useGate('scope');
  const curve = useMemo(
    () => buildPercentileCurve({ percentiles: subject.percentiles, start }),
    [subject, start],
  );
  const showChange = change && change.fromForecastId !== data.forecastId;
  return (
    <div className="forecast-result" data-testid="forecast-panel" aria-busy={refreshing}>
      <section className="card-section" aria-labelledby="plan-forecast-heading">
        <div className="section-head">
          <h2 id="plan-forecast-heading">{subject.title}</h2>
          {refreshing && (
            <span className="muted small" role="status">
              Re-running the forecast…
            </span>
          )}
        </div>
        <Headline start={start} percentiles={subject.percentiles}>
          {subject.itemIds.length} open item{subject.itemIds.length === 1 ? '' : 's'}, {data.trials} simulated
          plans through the roadmap scheduler, in the product order and with the dependencies.
        </Headline>
        {showChange && (
          <p className="forecast-change" role="status" data-testid="forecast-change">
            <strong>{change.label}:</strong>{' '}
            {describeShift({ level: 85, before: change.before, after: p85, today: start })}.
            {change.undo && (
              <UndoCut change={change} fromForecastId={data.forecastId} before={p85} onChange={onChange} />
            )}
          </p>
        )}
        <PercentileRow start={start} percentiles={subject.percentiles} unit="date" />
        <TargetChance
          start={start}
          target={target}
          probability={subject.probabilityOnTime}
          milestoneTarget={items.find((it) => it.id === subject.milestoneId)?.targetDate ?? null}
          refreshing={refreshing}
          onTarget={onTarget}
        />
        <PercentileCurve points={curve} start={start} target={target} />
      </section>
      <ItemDates
        data={data}
        items={items}
        scope={scope}
        onCut={(item) =>
          onChange({
            label: `Cut #${item.number} ${item.title}`,
            fromForecastId: data.forecastId,
            before: p85,
            undo: { itemId: item.id, state: item.state, title: `#${item.number} ${item.title}` },
          })
        }
      />
      <UnplannedList unplanned={data.unplanned} items={items} />
      {data.notes.length > 0 && (
        <ul className="plain-list muted small forecast-notes">
          {data.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
          {data.incompleteTrials > 0 && <li>{data.incompleteTrials} trials could not place every item.</li>}
        </ul>
      )}
    </div>
  );
}

function UndoCut(props: {
  change: ScopeChange;
  fromForecastId: string;
  before: string | null;
  onChange: (change: ScopeChange | null) => void;
}) {
  const { workspace } = useWorkspace();
  const scopeChange = useChangeScope(workspace.id);
  const undo = props.change.undo;
  if (!undo) return null;
  return (
    <>
      {' '}
      <button
        type="button"
        className="link-button"
        disabled={scopeChange.isPending}
        onClick={() =>
          scopeChange.mutate(
            {
              itemId: undo.itemId,
              state: undo.state,
              rationale: 'Brought back into scope after seeing the forecast',
            },
            {
              onSuccess: () =>
                props.onChange({
                  label: `Brought back ${undo.title}`,
                  fromForecastId: props.fromForecastId,
                  before: props.before,
                }),
            },
          )
        }
      >
        Bring it back
      </button>
      {scopeChange.isError && <span className="form-error"> {describeError(scopeChange.error)}</span>}
    </>
  );
}

function TargetChance(props: {
  start: string;
  target: string | null;
  probability: number | null;
  milestoneTarget: string | null;
  refreshing: boolean;
  onTarget: (date: string | null) => void;
}) {
  const { start, target, probability, milestoneTarget, refreshing, onTarget } = props;
  return (
    <div className="forecast-target">
      <label className="field forecast-inline-field">
        <span>Probability of hitting</span>
        <input
          type="date"
          value={target ?? ''}
          min={start}
          onChange={(e) => onTarget(e.target.value || null)}
        />
      </label>
      <p className="forecast-chance" data-testid="target-chance" aria-live="polite">
        {!target ? (
          <span className="muted">Pick a date to see the chance of being done by then.</span>
        ) : refreshing ? (
          <span className="muted">Working it out…</span>
        ) : probability === null ? (
          <span className="muted">No chance could be worked out for this date.</span>
        ) : (
          <>
            <strong>{formatShare(probability)}</strong> likely to be done by{' '}
            {formatDay(target, { today: start })}
            {target === milestoneTarget ? ' (the target date)' : ''}
            {toDayNumber(target) < toDayNumber(start) ? ', which has passed' : ''}.
          </>
        )}
      </p>
    </div>
  );
}

function ItemDates(props: { data: PlanForecastOk; items: Item[]; scope: Gate; onCut: (item: Item) => void }) {
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
  const startDay = toDayNumber(data.start);
  const lastDay = Math.max(
    1,
    ...rows.map((r) => {
      const p95 = findPercentile(r.percentiles, 95)?.date;
      return p95 ? toDayNumber(p95) - startDay + 1 : 1;
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
              const from = p50 ? ((toDayNumber(p50) - startDay) / lastDay) * 100 : 0;
              const to = p95 ? ((toDayNumber(p95) - startDay + 1) / lastDay) * 100 : 100;
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

function UnplannedList(props: { unplanned: Array<{ itemId: string; reason: string }>; items: Item[] }) {
  if (props.unplanned.length === 0) return null;
  const byId = new Map(props.items.map((it) => [it.id, it]));
  return (
    <section className="card-section" aria-labelledby="unplanned-heading">
      <h2 id="unplanned-heading">Not in these dates</h2>
      <p className="muted">This work cannot be planned yet, so the dates above leave it out.</p>
      <ul className="plain-list">
        {props.unplanned.map((u) => {
          const it = byId.get(u.itemId);
          return (
            <li key={u.itemId}>
              {it ? `#${it.number} ${it.title}` : u.itemId}:{' '}
              <span className="muted">{UNPLANNED_REASONS[u.reason] ?? u.reason.replaceAll('-', ' ')}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
