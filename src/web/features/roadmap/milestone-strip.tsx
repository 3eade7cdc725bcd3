import { useMemo } from 'react';
import type { MilestoneForecastsView } from '../../../contract';
import {
  describeMilestoneRisk,
  judgeMilestoneRisk,
  MILESTONE_RISK_RULE,
} from '../../../domain/forecasting/milestone-risk';
import { explainScheduleGap } from '../../../domain/forecasting/schedule-gap';
import { useSlips } from '../../api/decision-hooks';
import type { Item, TargetDateSlip } from '../../api/types';
import { formatDay, formatShare } from '../forecasts/forecast-format';
import { describeSlipDates } from '../item/target-date';
import { useWorkspace } from '../workspaces/workspace-context';
import { formatShortDate } from './dates';
import type { HealthUpdate } from './health-api';
import { HealthCallLine, useLatestCalls } from './health-updates';
import { type Roadmap, type RoadmapMilestone, useMilestoneForecasts } from './roadmap-api';
import './milestone-strip.css';

type MilestoneForecast = MilestoneForecastsView['milestones'][number];

/**
 * One card per milestone telling one story: the scheduled date beside the forecast's P85 and its
 * chance of meeting the target, late or at risk as the forecast judges it (not the single
 * scheduled date), the track record of plan forecasts, and, when the schedule and the P85 tell
 * different stories, why. Also whether the target is committed and its latest slip.
 */
export function MilestoneStrip({
  plan,
  items,
  onOpen,
}: {
  plan: Roadmap;
  items: Item[] | undefined;
  onOpen: (id: string) => void;
}) {
  const { workspace } = useWorkspace();
  const slips = useSlips(workspace.id);
  const latest = useMemo(() => {
    const map = new Map<string, { last: TargetDateSlip; count: number }>();
    // Newest first from the API: the first seen per item is its latest.
    for (const s of slips.data ?? []) {
      const seen = map.get(s.itemId);
      map.set(s.itemId, seen ? { ...seen, count: seen.count + 1 } : { last: s, count: 1 });
    }
    return map;
  }, [slips.data]);
  const committed = useMemo(
    () => new Set((items ?? []).filter((it) => it.targetDateCommittedAt).map((it) => it.id)),
    [items],
  );
  const forecasts = useMilestoneForecasts(workspace.id);
  const calls = useLatestCalls(workspace.id);
  const forecastOf = useMemo(
    () => new Map((forecasts.data?.milestones ?? []).map((f) => [f.id, f] as const)),
    [forecasts.data],
  );
  if (plan.milestones.length === 0) return null;
  return (
    <section aria-label="Milestones">
      <ul className="milestones">
        {plan.milestones.map((m) => (
          <MilestoneCard
            key={m.id}
            milestone={m}
            forecast={forecastOf.get(m.id)}
            view={forecasts.data}
            committed={committed.has(m.id)}
            call={calls.get(m.id)}
            slip={latest.get(m.id)}
            onOpen={onOpen}
          />
        ))}
      </ul>
    </section>
  );
}

function MilestoneCard(props: {
  milestone: RoadmapMilestone;
  forecast: MilestoneForecast | undefined;
  view: MilestoneForecastsView | undefined;
  committed: boolean;
  call: HealthUpdate | undefined;
  slip: { last: TargetDateSlip; count: number } | undefined;
  onOpen: (id: string) => void;
}) {
  const { milestone: m, forecast, view, committed, call, slip, onOpen } = props;
  const risk = judgeMilestoneRisk(forecast?.probabilityOnTime ?? null);
  const gap =
    forecast && view
      ? explainScheduleGap({
          start: view.start,
          scheduled: m.date,
          p85: forecast.p85,
          basis: { ...view.record, unestimated: forecast.unestimated },
        })
      : null;
  return (
    <li
      className={`milestone-card${risk === 'late' ? ' is-late' : risk === 'at-risk' ? ' is-at-risk' : ''}`}
      data-testid="milestone-card"
    >
      <button type="button" className="milestone-title" onClick={() => onOpen(m.id)}>
        <span aria-hidden="true" className="milestone-diamond" /> {m.title}
      </button>
      <span className="small">
        Scheduled <strong>{m.date ? formatShortDate(m.date) : 'not planned'}</strong>
        {m.targetDate && <> · target {formatShortDate(m.targetDate)}</>}
        {m.targetDate && committed && <span className="committed-badge">committed</span>}
        {risk && (
          <span
            className={`risk-badge risk-${risk}`}
            title={MILESTONE_RISK_RULE}
            data-testid="milestone-risk"
          >
            {risk === 'on-track' ? '' : '⚠ '}
            {describeMilestoneRisk(risk)}
          </span>
        )}
      </span>
      {forecast?.p85 && view && (
        <span className="small" data-testid="milestone-forecast">
          Forecast: 85% likely by{' '}
          <strong>{formatDay(forecast.p85, { today: view.start, weekday: true })}</strong>
          {forecast.probabilityOnTime !== null && (
            <span className={risk === 'on-track' ? 'slip-ok' : 'slip-late'}>
              {' '}
              · {formatShare(forecast.probabilityOnTime)} likely by the target
            </span>
          )}
          <span className="muted" data-testid="milestone-track-record">
            {' '}
            · {view.record.trackRecord}
          </span>
        </span>
      )}
      {!view && m.targetDate && (
        <span className="small muted">Working out the chance of meeting the target…</span>
      )}
      {gap?.line && (
        <span className="small muted milestone-gap" data-testid="milestone-gap">
          {gap.line}
        </span>
      )}
      {call && <HealthCallLine update={call} probabilityOnTime={forecast?.probabilityOnTime ?? null} />}
      {slip && <SlipLine {...slip} />}
    </li>
  );
}

/** The latest slip of a milestone's committed date, with its reason, on its card. */
function SlipLine({ last, count }: { last: TargetDateSlip; count: number }) {
  return (
    <span className="small slip" data-testid="milestone-slip">
      Slipped {describeSlipDates(last)}: <span className="slip-reason">“{last.reason}”</span>{' '}
      <span className="muted">
        — {last.movedByName}
        {count > 1 ? ` · ${count} slips` : ''}
      </span>
    </span>
  );
}
