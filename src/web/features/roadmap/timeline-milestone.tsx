import type { MilestoneForecastsView } from '../../../contract';
import { describeMilestoneRisk, judgeMilestoneRisk } from '../../../domain/forecasting/milestone-risk';
import { readDayNumber } from '../../../domain/shared';
import { describeMilestoneForecast } from '../forecasts/forecast-format';
import { describeSlip, formatShortDate } from './dates';
import type { RoadmapMilestone } from './roadmap-api';

/** A milestone's plan forecast, with the day its dates are read from. */
export interface TimelineForecast {
  start: string;
  forecast: MilestoneForecastsView['milestones'][number];
}

/** How a milestone stands on the timeline: from its forecast when there is one, else from its schedule. */
export function judgeTimelineMilestone(
  milestone: RoadmapMilestone,
  forecast: TimelineForecast | undefined,
): { className: string; status: string | null } {
  if (forecast?.forecast.p85) {
    const risk = judgeMilestoneRisk(forecast.forecast.probabilityOnTime);
    return {
      className: risk === 'late' ? ' is-late' : risk === 'at-risk' ? ' is-at-risk' : '',
      status: risk ? describeMilestoneRisk(risk) : null,
    };
  }
  const late = (milestone.slipDays ?? 0) > 0;
  return {
    className: late ? ' is-late' : '',
    status: milestone.targetDate ? describeSlip(milestone.slipDays) : null,
  };
}

/**
 * A milestone on the timeline. With a plan forecast, its diamond sits at the forecast's P85 and
 * its label says the P85 and the chance of the target in the roadmap card's words, with the
 * scheduled date a small tick: the timeline tells the forecast's story, not the single schedule.
 * Without one (not yet simulated, or not plannable), the diamond sits at the scheduled date.
 */
export function MilestoneMark(props: {
  milestone: RoadmapMilestone;
  forecast: TimelineForecast | undefined;
  y: number;
  xOf: (day: number) => number;
}) {
  const { milestone: m, forecast, y, xOf } = props;
  const { className } = judgeTimelineMilestone(m, forecast);
  // A milestone is reached at the end of the day its last item finishes.
  const endOf = (iso: string) => xOf(readDayNumber(iso) + 1);
  const scheduled = m.date ? endOf(m.date) : null;
  const target = m.targetDate ? endOf(m.targetDate) : null;
  const p85 = forecast?.forecast.p85 ?? null;
  const diamond = p85 ? endOf(p85) : scheduled;
  const targetText = m.targetDate ? ` · target ${formatShortDate(m.targetDate)}` : '';
  const label = p85
    ? `${describeMilestoneForecast({ p85, probabilityOnTime: forecast!.forecast.probabilityOnTime }, forecast!.start)}${targetText}`
    : m.date
      ? `${formatShortDate(m.date)}${m.targetDate ? `${targetText}${(m.slipDays ?? 0) > 0 ? ` · ${describeSlip(m.slipDays)}` : ''}` : ''}`
      : null;
  const schedule = `scheduled ${m.date ? formatShortDate(m.date) : 'not planned'}`;
  const title = p85
    ? `${m.title}: ${label} (${schedule})`
    : `${m.title}: planned ${m.date ? formatShortDate(m.date) : 'not planned'}${m.targetDate ? `, target ${formatShortDate(m.targetDate)} (${describeSlip(m.slipDays)})` : ''}`;
  return (
    <g className={`gantt-milestone${className}`} data-testid="timeline-milestone" data-milestone={m.id}>
      <title>{title}</title>
      {diamond !== null && target !== null && (
        <line x1={diamond} x2={target} y1={y} y2={y} className="gantt-milestone-gap" />
      )}
      {target !== null && (
        <g transform={`translate(${target},${y})`}>
          <path d="M0,-7 L7,0 L0,7 L-7,0 z" className="gantt-target" />
        </g>
      )}
      {p85 && scheduled !== null && (
        <line x1={scheduled} x2={scheduled} y1={y - 6} y2={y + 6} className="gantt-scheduled" />
      )}
      {diamond !== null && (
        <g transform={`translate(${diamond},${y})`}>
          <path d="M0,-7 L7,0 L0,7 L-7,0 z" className="gantt-diamond" />
        </g>
      )}
      {diamond !== null && label && (
        <text
          x={Math.max(diamond, target ?? 0) + 10}
          y={y + 4}
          className="gantt-milestone-text"
          data-testid="timeline-milestone-label"
        >
          {label}
        </text>
      )}
    </g>
  );
}
