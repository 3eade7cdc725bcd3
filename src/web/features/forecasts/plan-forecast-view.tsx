import { useMemo, useState } from 'react';
import { explainScheduleGap } from '../../../domain/forecasting/schedule-gap';
import { readDayNumber } from '../../../domain/shared';
import { describeError } from '../../api/client';
import type { Item } from '../../api/types';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useRoadmap } from '../roadmap/roadmap-api';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { DistributionCurve } from './forecast-charts';
import {
  buildDistributionCurve,
  describeShift,
  findPercentile,
  formatDay,
  formatShare,
} from './forecast-format';
import { Headline, PercentileRow } from './forecast-parts';
import { type PlanForecastOk, type PlanSubject, useChangeScope, usePlanForecast } from './forecasts-api';
import { PlanComparison } from './plan-comparison';
import { ItemDates } from './plan-item-dates';

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
    () =>
      buildDistributionCurve({
        distribution: subject.distribution,
        levels: subject.percentiles.map((p) => p.level),
      }),
    [subject],
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
        <p className="muted small" data-testid="plan-track-record">
          Plan forecasts’ track record: {data.record.trackRecord}.
        </p>
        {subject.milestoneId && <ScheduleGapLine data={data} milestoneId={subject.milestoneId} p85={p85} />}
        <PercentileRow start={start} percentiles={subject.percentiles} unit="date" />
        <TargetChance
          start={start}
          target={target}
          probability={subject.probabilityOnTime}
          milestoneTarget={items.find((it) => it.id === subject.milestoneId)?.targetDate ?? null}
          refreshing={refreshing}
          onTarget={onTarget}
        />
        <DistributionCurve points={curve} start={start} target={target} />
      </section>
      <PlanComparison comparison={data.comparison} start={start} />
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

/**
 * Why the roadmap's scheduled date for this milestone and this forecast's P85 differ, in the same
 * sentence the milestone's roadmap card shows (nothing when they tell the same story).
 */
function ScheduleGapLine(props: { data: PlanForecastOk; milestoneId: string; p85: string | null }) {
  const { data, milestoneId, p85 } = props;
  const { workspace } = useWorkspace();
  const roadmap = useRoadmap(workspace.id, null);
  const milestone = roadmap.data?.milestones.find((m) => m.id === milestoneId);
  if (!milestone) return null;
  const gap = explainScheduleGap({
    start: data.start,
    scheduled: milestone.date,
    p85,
    basis: { ...data.record, unestimated: data.unestimated.count },
  });
  if (!gap.line) return null;
  return (
    <p className="muted small" data-testid="forecast-schedule-gap">
      Scheduled on the roadmap for{' '}
      {milestone.date ? formatDay(milestone.date, { today: data.start }) : 'no date'}. {gap.line}
    </p>
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
            {readDayNumber(target) < readDayNumber(start) ? ', which has passed' : ''}.
          </>
        )}
      </p>
    </div>
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
